/// A transport for tests that replays recorded API server responses in order and checks that the
/// client sends the expected requests.
///
/// Each step names the request it expects as `"METHOD path?query"` (query in the order the client
/// builds it) and the response to return. A request that does not match the next step, or arrives
/// when no step is left, fails with `KubeClientError.transport` naming both, so tests fail loudly.
public actor ScriptedTransport: KubeTransport {
    public enum Reply: Sendable {
        case response(KubeResponse)
        /// A streaming reply; each string is one chunk (watch lines should end with `\n`).
        case stream(statusCode: Int, chunks: [String])
    }

    public struct Step: Sendable {
        public var expect: String
        public var reply: Reply
        public init(_ expect: String, _ reply: Reply) {
            self.expect = expect
            self.reply = reply
        }

        /// A JSON response step.
        public static func json(_ expect: String, status: Int = 200, _ body: String) -> Step {
            Step(expect, .response(KubeResponse(statusCode: status, json: body)))
        }

        /// A watch stream step whose chunks are the given event lines.
        public static func watch(_ expect: String, events: [String]) -> Step {
            Step(expect, .stream(statusCode: 200, chunks: events.map { $0 + "\n" }))
        }
    }

    private var steps: [Step]
    /// Every request received, in order.
    public private(set) var requests: [KubeRequest] = []

    public init(_ steps: [Step]) { self.steps = steps }

    /// Steps not yet consumed (a finished test expects none).
    public var remaining: [String] { steps.map(\.expect) }

    private func next(_ request: KubeRequest) throws -> Reply {
        requests.append(request)
        let actual = "\(request.method) \(request.pathAndQuery)"
        guard let step = steps.first else {
            throw KubeClientError.transport("scripted transport: unexpected request \(actual) (no steps left)")
        }
        guard step.expect == actual else {
            throw KubeClientError.transport("scripted transport: got \(actual), expected \(step.expect)")
        }
        steps.removeFirst()
        return step.reply
    }

    public func send(_ request: KubeRequest) async throws -> KubeResponse {
        switch try next(request) {
        case .response(let r): return r
        case .stream(let code, let chunks): return KubeResponse(statusCode: code, body: Array(chunks.joined().utf8))
        }
    }

    public func stream(_ request: KubeRequest) async throws -> KubeStreamResponse {
        switch try next(request) {
        case .response(let r):
            return KubeStreamResponse(statusCode: r.statusCode, headers: r.headers, body: AsyncThrowingStream { c in
                c.yield(r.body)
                c.finish()
            })
        case .stream(let code, let chunks):
            return KubeStreamResponse(statusCode: code, body: AsyncThrowingStream { c in
                for chunk in chunks { c.yield(Array(chunk.utf8)) }
                c.finish()
            })
        }
    }
}
