import Foundation
import Hummingbird
import Logging
import NIOCore

/// The artifact file server of source-controller (`startFileServer`): plain HTTP, no auth,
/// the storage root served at `/` like Go's `http.FileServer` (GET and HEAD, byte ranges,
/// `Last-Modified`, symlinks such as `latest.tar.gz` followed, `..` refused with 400 "invalid URL
/// path", anything missing answered 404 "404 page not found"). Directory listings are not
/// served (404).
public struct ArtifactServer: Sendable {
    /// The storage root (`--storage-path`).
    public let root: String
    /// Where to listen (`--storage-addr`).
    public let address: StorageAddress
    let logger: Logger

    public init(root: String, address: StorageAddress, logger: Logger = Logger(label: "swiftflux.artifact-server")) {
        self.root = root
        self.address = address
        self.logger = logger
    }

    /// The Hummingbird application (a swift-service-lifecycle `Service`); `onListening` receives
    /// the bound port once the socket listens.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(GoFileServerErrors())
        router.middlewares.add(
            FileMiddleware(root, searchForIndexHtml: false, logger: logger)
                .withAdditionalMediaTypes(forFileExtensions: [
                    "gz": MediaType(type: .application, subType: "x-gzip"),
                    "tgz": MediaType(type: .application, subType: "x-gzip"),
                    "yaml": MediaType(type: .text, subType: "plain", parameter: ("charset", "utf-8")),
                    "yml": MediaType(type: .text, subType: "plain", parameter: ("charset", "utf-8")),
                ]))
        return Application(
            router: router,
            configuration: .init(address: .hostname(address.bindHost, port: address.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until the task is cancelled.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        // No signal handling of its own: the process that embeds the server owns SIGTERM/SIGINT
        // (ServiceLifecycle would otherwise take them and the process would not stop).
        try await application(onListening: onListening).runService(gracefulShutdownSignals: [])
    }
}

/// Rewrites the file middleware's errors into the bodies Go's `http.FileServer` writes.
struct GoFileServerErrors: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decoded = request.uri.path.removingPercentEncoding ?? request.uri.path
        if decoded.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return Self.text(.badRequest, "invalid URL path\n")
        }
        do {
            let response = try await next(request, context)
            if response.status == .notFound { return Self.text(.notFound, "404 page not found\n") }
            return response
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound: return Self.text(.notFound, "404 page not found\n")
            case .badRequest: return Self.text(.badRequest, "invalid URL path\n")
            default: throw error
            }
        }
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        // A literal, valid field name: the initialiser cannot fail here.
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
