import KubeClient
import SwiftFluxTesting

/// An embedded API server plus a client for it, torn down after `body` whatever happens.
enum TestCluster {
    static func with(_ body: (KubeClient) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        let config = try KubeConfig.load(paths: [server.kubeconfigPath], requireAll: true).clientConfig(namespace: "default")
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        do {
            try await body(client)
        } catch {
            try? await transport.shutdown()
            await server.stop()
            throw error
        }
        try await transport.shutdown()
        await server.stop()
    }
}
