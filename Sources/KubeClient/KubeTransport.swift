import StructuredData

/// Sends built requests. The HTTP implementation is `HTTPTransport`; tests use `ScriptedTransport`.
///
/// Implementations return any HTTP status as a response (errors are decoded by the client) and
/// throw only when no response could be obtained.
public protocol KubeTransport: Sendable {
    /// Sends a request and collects the whole response body.
    func send(_ request: KubeRequest) async throws -> KubeResponse
    /// Sends a request whose response body is a stream (watch); chunks arrive as the server flushes them.
    func stream(_ request: KubeRequest) async throws -> KubeStreamResponse
    /// Releases connections and ends open streams. The owner of a transport calls it once, last;
    /// transports with nothing to release keep the default (nothing).
    func shutdown() async throws
    /// Sends a request like `send`; a transport that holds a 2xx answer as a value already (the
    /// in-process transport) returns it in `value` and leaves `response.body` empty, so the client
    /// need not parse what was never serialized. The default is `send` with no value.
    func sendDecoded(_ request: KubeRequest) async throws -> KubeDecodedResponse
    /// Opens a watch like `stream`; a transport that holds the events as values already (the
    /// in-process transport) returns them one JSON value per event (`{"type":…,"object":…}`)
    /// instead of bytes to split and parse. The default is `stream`'s bytes.
    func openWatch(_ request: KubeRequest) async throws -> KubeWatchResponse
}

/// A watch answer: decoded events, or a byte stream (any status) to read as `stream` returns it.
public enum KubeWatchResponse: Sendable {
    case events(AsyncThrowingStream<JSONValue, any Error>)
    case stream(KubeStreamResponse)
}

extension KubeTransport {
    public func shutdown() async throws {}

    public func sendDecoded(_ request: KubeRequest) async throws -> KubeDecodedResponse {
        KubeDecodedResponse(response: try await send(request))
    }

    public func openWatch(_ request: KubeRequest) async throws -> KubeWatchResponse {
        .stream(try await stream(request))
    }
}

/// A response with, possibly, its 2xx JSON body already decoded (see `KubeTransport.sendDecoded`).
public struct KubeDecodedResponse: Sendable {
    public var response: KubeResponse
    /// The body as a value; when set, `response.body` is not meaningful.
    public var value: JSONValue?

    public init(response: KubeResponse, value: JSONValue? = nil) {
        self.response = response
        self.value = value
    }
}

/// A streaming response: the status code and the body as chunks of bytes.
public struct KubeStreamResponse: Sendable {
    public var statusCode: Int
    public var headers: [KubeRequest.Header]
    public var body: AsyncThrowingStream<[UInt8], any Error>

    public init(statusCode: Int, headers: [KubeRequest.Header] = [], body: AsyncThrowingStream<[UInt8], any Error>) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// Collects the whole body (used when a watch request failed with a non-200 status).
    public func collect(limit: Int = 1 << 20) async throws -> [UInt8] {
        var all: [UInt8] = []
        for try await chunk in body {
            all += chunk
            if all.count > limit { break }
        }
        return all
    }
}
