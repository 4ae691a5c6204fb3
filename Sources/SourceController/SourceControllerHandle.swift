import ArtifactHTTP
import AsyncHTTPClient
import Foundation
import Logging

/// What `SourceController.register` started: the artifact file server, the shared HTTP client
/// and the index-cache janitor. `shutdown()` stops them (call it once the manager has returned).
public final class SourceControllerHandle: Sendable {
    /// The storage root (`--storage-path`).
    public let storagePath: String
    /// The host[:port] written into artifact URLs.
    public let advertisedAddress: String
    /// The port the artifact server listens on (the bound one when `--storage-addr` had port 0).
    public var artifactServerPort: Int { server.port }
    let server: ArtifactServerTask
    let http: HTTPClient
    let janitor: Task<Void, Never>?

    init(storagePath: String, advertisedAddress: String, server: ArtifactServerTask, http: HTTPClient, janitor: Task<Void, Never>?) {
        self.storagePath = storagePath
        self.advertisedAddress = advertisedAddress
        self.server = server
        self.http = http
        self.janitor = janitor
    }

    /// Stops the file server and the janitor and shuts the HTTP client down.
    public func shutdown() async {
        janitor?.cancel()
        await server.stop()
        try? await http.shutdown()
    }
}

/// The artifact file server running in a task.
final class ArtifactServerTask: Sendable {
    let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    /// Starts the server and returns once it listens.
    /// - Throws: "file server error: <cause>" when it cannot listen.
    static func start(root: String, address: StorageAddress, logger: Logger) async throws(SourceError) -> ArtifactServerTask {
        let (events, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        // Hummingbird logs its own shutdown as errors; listen failures are reported below.
        var quiet = logger
        quiet.logLevel = .critical
        let server = ArtifactServer(root: root, address: address, logger: quiet)
        logger.info("starting file server")
        let task = Task {
            do {
                try await server.run { port in continuation.yield(.success(port)) }
                continuation.yield(.failure(SourceError.plain("file server stopped")))
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
        }
        var iterator = events.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let port)?:
            return ArtifactServerTask(port: port, task: task)
        case .failure(let error)?:
            task.cancel()
            throw SourceError.invalidOption("file server error: \(error)")
        case nil:
            task.cancel()
            throw SourceError.invalidOption("file server error: did not start")
        }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
