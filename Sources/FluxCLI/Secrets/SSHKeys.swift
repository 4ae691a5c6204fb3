import Crypto
import Foundation
import _CryptoExtras

/// The key `create source git`/`create secret git` generate when no `--private-key-file` is given.
enum SSHKeyAlgorithm: Sendable, Equatable {
    case rsa(bits: Int)
    case ecdsa(curve: String)
    case ed25519
}

/// The `--ssh-key-algorithm`, `--ssh-rsa-bits` and `--ssh-ecdsa-curve` flags.
enum SSHKeyFlags {
    static let specs: [FlagSpec] = [
        FlagSpec("ssh-key-algorithm", .custom("publicKeyAlgorithm"), default: "ecdsa", usage: "SSH public key algorithm (rsa, ecdsa, ed25519)") { value in
            if value.isEmpty { return "no public key algorithm given, must be one of: rsa, ecdsa, ed25519" }
            return ["rsa", "ecdsa", "ed25519"].contains(value) ? nil
                : "unsupported public key algorithm '\(value)', must be one of: rsa, ecdsa, ed25519"
        },
        FlagSpec("ssh-rsa-bits", .custom("rsaKeyBits"), default: "2048", usage: "SSH RSA public key bit size (multiplies of 8, min 1024)") { value in
            if value.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            guard let bits = Int(value) else { return "strconv.Atoi: parsing \(FlagConversion.goQuote(value)): invalid syntax" }
            if bits < 1024 { return "RSA key bit size must be at least 1024" }
            return bits % 8 == 0 ? nil : "RSA key bit size must be a multiples of 8"
        },
        FlagSpec("ssh-ecdsa-curve", .custom("ecdsaCurve"), default: "p384", usage: "SSH ECDSA public key curve (p256, p384, p521)") { value in
            ["p256", "p384", "p521"].contains(value) ? nil : "unsupported curve '\(value)', must be one of: p256, p384, p521"
        },
    ]

    static func algorithm(_ context: FluxContext) throws -> SSHKeyAlgorithm {
        switch context.flags.string("ssh-key-algorithm") {
        case "rsa": return .rsa(bits: Int(context.flags.string("ssh-rsa-bits")) ?? 2048)
        case "ed25519": return .ed25519
        default: return .ecdsa(curve: context.flags.string("ssh-ecdsa-curve"))
        }
    }
}

/// SSH keys for Git secrets: reading a private key file (OpenSSH or PEM) for its public key, and
/// generating key pairs as fluxcd/pkg `ssh` does (PEM for RSA and ECDSA, OpenSSH for Ed25519).
enum SSHKeys {
    /// `LoadKeyPairFromPath`: nil for an empty path.
    static func loadKeyPair(_ context: FluxContext, path: String, password: String) throws -> SSHKeyPair? {
        if path.isEmpty { return nil }
        guard let data = FileManager.default.contents(atPath: context.environment.resolve(path)) else {
            throw FluxCLIError("failed to open private key file: open \(path): no such file or directory")
        }
        let text = String(decoding: data, as: UTF8.self)
        return SSHKeyPair(privateKey: text, publicKey: try publicKey(ofPrivateKey: text, password: password) + "\n")
    }

    /// The `authorized_keys` line (without newline) of a private key.
    static func publicKey(ofPrivateKey text: String, password: String) throws -> String {
        guard let block = PEMBlock(text) else { throw FluxCLIError("ssh: no key found") }
        switch block.type {
        case "OPENSSH PRIVATE KEY":
            var reader = SSHReader(block.bytes)
            guard reader.readMagic("openssh-key-v1\0"), let cipher = reader.readString(), reader.readString() != nil,
                  reader.readString() != nil, let count = reader.readUInt32(), count >= 1, let blob = reader.readBytes() else {
                throw FluxCLIError("ssh: malformed OpenSSH key")
            }
            if String(decoding: cipher, as: UTF8.self) != "none" && password.isEmpty {
                throw FluxCLIError("ssh: this private key is passphrase protected")
            }
            var blobReader = SSHReader(blob)
            let type = blobReader.readString().map { String(decoding: $0, as: UTF8.self) } ?? ""
            return "\(type) \(Data(blob).base64EncodedString())"
        case "EC PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY":
            if block.encrypted && password.isEmpty { throw FluxCLIError("ssh: this private key is passphrase protected") }
            if let key = try? P256.Signing.PrivateKey(pemRepresentation: text) {
                return ecdsaLine("nistp256", key.publicKey.x963Representation)
            }
            if let key = try? P384.Signing.PrivateKey(pemRepresentation: text) {
                return ecdsaLine("nistp384", key.publicKey.x963Representation)
            }
            if let key = try? P521.Signing.PrivateKey(pemRepresentation: text) {
                return ecdsaLine("nistp521", key.publicKey.x963Representation)
            }
            if let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: text),
               let primitives = try? key.publicKey.getKeyPrimitives() {
                return rsaLine(modulus: primitives.modulus, exponent: primitives.publicExponent)
            }
            throw FluxCLIError("ssh: unsupported key type \(FlagConversion.goQuote(block.type))")
        default:
            throw FluxCLIError("ssh: unsupported key type \(FlagConversion.goQuote(block.type))")
        }
    }

    static func ecdsaLine(_ curve: String, _ point: Data) -> String {
        var w = SSHWriter()
        w.string("ecdsa-sha2-\(curve)")
        w.string(curve)
        w.bytes(Array(point))
        return "ecdsa-sha2-\(curve) \(Data(w.data).base64EncodedString())"
    }

    static func rsaLine(modulus: Data, exponent: Data) -> String {
        var w = SSHWriter()
        w.string("ssh-rsa")
        w.mpint(Array(exponent))
        w.mpint(Array(modulus))
        return "ssh-rsa \(Data(w.data).base64EncodedString())"
    }

    /// A fresh key pair.
    static func generate(_ algorithm: SSHKeyAlgorithm) throws -> SSHKeyPair {
        switch algorithm {
        case .ecdsa(let curve):
            let (oid, raw, point, name): ([UInt8], Data, Data, String)
            switch curve {
            case "p256":
                let key = P256.Signing.PrivateKey()
                (oid, raw, point, name) = ([0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07], key.rawRepresentation, key.publicKey.x963Representation, "nistp256")
            case "p521":
                let key = P521.Signing.PrivateKey()
                (oid, raw, point, name) = ([0x2B, 0x81, 0x04, 0x00, 0x23], key.rawRepresentation, key.publicKey.x963Representation, "nistp521")
            default:
                let key = P384.Signing.PrivateKey()
                (oid, raw, point, name) = ([0x2B, 0x81, 0x04, 0x00, 0x22], key.rawRepresentation, key.publicKey.x963Representation, "nistp384")
            }
            // SEC 1 ECPrivateKey, as x509.MarshalECPrivateKey writes it.
            let der = DER.sequence(DER.integer([1]) + DER.tlv(0x04, Array(raw)) + DER.tlv(0xA0, DER.tlv(0x06, oid))
                                   + DER.tlv(0xA1, DER.tlv(0x03, [0] + Array(point))))
            return SSHKeyPair(privateKey: PEMBlock.encode("EC PRIVATE KEY", der), publicKey: ecdsaLine(name, point) + "\n")
        case .rsa(let bits):
            let key: _RSA.Signing.PrivateKey
            do { key = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: bits)) } catch {
                throw FluxCLIError("key pair generation failed, error: \(error)")
            }
            let primitives = try key.publicKey.getKeyPrimitives()
            return SSHKeyPair(privateKey: PEMBlock.encode("RSA PRIVATE KEY", Array(key.derRepresentation)),
                              publicKey: rsaLine(modulus: primitives.modulus, exponent: primitives.publicExponent) + "\n")
        case .ed25519:
            let key = Curve25519.Signing.PrivateKey()
            let pub = Array(key.publicKey.rawRepresentation)
            var blob = SSHWriter()
            blob.string("ssh-ed25519")
            blob.bytes(pub)
            var secret = SSHWriter()
            let check = UInt32.random(in: 0...UInt32.max)
            secret.uint32(check)
            secret.uint32(check)
            secret.string("ssh-ed25519")
            secret.bytes(pub)
            secret.bytes(Array(key.rawRepresentation) + pub)
            secret.string("")
            var pad: UInt8 = 1
            while secret.data.count % 8 != 0 { secret.data.append(pad); pad += 1 }
            var w = SSHWriter()
            w.data += Array("openssh-key-v1\0".utf8)
            w.string("none")
            w.string("none")
            w.string("")
            w.uint32(1)
            w.bytes(blob.data)
            w.bytes(secret.data)
            return SSHKeyPair(privateKey: PEMBlock.encode("OPENSSH PRIVATE KEY", w.data),
                              publicKey: "ssh-ed25519 \(Data(blob.data).base64EncodedString())\n")
        }
    }
}
