import AsyncHTTPClient
import Cosign
import Foundation
import OCIRegistry
import RegistryTesting
import SourceHTTP
import Testing

@Suite("Cosign signatures in the real registry (sha256-<digest>.sig)", .enabled(if: TestTools.haveRegistry), .serialized)
struct CosignRegistryTests {
    @Test("signatures attached in cosign's format are found and verified, keyless and with a key")
    func attachedSignatures() async throws {
        let registry = try await TestRegistry.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { registry.stop() }
        do {
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:6.5.3")
            let image = try await client.push(ref, config: (MediaTypes.helmConfig, Array(#"{"name":"podinfo"}"#.utf8)),
                                              layers: [(MediaTypes.helmChartContent, Array("chart".utf8))])
            // Nothing attached yet.
            let sigstore = try TestSigstore()
            let keyless = CosignVerifier(trustRoot: sigstore.trustRoot, identities: [CosignVerifierTests.goodIdentity])
            await #expect(throws: CosignError(.noMatchingSignatures, "no matching signatures")) { try await keyless.verify(ref, client: client) }

            let (pem, sign) = try StaticKey.p256.make()
            let payload = CosignSignature.simpleSigningPayload(dockerReference: "\(registry.host)/charts/podinfo", digest: image.digest)
            let keyed = CosignSignature(payload: payload, base64Signature: Base64.encode(try sign(payload)))
            let fulcio = try sigstore.keylessSignature(digest: image.digest, reference: "\(registry.host)/charts/podinfo")
            try await CosignSignature.attach([keyed, fulcio], to: ref, digest: image.digest, client: client)

            let (digest, fetched) = try await CosignSignature.fetch(for: ref, client: client)
            #expect(digest == image.digest)
            #expect(fetched.count == 2)
            #expect(try await keyless.verify(ref, client: client).count == 1)
            #expect(try await CosignVerifier(publicKeyPEM: pem).verify(ref, client: client).count == 1)
            let missing = try ImageReference(parsing: "\(registry.host)/charts/podinfo:0.0.1")
            let error = await #expect(throws: CosignError.self) { try await keyless.verify(missing, client: client) }
            #expect(error?.kind == .imageTagNotFound)
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}
