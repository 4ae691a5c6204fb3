import APIServerCore
import Foundation
import Hummingbird
import KubeModel
import NIOCore
import StructuredData

/// Maps HTTP to `KubeAPI`: bearer-token check (401), body limit (413), `APIRequest` in,
/// `APIResponse` out (JSON, raw bytes, or a chunked watch stream).
struct HTTPFront: Sendable {
    let api: KubeAPI
    let token: String
    /// Static user tokens (from `--user`), by token.
    var users: [String: UserInfo] = [:]
    /// Bodies above 3 MiB are refused with 413.
    static let maxBodySize = 3 * 1024 * 1024

    var responder: CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in await self.respond(request) }
    }

    func respond(_ request: Request) async -> Response {
        guard let user = await authenticate(request.headers[.authorization]) else {
            return Self.json(401, Status.unauthorized("Unauthorized").json)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBodySize {
            return Self.render(.error(.tooLarge))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxBodySize)
        } catch {
            return Self.render(.error(.tooLarge))
        }
        let query = request.uri.query.map { APIRequest.parseQuery(Substring($0)) } ?? [:]
        var headers: [APIRequest.Header] = []
        for field in request.headers where field.name.canonicalName.hasPrefix("impersonate-") {
            headers.append(APIRequest.Header(field.name.rawName, field.value))
        }
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.uri.path, query: query,
            contentType: request.headers[.contentType], accept: request.headers[.accept],
            userAgent: request.headers[.userAgent], body: Array(buffer: body), user: user, headers: headers)
        return Self.render(await api.handle(apiRequest))
    }

    /// The user behind an `Authorization: Bearer` header: the admin token is the admin
    /// (`system:masters`); a static user's token is that user; a ServiceAccount token of an existing ServiceAccount is that
    /// ServiceAccount; anything else is nil (401).
    func authenticate(_ header: String?) async -> UserInfo? {
        guard let header, header.hasPrefix("Bearer ") else { return nil }
        if authorized(header) { return .admin }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        if let user = users[token] { return user }
        return await api.authenticate(serviceAccountToken: token)
    }

    /// True when the header carries the admin token (compared in constant time).
    func authorized(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let presented = Array(header.utf8.dropFirst(7))
        let expected = Array(token.utf8)
        guard presented.count == expected.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(presented, expected) { diff |= a ^ b }
        return diff == 0
    }

    static func json(_ code: Int, _ body: JSONValue) -> Response {
        render(.json(code: code, body: body))
    }

    static func render(_ response: APIResponse) -> Response {
        switch response {
        case .json(let code, let body):
            var headers: HTTPFields = [.contentType: "application/json"]
            if let seconds = APIResponse.retryAfter(body) { headers[.retryAfter] = String(seconds) }
            return Response(status: .init(code: code), headers: headers,
                            body: .init(byteBuffer: ByteBuffer(bytes: APIResponse.encodeJSON(body))))
        case .raw(let code, let contentType, let bytes):
            return Response(status: .init(code: code), headers: [.contentType: contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .list(let header, let items):
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: APIResponse.listBytes(header: header, items: items))))
        case .document(let code, let contentType, let bytes, let extra):
            var headers: HTTPFields = [.contentType: contentType]
            for header in extra {
                switch header.name.lowercased() {
                case "cache-control": headers[.cacheControl] = header.value
                case "etag": headers[.eTag] = header.value
                case "expires": headers[.expires] = header.value
                case "location": headers[.location] = header.value
                case "vary": headers[.vary] = header.value
                default: break
                }
            }
            return Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .watch(let events):
            return render(.stream(code: 200, contentType: "application/json", chunks: events.lines))
        case .stream(let code, let contentType, let chunks):
            return Response(status: .init(code: code), headers: [.contentType: contentType],
                            body: ResponseBody { writer in
                                for await chunk in chunks {
                                    try await writer.write(ByteBuffer(bytes: chunk))
                                }
                                try await writer.finish(nil)
                            })
        }
    }
}
