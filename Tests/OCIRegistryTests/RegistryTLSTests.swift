import Crypto
import Foundation
import OCIRegistry
import RegistryTesting
import SourceHTTP
import SwiftASN1
import Testing
import X509

@Suite("Registry client TLS: custom CA and client certificates", .enabled(if: TestTools.haveRegistry), .serialized)
struct RegistryTLSTests {
    struct PKI {
        let ca: TestCA
        let serverKey = P256.Signing.PrivateKey()
        let server: Certificate
        let clientCA: TestCA
        let clientKey = P256.Signing.PrivateKey()
        let client: Certificate

        init() throws {
            ca = try TestCA(commonName: "registry test CA")
            server = try ca.issue(commonName: "127.0.0.1", key: serverKey.publicKey,
                                  sans: [.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])), .dnsName("localhost")])
            clientCA = try TestCA(commonName: "client CA")
            client = try clientCA.issue(commonName: "flux", key: clientKey.publicKey, usages: [.clientAuth])
        }
    }

    @Test("a registry signed by the Secret's CA is trusted; without the CA it is not")
    func customCA() async throws {
        let pki = try PKI()
        try await withRegistry(tls: .init(certificatePEM: pki.server.pemText, keyPEM: pki.serverKey.pemText)) { registry, http in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:1.0.0")
            let trusted = try RegistryClient(httpClient: http, options: .init(tls: TLSClientSettings(caPEM: Array(pki.ca.pem.utf8))))
            try await pushArtifact(trusted, ref)
            #expect(try await trusted.tags(ref) == ["1.0.0"])
            let untrusted = try RegistryClient(httpClient: http)
            let error = await #expect(throws: RegistryError.self) { try await untrusted.tags(ref) }
            #expect(error?.kind == .transport)
            #expect(error?.message == "Get \"https://\(registry.host)/v2/charts/podinfo/tags/list\": tls: failed to verify certificate: x509: certificate signed by unknown authority")
        }
    }

    @Test("a registry requiring client certificates accepts the Secret's certificate and key")
    func clientCertificates() async throws {
        let pki = try PKI()
        let tls = TestRegistry.TLS(certificatePEM: pki.server.pemText, keyPEM: pki.serverKey.pemText, clientCAPEM: pki.clientCA.pem)
        try await withRegistry(tls: tls) { registry, http in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:1.0.0")
            let settings = try #require(try TLSClientSettings.fromSecret(name: "tls", type: "kubernetes.io/tls", data: [
                "tls.crt": Array(pki.client.pemText.utf8), "tls.key": Array(pki.clientKey.pemText.utf8), "ca.crt": Array(pki.ca.pem.utf8),
            ]))
            let client = try RegistryClient(httpClient: http, options: .init(tls: settings))
            try await pushArtifact(client, ref)
            let noCert = try RegistryClient(httpClient: http, options: .init(tls: TLSClientSettings(caPEM: Array(pki.ca.pem.utf8))))
            let error = await #expect(throws: RegistryError.self) { try await noCert.tags(ref) }
            #expect(error?.kind == .transport)
        }
    }

    @Test("TLS Secrets are validated with source-controller's messages", arguments: [
        ("kubernetes.io/dockerconfigjson", ["ca.crt": Array("x".utf8)], "cannot use secret 'tls' to construct TLS config: invalid secret type: 'kubernetes.io/dockerconfigjson'"),
        ("Opaque", ["tls.crt": Array("x".utf8)], "invalid 'tls' secret data: both certificate and private key need to be provided"),
        ("", ["ca.crt": Array("not a cert".utf8)], "cannot append certificate into certificate pool: invalid CA certificate"),
    ])
    func badTLSSecrets(_ type: String, _ data: [String: [UInt8]], _ message: String) {
        #expect(throws: SourceHTTPError(.invalidSecret, message)) {
            try TLSClientSettings.fromSecret(name: "tls", type: type, data: data)
        }
    }

    @Test("a Secret with no TLS keys gives no TLS settings")
    func noTLS() throws {
        #expect(try TLSClientSettings.fromSecret(name: "tls", type: "Opaque", data: ["username": [1]]) == nil)
    }
}
