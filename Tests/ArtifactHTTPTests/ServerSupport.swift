import ArtifactHTTP
import ArtifactStorage
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Runs `body` with a live server on a loopback port; the server task is cancelled afterwards.
func withServer<App: ApplicationProtocol, T: Sendable>(_ make: (@escaping @Sendable (Int) async -> Void) -> App,
                                                       _ body: (Int) async throws -> T) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = make { port in continuation.yield(port) }
    let task = Task { try await app.runService() }
    defer { task.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    return try await body(port)
}

/// A fresh temp directory, removed by `remove()`.
struct TempDir {
    let path = FileManager.default.temporaryDirectory.path + "/swiftflux-http-\(UUID().uuidString)"
    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Sends one request and returns status, headers and body.
func request(_ client: HTTPClient, _ url: String, method: HTTPMethod = .GET) async throws -> (Int, HTTPHeaders, String) {
    var req = HTTPClientRequest(url: url)
    req.method = method
    let response = try await client.execute(req, timeout: .seconds(10))
    let body = try await response.body.collect(upTo: 10 << 20)
    return (Int(response.status.code), response.headers, String(buffer: body))
}

/// A small tarball with one file.
func sampleTarball() throws -> [UInt8] {
    var builder = TarGzBuilder()
    builder.addFile("deploy/app.yaml", Array("kind: ConfigMap\n".utf8))
    return try builder.build()
}

/// A logger that keeps server shutdown noise out of test output.
let quietLogger: Logger = { var l = Logger(label: "test-server"); l.logLevel = .critical; return l }()
