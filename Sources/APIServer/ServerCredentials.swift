import Crypto
import Foundation
import SwiftASN1
import X509

/// The CA, serving certificate and bearer token of one server, generated once and kept in the
/// data directory (`ca.crt`, `ca.key`, `server.crt`, `server.key`, `token`).
public struct ServerCredentials: Sendable {
    public var caCertificatePEM: String
    public var serverCertificatePEM: String
    public var serverKeyPEM: String
    public var token: String

    /// Loads the credentials from `directory`, generating (and saving) any that are missing.
    /// The serving certificate covers `localhost`, `127.0.0.1`, `::1` and `extraHosts`.
    public static func loadOrCreate(in directory: String, extraHosts: [String] = []) throws -> ServerCredentials {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path(name), atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path(name))
        }
        let token: String
        if let saved = read("token")?.trimmingCharacters(in: .whitespacesAndNewlines), !saved.isEmpty {
            token = saved
        } else {
            token = randomToken()
            try write("token", token + "\n")
        }
        if let ca = read("ca.crt"), let cert = read("server.crt"), let key = read("server.key") {
            return ServerCredentials(caCertificatePEM: ca, serverCertificatePEM: cert, serverKeyPEM: key, token: token)
        }
        let generated = try generate(hosts: extraHosts, token: token)
        try write("ca.crt", generated.caCertificatePEM)
        try write("server.crt", generated.serverCertificatePEM)
        try write("server.key", generated.serverKeyPEM)
        return generated
    }

    /// Fresh in-memory credentials (for in-process test servers).
    public static func generate(hosts: [String] = [], token: String = randomToken()) throws -> ServerCredentials {
        // swift-certificates truncates notBefore to whole seconds; backdate so clocks agree.
        let now = Date()
        let notBefore = now.addingTimeInterval(-3600)
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("swiftflux-ca") }
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(caKey.publicKey),
            notValidBefore: notBefore, notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(caKey))
        let serverKey = P256.Signing.PrivateKey()
        var names: [GeneralName] = [.dnsName("localhost")]
        for host in Set(["127.0.0.1", "::1"] + hosts) {
            if let ip = ipBytes(host) { names.append(.ipAddress(ASN1OctetString(contentBytes: ip[...]))) } else { names.append(.dnsName(host)) }
        }
        let sans = names
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(serverKey.publicKey),
            notValidBefore: notBefore, notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: caName, subject: try DistinguishedName { CommonName("swiftflux-apiserver") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(sans)
            },
            issuerPrivateKey: .init(caKey))
        return ServerCredentials(
            caCertificatePEM: try ca.serializeAsPEM().pemString + "\n",
            serverCertificatePEM: try server.serializeAsPEM().pemString + "\n",
            serverKeyPEM: serverKey.pemRepresentation + "\n",
            token: token)
    }

    /// 32 random bytes as lowercase hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The 4 or 16 address bytes of an IP literal, or nil for a host name.
    static func ipBytes(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
