import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A Helm HTTP repository for tests: `/charts/index.yaml` and `/charts/<file>` from an
/// in-memory map, optional basic auth, `/big/index.yaml` streaming `bigIndexSize` bytes of
/// YAML, and a request log (path and whether credentials came along).
final class ChartServer: @unchecked Sendable {
    let files: [String: [UInt8]]
    let credentials: (String, String)?
    let bigIndexSize: Int
    private let requests = Mutex<[(path: String, authorized: Bool)]>([])

    init(files: [String: [UInt8]], credentials: (String, String)? = nil, bigIndexSize: Int = 0) {
        self.files = files
        self.credentials = credentials
        self.bigIndexSize = bigIndexSize
    }

    var log: [(path: String, authorized: Bool)] { requests.withLock { $0 } }

    func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("charts/:file") { [self] request, context -> Response in
            let file = context.parameters.get("file") ?? ""
            let header = request.headers[.authorization]
            let authorized = credentials.map { header == "Basic " + Data("\($0.0):\($0.1)".utf8).base64EncodedString() } ?? false
            requests.withLock { $0.append(("/charts/" + file, header != nil)) }
            if credentials != nil, !authorized { return Response(status: .unauthorized) }
            guard let bytes = files[file] else { return Response(status: .notFound) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("big/index.yaml") { [self] _, _ -> Response in
            let size = bigIndexSize
            return Response(status: .ok, body: ResponseBody { writer in
                var chunk = ByteBuffer(string: "apiVersion: v1\nentries: {}\n")
                try await writer.write(chunk)
                let filler = ByteBuffer(repeating: UInt8(ascii: "#"), count: 1 << 20)
                var sent = chunk.readableBytes
                while sent < size {
                    chunk = filler
                    try await writer.write(chunk)
                    sent += filler.readableBytes
                }
                try await writer.finish(nil)
            })
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           onServerRunning: { await onListening($0.localAddress?.port ?? 0) }, logger: quietLogger)
    }

    /// Runs `body` with the server listening; returns its base URL `http://127.0.0.1:<port>`.
    func run<T>(_ body: (String) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = application { continuation.yield($0) }
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body("http://127.0.0.1:\(port)")
    }
}

/// A logger that keeps server shutdown noise out of test output.
let quietLogger: Logger = { var l = Logger(label: "test-server"); l.logLevel = .critical; return l }()
