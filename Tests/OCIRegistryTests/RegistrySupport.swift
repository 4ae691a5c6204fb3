import AsyncHTTPClient
import Foundation
import OCIRegistry
import RegistryTesting

/// Runs `body` with a started test registry and an HTTP client, stopping both afterwards.
func withRegistry<T>(auth: TestRegistry.Auth = .none, tls: TestRegistry.TLS? = nil,
                     _ body: (TestRegistry, HTTPClient) async throws -> T) async throws -> T {
    let registry = try await TestRegistry.start(auth: auth, tls: tls)
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    do {
        let result = try await body(registry, client)
        try await client.shutdown()
        registry.stop()
        return result
    } catch {
        try? await client.shutdown()
        registry.stop()
        throw error
    }
}

/// Pushes a small artifact (config + one layer) tagged `tag`.
@discardableResult
func pushArtifact(_ client: RegistryClient, _ ref: ImageReference, layer: String = "layer") async throws -> Descriptor {
    try await client.push(ref, config: (MediaTypes.fluxConfig, Array("{}".utf8)), layers: [(MediaTypes.fluxContent, Array(layer.utf8))],
                          annotations: [("org.opencontainers.image.revision", "main@sha1:abc")])
}
