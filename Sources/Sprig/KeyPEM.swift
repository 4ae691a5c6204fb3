import Crypto
import _CryptoExtras
import X509

/// Private keys as sprig writes them: RSA as PKCS#1 (`RSA PRIVATE KEY`), ECDSA as SEC1
/// (`EC PRIVATE KEY`), Ed25519 as PKCS#8 (`PRIVATE KEY`).
enum KeyPEM {
    /// `genPrivateKey`: `rsa` (4096 bits, also the default), `ecdsa` (P-256), `ed25519`.
    /// DSA is not available in swift-crypto; it reports a generation failure.
    static func generate(_ type: String) -> String {
        do {
            switch type {
            case "", "rsa": return terminated(try _RSA.Signing.PrivateKey(keySize: .bits4096).pemRepresentation)
            case "ecdsa": return pem(P256.Signing.PrivateKey())
            case "ed25519": return pem(Curve25519.Signing.PrivateKey())
            case "dsa": return "failed to generate dsa params: DSA is not supported"
            default: return "Unknown type " + type
            }
        } catch {
            return "failed to generate private key: \(error)"
        }
    }

    static func pem(_ key: P256.Signing.PrivateKey) -> String {
        let secret = Array(key.rawRepresentation)
        let pub = Array(key.publicKey.x963Representation)
        var der: [UInt8] = [0x02, 0x01, 0x01, 0x04, 0x20] + secret
        der += [0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
        der += [0xA1, 0x44, 0x03, 0x42, 0x00] + pub
        return block("EC PRIVATE KEY", [0x30, UInt8(der.count)] + der)
    }

    static func pem(_ key: Curve25519.Signing.PrivateKey) -> String {
        let der: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
            + Array(key.rawRepresentation)
        return block("PRIVATE KEY", der)
    }

    /// The PEM text sprig re-emits for a parsed key.
    static func pem(_ key: Certificate.PrivateKey, original: String) -> String {
        if original.contains("BEGIN RSA PRIVATE KEY") || original.contains("BEGIN EC PRIVATE KEY") {
            return original.hasSuffix("\n") ? original : original + "\n"
        }
        return (try? key.serializeAsPEM().pemString).map { $0 + "\n" } ?? original
    }

    static func terminated(_ pem: String) -> String { pem.hasSuffix("\n") ? pem : pem + "\n" }

    /// Go's `pem.Encode`: 64-column base64 body, trailing newline.
    static func block(_ type: String, _ der: [UInt8]) -> String {
        let body = Base64.encode(der)
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty { lines.append(String(rest.prefix(64))); rest = rest.dropFirst(64) }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + "\n-----END \(type)-----\n"
    }
}
