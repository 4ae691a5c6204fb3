import APIServer
import ArgumentParser
import KubeClient

/// Where `bench mttp` runs: the embedded API server in this process (the default: the whole
/// SwiftFlux process is measured), or any cluster through a kubeconfig (`--controllers-only`:
/// only the controllers run here, so the peak RSS is theirs).
struct MTTPTarget {
    /// The transport the controllers and the benchmark share (before request counting).
    let transport: any KubeTransport
    /// Their client configuration: the benchmark's namespace and no client-side throttling.
    let config: ClientConfig
    /// The embedded server, when there is one.
    let server: KubeAPIServer?
    private let serving: Task<Void, any Error>?

    /// An in-memory embedded API server on a free loopback port, reached in-process.
    static func embedded() async throws -> MTTPTarget {
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: 0, inMemory: true, tls: true, logLevel: .critical))
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { readyContinuation.yield($0) } }
        var readyIterator = ready.makeAsyncIterator()
        guard await readyIterator.next() != nil else {
            serving.cancel()
            throw ValidationError("the API server did not start")
        }
        return MTTPTarget(transport: server.inProcessTransport(),
                          config: ClientConfig(server: "in-process://swiftflux", namespace: "flux-system", qps: 10_000, burst: 20_000,
                                               userAgent: "swiftflux"),
                          server: server, serving: serving)
    }

    /// The cluster of `kubeconfig` (its current context) over HTTPS.
    static func cluster(kubeconfig: String) throws -> MTTPTarget {
        var config = try KubeConfig.load(paths: [kubeconfig], requireAll: true).clientConfig(context: nil)
        config.namespace = "flux-system"
        config.qps = 10_000
        config.burst = 20_000
        return MTTPTarget(transport: try HTTPTransport(config: config), config: config, server: nil, serving: nil)
    }

    /// Stops the embedded server, or closes the connections to the cluster.
    func stop() async {
        try? await transport.shutdown()
        if let serving {
            serving.cancel()
            _ = try? await serving.value
        }
    }
}
