import Crypto
import _CryptoExtras
import Foundation
import GoTemplate
import SwiftASN1
import X509

extension Sprig {
    static let certificates: [GoFunction] = [
        fn("genCA", [.string, .int], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.ca(cn: a[0].str, days: a[1].intValue, keyPEM: nil)
        },
        fn("genCAWithKey", [.string, .int, .string], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.ca(cn: a[0].str, days: a[1].intValue, keyPEM: a[2].str)
        },
        fn("genSelfSignedCert", [.string, .sliceOfAny, .sliceOfAny, .int], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.leaf(cn: a[0].str, ips: a[1], dns: a[2], days: a[3].intValue, keyPEM: nil, ca: nil)
        },
        fn("genSelfSignedCertWithKey", [.string, .sliceOfAny, .sliceOfAny, .int, .string], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.leaf(cn: a[0].str, ips: a[1], dns: a[2], days: a[3].intValue, keyPEM: a[4].str, ca: nil)
        },
        fn("genSignedCert", [.string, .sliceOfAny, .sliceOfAny, .int, CertificateObject.type], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.leaf(cn: a[0].str, ips: a[1], dns: a[2], days: a[3].intValue, keyPEM: nil, ca: a[4])
        },
        fn("genSignedCertWithKey", [.string, .sliceOfAny, .sliceOfAny, .int, CertificateObject.type, .string], result: CertificateObject.type, returnsError: true) { a in
            try CertificateFactory.leaf(cn: a[0].str, ips: a[1], dns: a[2], days: a[3].intValue, keyPEM: a[5].str, ca: a[4])
        },
        fn("buildCustomCert", [.string, .string], result: CertificateObject.type, returnsError: true) { a in
            guard let cert = try? Base64.decode(a[0].str) else { throw SprigError("unable to decode base 64 certificate") }
            guard let key = try? Base64.decode(a[1].str) else { throw SprigError("unable to decode base 64 private key") }
            let certText = String(decoding: cert, as: UTF8.self), keyText = String(decoding: key, as: UTF8.self)
            guard (try? Certificate(pemEncoded: certText)) != nil else { throw SprigError("error parsing certificate: decoded pem is blank") }
            guard (try? Certificate.PrivateKey(pemEncoded: keyText)) != nil else { throw SprigError("error parsing private key: decoded pem is blank") }
            return .object(CertificateObject(cert: certText, key: keyText))
        },
    ]
}

/// Sprig's `certificate` struct: `{Cert, Key}` PEM strings.
struct CertificateObject: GoObject {
    static let type = GoType.structure("sprig.certificate")
    let cert: String
    let key: String
    var goType: GoType { Self.type }
    var fieldNames: [String] { ["Cert", "Key"] }
    func field(_ name: String) -> GoValue? {
        switch name {
        case "Cert": return .string(cert)
        case "Key": return .string(key)
        default: return nil
        }
    }
}

/// Certificate generation with sprig's templates: random 128-bit serial, NotBefore now,
/// NotAfter now + days, KeyUsage KeyEncipherment|DigitalSignature (+CertSign for CAs),
/// ExtKeyUsage serverAuth+clientAuth, basic constraints, RSA-2048 keys unless one is given.
enum CertificateFactory {
    static func ca(cn: String, days: Int, keyPEM: String?) throws -> GoValue {
        let (key, keyText) = try privateKey(keyPEM)
        let name = try commonName(cn)
        let cert = try build(cn: name, issuer: name, publicKey: key.publicKey, signer: key, days: days,
                             isCA: true, sans: [], authorityKeyID: nil)
        return .object(CertificateObject(cert: try cert.serializeAsPEM().pemString + "\n", key: keyText))
    }

    static func leaf(cn: String, ips: GoValue, dns: GoValue, days: Int, keyPEM: String?, ca: GoValue?) throws -> GoValue {
        var sans: [GeneralName] = []
        for ip in ips.listItems ?? [] {
            guard case .string(let text) = ip.concrete else { throw SprigError("error parsing ip: \(ip.strval) is not a string") }
            guard let bytes = IPAddress.parse(text) else { throw SprigError("error parsing ip: \(text)") }
            sans.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))))
        }
        var dnsNames: [GeneralName] = []
        for name in dns.listItems ?? [] {
            guard case .string(let text) = name.concrete else {
                throw SprigError("error processing alternate dns name: \(name.strval) is not a string")
            }
            dnsNames.append(.dnsName(text))
        }
        let (key, keyText) = try privateKey(keyPEM)
        let subject = try commonName(cn)
        var issuer = subject
        var signer = key
        var authorityKeyID: ArraySlice<UInt8>? = nil
        if let ca, case .object(let o as CertificateObject) = ca {
            let caCert: Certificate
            do { caCert = try Certificate(pemEncoded: o.cert) } catch { throw SprigError("error parsing ca: \(error)") }
            do { signer = try Certificate.PrivateKey(pemEncoded: o.key) } catch { throw SprigError("error parsing ca private key: \(error)") }
            issuer = caCert.subject
            // crypto/x509 takes the parent's key identifier when issuer and subject differ.
            if issuer != subject { authorityKeyID = (try? caCert.extensions.subjectKeyIdentifier)??.keyIdentifier }
        }
        let cert = try build(cn: subject, issuer: issuer, publicKey: key.publicKey, signer: signer, days: days,
                             isCA: false, sans: dnsNames + sans, authorityKeyID: authorityKeyID)
        return .object(CertificateObject(cert: try cert.serializeAsPEM().pemString + "\n", key: keyText))
    }

    /// `CN=<cn>` as Go's asn1 writes a string: PrintableString when every character is in its
    /// set (letters, digits, space and `'()+,-./:=?`), UTF8String otherwise.
    static func commonName(_ cn: String) throws -> DistinguishedName {
        let printable = cn.unicodeScalars.allSatisfy { c in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || " '()+,-./:=?".unicodeScalars.contains(c))
        }
        let attribute = printable
            ? try RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, printableString: cn)
            : RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: cn)
        return try DistinguishedName([attribute])
    }

    static func privateKey(_ pem: String?) throws -> (Certificate.PrivateKey, String) {
        guard let pem else {
            let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            return (Certificate.PrivateKey(rsa), KeyPEM.terminated(rsa.pemRepresentation))
        }
        do {
            let key = try Certificate.PrivateKey(pemEncoded: pem)
            return (key, KeyPEM.pem(key, original: pem))
        } catch {
            throw SprigError("parse private key: \(error)")
        }
    }

    static func build(cn subject: DistinguishedName, issuer: DistinguishedName, publicKey: Certificate.PublicKey,
                      signer: Certificate.PrivateKey, days: Int, isCA: Bool, sans: [GeneralName],
                      authorityKeyID: ArraySlice<UInt8>?) throws -> Certificate {
        var serial = [UInt8](repeating: 0, count: 16)
        var g = SystemRandomNumberGenerator()
        for i in serial.indices { serial[i] = UInt8.random(in: 0...255, using: &g) }
        serial[0] &= 0x7F
        if serial[0] == 0 { serial[0] = 1 }
        var extensions = Certificate.Extensions()
        try extensions.append(Certificate.Extension(
            KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: isCA), critical: true))
        try extensions.append(Certificate.Extension(try ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false))
        try extensions.append(Certificate.Extension(
            isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority, critical: true))
        // Go 1.20's crypto/x509: a CA gets a SHA-1 subject key identifier (RFC 5280 method 1).
        if isCA { try extensions.append(Certificate.Extension(SubjectKeyIdentifier(hash: publicKey), critical: false)) }
        if let authorityKeyID {
            try extensions.append(Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: authorityKeyID), critical: false))
        }
        if !sans.isEmpty { try extensions.append(Certificate.Extension(SubjectAlternativeNames(sans), critical: false)) }
        let now = Date()
        return try Certificate(version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial), publicKey: publicKey,
                               notValidBefore: now, notValidAfter: now.addingTimeInterval(Double(days) * 86400),
                               issuer: issuer, subject: subject, extensions: extensions, issuerPrivateKey: signer)
    }
}

/// Go's `net.ParseIP` (IPv4 as 4 bytes, IPv6 as 16).
enum IPAddress {
    static func parse(_ text: String) -> [UInt8]? {
        if !text.contains(":") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var out: [UInt8] = []
            for p in parts {
                guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let v = UInt8(p), !(p.count > 1 && p.hasPrefix("0")) else { return nil }
                out.append(v)
            }
            return out
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var out: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + [UInt16](repeating: 0, count: halves.count == 2 ? missing : 0) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
