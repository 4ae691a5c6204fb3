import KubeClient
import Synchronization

/// A `KubeTransport` that counts what passes through it, by verb and resource, for the
/// benchmarks' "API requests" figures; everything else is the wrapped transport's.
final class CountingTransport: KubeTransport {
    let inner: any KubeTransport
    private let counts = Mutex<[String: Int]>([:])

    init(_ inner: any KubeTransport) { self.inner = inner }

    func send(_ request: KubeRequest) async throws -> KubeResponse {
        count(request)
        return try await inner.send(request)
    }

    func sendDecoded(_ request: KubeRequest) async throws -> KubeDecodedResponse {
        count(request)
        return try await inner.sendDecoded(request)
    }

    func openWatch(_ request: KubeRequest) async throws -> KubeWatchResponse {
        count(request)
        return try await inner.openWatch(request)
    }

    func stream(_ request: KubeRequest) async throws -> KubeStreamResponse {
        count(request)
        return try await inner.stream(request)
    }

    func shutdown() async throws { try await inner.shutdown() }

    /// Requests so far, keyed `VERB resource[/subresource]` (`GET deployments`, `LIST helmreleases`,
    /// `WATCH helmcharts`, `PATCH helmreleases/status`).
    func snapshot() -> [String: Int] { counts.withLock { $0 } }

    private func count(_ request: KubeRequest) {
        let key = Self.key(request)
        counts.withLock { $0[key, default: 0] += 1 }
    }

    /// `VERB resource[/subresource]` of a request path (`/api/v1/...` or `/apis/<g>/<v>/...`);
    /// `METHOD path` for anything else (`GET /version`).
    static func key(_ request: KubeRequest) -> String {
        var parts = request.path.split(separator: "/").map(String.init)
        switch parts.first {
        case "api": parts.removeFirst(min(2, parts.count))
        case "apis": parts.removeFirst(min(3, parts.count))
        default: return "\(request.method) \(request.path)"
        }
        if parts.count >= 2, parts[0] == "namespaces", parts.count > 2 { parts.removeFirst(2) }
        guard let resource = parts.first else { return "\(request.method) \(request.path)" }
        let named = parts.count > 1
        let verb: String
        switch request.method {
        case "GET": verb = request.isWatch || request.queryValue("watch") == "true" ? "WATCH" : (named ? "GET" : "LIST")
        default: verb = request.method
        }
        return "\(verb) \(resource)" + (parts.count > 2 ? "/\(parts[2])" : "")
    }

    /// The total of `after - before`.
    static func total(_ after: [String: Int], minus before: [String: Int]) -> Int {
        after.reduce(0) { $0 + $1.value - before[$1.key, default: 0] }
    }

    /// The `limit` largest counts of `after - before`, one `count  VERB resource` line each.
    static func breakdown(_ after: [String: Int], minus before: [String: Int], limit: Int = 20) -> String {
        let diff = after.map { ($0.key, $0.value - before[$0.key, default: 0]) }.filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return diff.prefix(limit).map { "  \(String($0.1).leftPadded(9))  \($0.0)" }.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
