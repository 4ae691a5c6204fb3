import APIServer
import APIServerCore
import Foundation

/// An embedded API server running in-process for tests: in memory, on 127.0.0.1 port 0, HTTPS with
/// a fresh CA and token, and a kubeconfig in a temporary directory.
public final class TestAPIServer: Sendable {
    /// `https://127.0.0.1:<port>`.
    public let url: String
    public let token: String
    /// The CA certificate (PEM) clients must trust.
    public let caCertificatePEM: String
    /// A ready-to-use kubeconfig for this server.
    public let kubeconfigPath: String
    /// A scratch directory owned by this server (holds the kubeconfig); removed by `stop`.
    public let directory: String
    public let server: KubeAPIServer
    private let task: Task<Void, any Error>

    /// The API semantics behind the server (for direct, HTTP-free access in tests).
    public var api: KubeAPI { server.api }

    private init(url: String, server: KubeAPIServer, directory: String, kubeconfigPath: String, task: Task<Void, any Error>) {
        self.url = url
        self.token = server.credentials.token
        self.caCertificatePEM = server.credentials.caCertificatePEM
        self.kubeconfigPath = kubeconfigPath
        self.directory = directory
        self.server = server
        self.task = task
    }

    /// Starts a server and returns once it accepts connections (or throws after `timeout` seconds).
    /// - Parameters:
    ///   - dataDirectory: persist to SQLite there instead of keeping everything in memory.
    ///   - tls: serve HTTPS (default) or plain HTTP.
    ///   - configure: adjusts the rest of the configuration (idle timeout, connection cap, …).
    public static func start(dataDirectory: String? = nil, tls: Bool = true, historyLimit: Int = 10_000,
                             timeout: Double = 30,
                             configure: (inout APIServerConfiguration) -> Void = { _ in }) async throws -> TestAPIServer {
        let directory = NSTemporaryDirectory() + "swiftflux-test-apiserver-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let kubeconfigPath = directory + "/kubeconfig"
        var configuration = APIServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: dataDirectory, inMemory: dataDirectory == nil, tls: tls,
            kubeconfigPath: kubeconfigPath, historyLimit: historyLimit, logLevel: .critical)
        configure(&configuration)
        let server = try await KubeAPIServer(configuration: configuration)
        let (ready, continuation) = AsyncStream.makeStream(of: Result<String, any Error>.self)
        let task = Task {
            do {
                try await server.run { url in continuation.yield(.success(url)) }
                continuation.yield(.failure(APIServerError.internalError("server stopped before it was ready")))
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
        }
        let timer = Task {
            try? await Task.sleep(for: .seconds(timeout))
            continuation.yield(.failure(APIServerError.internalError("server not ready after \(timeout)s")))
        }
        defer { timer.cancel() }
        var iterator = ready.makeAsyncIterator()
        guard let first = await iterator.next() else { throw APIServerError.internalError("server did not start") }
        switch first {
        case .success(let url):
            return TestAPIServer(url: url, server: server, directory: directory, kubeconfigPath: kubeconfigPath, task: task)
        case .failure(let error):
            task.cancel()
            throw error
        }
    }

    /// Stops the server (ending its watches) and removes its scratch directory.
    public func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(atPath: directory)
    }
}
