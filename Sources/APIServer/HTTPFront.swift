import APIServerCore
import Hummingbird
import KubeModel
import NIOCore
import StructuredData

/// Maps HTTP to `KubeAPI`: bearer-token check (401), body limit (413), `APIRequest` in,
/// `APIResponse` out (JSON, raw bytes, or a chunked watch stream).
struct HTTPFront: Sendable {
    let api: KubeAPI
    let token: String
    /// Bodies above 3 MiB are refused with 413.
    static let maxBodySize = 3 * 1024 * 1024

    var responder: CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in await self.respond(request) }
    }

    func respond(_ request: Request) async -> Response {
        guard authorized(request.headers[.authorization]) else {
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
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.uri.path, query: query,
            contentType: request.headers[.contentType], accept: request.headers[.accept],
            userAgent: request.headers[.userAgent], body: Array(buffer: body))
        return Self.render(await api.handle(apiRequest))
    }

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
            let bytes = body.serializedBytes(JSONWriteOptions(escapeHTML: false)) + [10]
            return Response(status: .init(code: code), headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .raw(let code, let contentType, let bytes):
            return Response(status: .init(code: code), headers: [.contentType: contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
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
