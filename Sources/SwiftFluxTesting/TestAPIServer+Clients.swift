import APIServer
import APIServerCore
import KubeClient

/// How a test client reaches a `TestAPIServer`.
public enum TestTransport: String, Sendable, CaseIterable, CustomStringConvertible {
    /// HTTPS on loopback with the server's kubeconfig (CA + admin token).
    case https
    /// `InProcessTransport`: straight into `KubeAPI.handle`, authenticated as the admin.
    case inProcess

    public var description: String { rawValue }
}

extension TestAPIServer {
    /// Runs `body` with a client over `transport` (authenticated as the admin), optionally
    /// impersonating someone, and closes the client afterwards (also when `body` throws).
    public func withClient<T: Sendable>(_ transport: TestTransport, namespace: String = "default",
                                        impersonation: Impersonation? = nil,
                                        _ body: (KubeClient) async throws -> T) async throws -> T {
        switch transport {
        case .https:
            var config = try KubeConfig.load(paths: [kubeconfigPath], requireAll: true).clientConfig(namespace: namespace)
            config.impersonation = impersonation
            config.qps = 1000
            config.burst = 2000
            let http = try HTTPTransport(config: config)
            do {
                let result = try await body(KubeClient(config: config, transport: http))
                try? await http.shutdown()
                return result
            } catch {
                try? await http.shutdown()
                throw error
            }
        case .inProcess:
            var config = server.inProcessTransport().client(namespace: namespace).config
            config.impersonation = impersonation
            return try await body(KubeClient(config: config, transport: server.inProcessTransport()))
        }
    }
}
