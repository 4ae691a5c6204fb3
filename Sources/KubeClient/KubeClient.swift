import Foundation
import KubeModel
import StructuredData

/// A Kubernetes API client: dynamic CRUD on `KubeObject`, pagination, watch, patch and apply.
///
/// Requests are built purely (`KubeRequest` builders) and sent through a `KubeTransport`. The client
/// adds authentication, impersonation and `User-Agent` headers, applies the QPS/burst limit and
/// turns non-2xx answers into `KubeClientError.api(Status)`.
public struct KubeClient: Sendable {
    public let config: ClientConfig
    public let transport: any KubeTransport
    public let limiter: RateLimiter
    public let mapper: RESTMapper

    public init(config: ClientConfig, transport: any KubeTransport) {
        self.config = config
        self.transport = transport
        self.limiter = RateLimiter(qps: config.qps, burst: config.burst)
        self.mapper = RESTMapper()
    }

    init(config: ClientConfig, transport: any KubeTransport, limiter: RateLimiter, mapper: RESTMapper) {
        self.config = config
        self.transport = transport
        self.limiter = limiter
        self.mapper = mapper
    }

    /// A client with a changed configuration (default namespace, impersonation, …) that shares this
    /// one's transport, rate limiter and REST mapper (what controllers use per object).
    public func with(_ configure: (inout ClientConfig) -> Void) -> KubeClient {
        var copy = config
        configure(&copy)
        return KubeClient(config: copy, transport: transport, limiter: limiter, mapper: mapper)
    }

    /// Shuts the transport down (see `KubeTransport.shutdown`); call once, when the client's owner
    /// is done with it and every copy of the client.
    public func shutdown() async {
        try? await transport.shutdown()
    }

    /// The headers every request carries: credentials, impersonation, user agent.
    public func defaultHeaders() throws(KubeClientError) -> [KubeRequest.Header] {
        var h: [KubeRequest.Header] = [.init("User-Agent", config.userAgent)]
        var token = config.bearerToken
        if let file = config.bearerTokenFile, let fresh = try? KubeConfig.readToken(file, owner: "the token file") {
            token = fresh
        }
        if let token, !token.isEmpty {
            h.append(.init("Authorization", "Bearer \(token)"))
        } else if let user = config.username, let password = config.password {
            h.append(.init("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()))
        }
        if let imp = config.impersonation { h += imp.headers }
        return h
    }

    private func prepared(_ request: KubeRequest) async throws(KubeClientError) -> KubeRequest {
        var r = request
        r.headers = try defaultHeaders() + r.headers
        do { try await limiter.acquire() } catch { throw .transport("request cancelled while rate limited") }
        return r
    }

    /// Sends a request and returns the decoded JSON body of a 2xx answer.
    /// - Throws: `.api(Status)` for non-2xx answers (the server's Status, or one synthesized from
    ///   the code), `.transport` when no answer arrived, `.decoding` for a malformed 2xx body.
    public func send(_ request: KubeRequest) async throws(KubeClientError) -> JSONValue {
        var attempt = 0
        var response: KubeResponse
        var value: JSONValue?
        var r: KubeRequest
        while true {
            r = try await prepared(request)
            do {
                let answer = try await transport.sendDecoded(r)
                response = answer.response
                value = answer.value
            } catch let e as KubeClientError { throw e } catch {
                throw .transport("\(r.method) \(r.pathAndQuery): \(error)")
            }
            attempt += 1
            guard attempt < Self.maxRetries, let wait = Self.retryAfter(response) else { break }
            if wait > 0 {
                do { try await Task.sleep(for: .seconds(wait)) } catch { throw .transport("request cancelled while waiting to retry") }
            }
        }
        guard (200..<300).contains(response.statusCode) else {
            throw .api(Self.status(from: response.body, code: response.statusCode, method: r.method))
        }
        if let value { return value }
        if response.body.isEmpty { return .null }
        do { return try JSONParser.parse(bytes: response.body) } catch {
            throw .decoding("\(r.method) \(r.pathAndQuery): invalid JSON in response: \(error.description)")
        }
    }

    /// How many times a request is sent when the server keeps asking to retry later.
    static let maxRetries = 10

    /// client-go's `checkWait`: a 429 or 5xx answer with an integer `Retry-After` header is retried
    /// after that many seconds (capped at 60); anything else is final.
    static func retryAfter(_ response: KubeResponse) -> Int? {
        guard response.statusCode == 429 || (500...599).contains(response.statusCode) else { return nil }
        guard let header = response.headers.first(where: { $0.name.lowercased() == "retry-after" }),
              let seconds = Int(header.value.trimmingCharacters(in: .whitespaces)), seconds >= 0
        else { return nil }
        return min(seconds, 60)
    }

    /// Opens a watch request (`KubeTransport.openWatch`). A non-200 answer is thrown as
    /// `.api(Status)`; a `.stream` answer returned is a 200.
    public func openWatch(_ request: KubeRequest) async throws(KubeClientError) -> KubeWatchResponse {
        let r = try await prepared(request)
        let opened: KubeWatchResponse
        do { opened = try await transport.openWatch(r) } catch let e as KubeClientError { throw e } catch {
            throw .transport("\(r.method) \(r.pathAndQuery): \(error)")
        }
        if case .stream(let response) = opened, response.statusCode != 200 {
            let body = (try? await response.collect()) ?? []
            throw .api(Self.status(from: body, code: response.statusCode, method: r.method))
        }
        return opened
    }

    /// The server's `Status` from an error body, or one synthesized from the HTTP code with
    /// client-go's `NewGenericServerResponse` messages.
    public static func status(from body: [UInt8], code: Int, method: String) -> Status {
        if let json = try? JSONParser.parse(bytes: body), Status.isStatus(json) {
            var s = Status(json: json)
            if s.code == 0 { s.code = code }
            return s
        }
        let serverMessage = String(decoding: body.prefix(1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var reason = StatusReason.unknown
        var message = "the server responded with the status code \(code) but did not return more information"
        switch code {
        case 409:
            reason = method == "POST" ? .alreadyExists : .conflict
            message = "the server reported a conflict"
        case 404: reason = .notFound; message = "the server could not find the requested resource"
        case 400: reason = .badRequest; message = "the server rejected our request for an unknown reason"
        case 401: reason = .unauthorized; message = "the server has asked for the client to provide credentials"
        case 403: reason = .forbidden; message = serverMessage
        case 405: reason = .methodNotAllowed; message = "the server does not allow this method on the requested resource"
        case 406:
            reason = .notAcceptable
            message = serverMessage.isEmpty ? "the server was unable to respond with a content type that the client supports" : serverMessage
        case 410: reason = .gone; message = serverMessage.isEmpty ? "the server reported gone" : serverMessage
        case 415: reason = .unsupportedMediaType; message = serverMessage
        case 422: reason = .invalid; message = "the server rejected our request due to an error in our request"
        case 429: reason = .tooManyRequests; message = "the server has received too many requests and has asked us to try again later"
        case 503: reason = .serviceUnavailable; message = "the server is currently unable to handle the request"
        case 504:
            reason = .timeout
            message = "the server was unable to return a response in the time allotted, but may still be processing the request"
        default:
            if code >= 500 {
                reason = .internalError
                message = "an error on the server (\"\(serverMessage)\") has prevented the request from succeeding"
            }
        }
        return Status(status: Status.failure, message: message, reason: reason, code: code)
    }
}
