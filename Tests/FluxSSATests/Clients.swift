import FluxSSA
import KubeClient
import SwiftFluxTesting

/// Clients for tests.
enum Clients {
    /// A client whose every request fails: for code paths that must not reach the cluster.
    static func unreachable() throws -> KubeClient {
        KubeClient(config: ClientConfig(server: "https://127.0.0.1:1"), transport: ScriptedTransport([]))
    }
}
