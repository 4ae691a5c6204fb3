@preconcurrency import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority for tests (registry TLS, token signing, Fulcio roots).
public struct TestCA: Sendable {
    public let key: P256.Signing.PrivateKey
    public let certificate: Certificate
    public let name: DistinguishedName

    /// A self-signed root valid from an hour ago for a year.
    public init(commonName: String, notBefore: Date = Date().addingTimeInterval(-3600)) throws {
        key = P256.Signing.PrivateKey()
        name = try DistinguishedName { CommonName(commonName) }
        certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: notBefore, notValidAfter: notBefore.addingTimeInterval(365 * 86400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(key))
    }

    private init(key: P256.Signing.PrivateKey, certificate: Certificate, name: DistinguishedName) {
        self.key = key
        self.certificate = certificate
        self.name = name
    }

    /// An intermediate CA signed by this one.
    public func intermediate(commonName: String, codeSigningOnly: Bool = false) throws -> TestCA {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName(commonName) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: self.certificate.notValidBefore, notValidAfter: self.certificate.notValidAfter,
            issuer: self.name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                if codeSigningOnly { try ExtendedKeyUsage([.codeSigning]) }
            },
            issuerPrivateKey: .init(self.key))
        return TestCA(key: key, certificate: certificate, name: name)
    }

    /// A leaf certificate for `key` signed by this CA.
    public func issue(commonName: String, key: P256.Signing.PublicKey, sans: [GeneralName] = [], usages: [ExtendedKeyUsage.Usage] = [.serverAuth, .clientAuth],
                      extra: [Certificate.Extension] = [], notBefore: Date? = nil, validity: TimeInterval = 30 * 86400) throws -> Certificate {
        let start = notBefore ?? Date().addingTimeInterval(-600)
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key),
            notValidBefore: start, notValidAfter: start.addingTimeInterval(validity),
            issuer: name, subject: try DistinguishedName { CommonName(commonName) }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage(usages)
                if !sans.isEmpty { try SubjectAlternativeNames(sans) }
                for e in extra { e }
            },
            issuerPrivateKey: .init(self.key))
    }

    public var pem: String { (try? certificate.serializeAsPEM().pemString) ?? "" }
}

extension Certificate {
    /// PEM text of the certificate.
    public var pemText: String { (try? serializeAsPEM().pemString) ?? "" }
}

extension P256.Signing.PrivateKey {
    /// PKCS#8 PEM of the key.
    public var pemText: String { pemRepresentation }
}
