import APIServerCore
import KubeClient

/// A `KubeTransport` that hands each `KubeRequest` straight to `KubeAPI.handle`: no TLS, no
/// sockets, no HTTP parsing. Controllers running in the same process as the embedded server use
/// it while kubectl talks HTTPS to the same `KubeAPI`.
///
/// Contract:
/// - Requests are authenticated as `user` (the admin, `system:masters`, by default); any
///   `Authorization` header is ignored. `Impersonate-User/Group/Uid/Extra-*` headers are honoured
///   and authorized exactly as over HTTPS, because `KubeAPI` evaluates them for both.
/// - Path and query are interpreted as the HTTP front interprets them (the path as sent; for a
///   repeated query parameter the last value wins).
/// - Watch bodies are pulled from the server's event stream as the caller reads them (no
///   intermediate buffer), and stopping iteration ends the server-side watch.
/// - Answers are byte-for-byte the HTTP front's bodies (JSON with a trailing newline).
public struct InProcessTransport: KubeTransport {
    public let api: KubeAPI
    public let user: UserInfo

    public init(api: KubeAPI, user: UserInfo = .admin) {
        self.api = api
        self.user = user
    }

    /// A client over this transport, with a client-side rate limit high enough not to throttle
    /// in-process controllers (`qps`/`burst` as `ClientConfig`).
    public func client(namespace: String = "default", userAgent: String = "swiftflux",
                       qps: Double = 10_000, burst: Int = 20_000) -> KubeClient {
        KubeClient(config: ClientConfig(server: "in-process://swiftflux", namespace: namespace, qps: qps, burst: burst,
                                        userAgent: userAgent),
                   transport: self)
    }

    /// The `APIRequest` for a client request.
    func apiRequest(_ request: KubeRequest) -> APIRequest {
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let impersonation = request.headers.filter { $0.name.lowercased().hasPrefix("impersonate-") }
        return APIRequest(method: request.method, path: request.path, query: query,
                          contentType: request.header("Content-Type"), accept: request.header("Accept"),
                          userAgent: request.header("User-Agent"), body: request.body ?? [], user: user,
                          headers: impersonation.map { APIRequest.Header($0.name, $0.value) })
    }

    public func send(_ request: KubeRequest) async throws -> KubeResponse {
        try await Self.collected(await api.handle(apiRequest(request)))
    }

    /// A 2xx JSON answer (and every LIST) is handed over as the server's value, never serialized;
    /// anything else is `send`'s answer.
    public func sendDecoded(_ request: KubeRequest) async throws -> KubeDecodedResponse {
        switch await api.handle(apiRequest(request)) {
        case .json(let code, let body) where (200..<300).contains(code):
            return KubeDecodedResponse(response: KubeResponse(statusCode: code, headers: [.init("Content-Type", "application/json")]),
                                       value: body)
        case .list(let header, let items):
            return KubeDecodedResponse(response: KubeResponse(statusCode: 200, headers: [.init("Content-Type", "application/json")]),
                                       value: APIResponse.listValue(header: header, items: items))
        case let other:
            return KubeDecodedResponse(response: try await Self.collected(other))
        }
    }

    public func stream(_ request: KubeRequest) async throws -> KubeStreamResponse {
        try await Self.streamed(await api.handle(apiRequest(request)))
    }

    /// A watch's events are handed over as the server's values (shared with its store, never
    /// serialized or parsed); any other answer is `stream`'s.
    public func openWatch(_ request: KubeRequest) async throws -> KubeWatchResponse {
        let response = await api.handle(apiRequest(request))
        guard case .watch(let events) = response else { return .stream(try await Self.streamed(response)) }
        return .events(AsyncThrowingStream(unfolding: { await events.nextValue() }))
    }

    static func streamed(_ response: APIResponse) async throws -> KubeStreamResponse {
        switch response {
        case .watch(let events):
            return try await streamed(.stream(code: 200, contentType: "application/json", chunks: events.lines))
        case .stream(let code, let contentType, let chunks):
            let source = ChunkSource(chunks)
            return KubeStreamResponse(statusCode: code, headers: [.init("Content-Type", contentType)],
                                      body: AsyncThrowingStream(unfolding: { await source.next() }))
        case let other:
            let response = try await Self.collected(other)
            return KubeStreamResponse(statusCode: response.statusCode, headers: response.headers,
                                      body: AsyncThrowingStream { continuation in
                                          continuation.yield(response.body)
                                          continuation.finish()
                                      })
        }
    }

    static func collected(_ response: APIResponse) async throws -> KubeResponse {
        switch response {
        case .json(let code, let body):
            var headers: [KubeRequest.Header] = [.init("Content-Type", "application/json")]
            if let seconds = APIResponse.retryAfter(body) { headers.append(.init("Retry-After", String(seconds))) }
            return KubeResponse(statusCode: code, headers: headers, body: APIResponse.encodeJSON(body))
        case .raw(let code, let contentType, let body):
            return KubeResponse(statusCode: code, headers: [.init("Content-Type", contentType)], body: body)
        case .list(let header, let items):
            return KubeResponse(statusCode: 200, headers: [.init("Content-Type", "application/json")],
                                body: APIResponse.listBytes(header: header, items: items))
        case .document(let code, let contentType, let body, let extra):
            return KubeResponse(statusCode: code, headers: [.init("Content-Type", contentType)] + extra.map { .init($0.name, $0.value) },
                                body: body)
        case .watch(let events):
            return try await collected(.stream(code: 200, contentType: "application/json", chunks: events.lines))
        case .stream(let code, let contentType, let chunks):
            var body: [UInt8] = []
            for await chunk in chunks { body += chunk }
            return KubeResponse(statusCode: code, headers: [.init("Content-Type", contentType)], body: body)
        }
    }
}

/// Pulls chunks from the server's stream one at a time, in the reading task, so cancelling the
/// reader cancels the server's stream (and with it the server-side watch).
private actor ChunkSource {
    private var iterator: AsyncStream<[UInt8]>.AsyncIterator

    init(_ chunks: AsyncStream<[UInt8]>) { iterator = chunks.makeAsyncIterator() }

    func next() async -> [UInt8]? {
        var current = iterator
        let chunk = await current.next(isolation: self)
        iterator = current
        return chunk
    }
}

extension KubeAPIServer {
    /// A transport into this server's API that bypasses HTTPS (see `InProcessTransport`); usable
    /// as soon as the server is initialised, whether or not `run` is serving HTTP yet.
    public func inProcessTransport(user: UserInfo = .admin) -> InProcessTransport {
        InProcessTransport(api: api, user: user)
    }
}
