import APIServer
import Foundation
import KubeClient
import KubeModel
import SwiftFluxTesting

/// An embedded API server for runtime tests that can be stopped and started again on the same port
/// with the same data, so clients (and their informers) see a restart rather than a new cluster.
final class RestartableCluster: @unchecked Sendable {
    let directory: String
    private(set) var port: Int = 0
    private var task: Task<Void, any Error>?
    private(set) var client: KubeClient?

    init() throws {
        directory = NSTemporaryDirectory() + "swiftflux-runtime-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Starts (or restarts) the server; the first start picks a free port, later ones reuse it.
    func start() async throws {
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: port, dataDirectory: directory + "/data", kubeconfigPath: directory + "/kubeconfig",
            logLevel: .critical))
        let (ready, continuation) = AsyncStream.makeStream(of: String.self)
        task = Task { try await server.run { url in continuation.yield(url) } }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next(), let p = Int(url.split(separator: ":").last ?? "") else {
            throw KubeClientError.transport("server did not start")
        }
        port = p
        if client == nil {
            let config = try KubeConfig.load(paths: [directory + "/kubeconfig"]).clientConfig()
            client = KubeClient(config: config, transport: try HTTPTransport(config: config))
        }
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        task = nil
    }

    func destroy() async {
        await stop()
        await client?.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs `body` with a client of a fresh in-memory embedded server.
func withTestCluster(_ body: (KubeClient) async throws -> Void) async throws {
    let server = try await TestAPIServer.start()
    let config = try KubeConfig.load(paths: [server.kubeconfigPath]).clientConfig()
    let transport = try HTTPTransport(config: config)
    let client = KubeClient(config: config, transport: transport)
    do {
        try await body(client)
    } catch {
        try? await transport.shutdown()
        await server.stop()
        throw error
    }
    try? await transport.shutdown()
    await server.stop()
}

/// Polls `condition` until true or the deadline passes.
func eventually(within: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + within
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
