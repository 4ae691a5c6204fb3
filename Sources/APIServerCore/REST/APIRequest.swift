import StructuredData

/// A request to the API, independent of HTTP: who sends it (as authenticated by the front),
/// method, path, query, body and the headers that change the semantics.
public struct APIRequest: Sendable {
    /// One request header (names compare case-insensitively).
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    public var path: String
    public var query: [String: String]
    public var contentType: String?
    public var accept: String?
    public var userAgent: String?
    public var body: [UInt8]
    /// The authenticated caller, before impersonation (the front sets it; `.admin` by default).
    public var user: UserInfo
    /// Further headers that matter to the API: `Impersonate-User`, `Impersonate-Group`,
    /// `Impersonate-Uid` and `Impersonate-Extra-<key>` (others are ignored).
    public var headers: [Header]

    public init(method: String, path: String, query: [String: String] = [:], contentType: String? = nil,
                accept: String? = nil, userAgent: String? = nil, body: [UInt8] = [], user: UserInfo = .admin,
                headers: [Header] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.contentType = contentType
        self.accept = accept
        self.userAgent = userAgent
        self.body = body
        self.user = user
        self.headers = headers
    }

    /// Every value of the header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// Parses `a=b&c=d` (percent-decoded, `+` as space); the last value of a repeated key wins.
    public static func parseQuery(_ raw: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(parts[0])
            out[key] = parts.count > 1 ? percentDecode(parts[1]) : ""
        }
        return out
    }

    static func percentDecode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        var i = s.utf8.startIndex
        let u = s.utf8
        while i < u.endIndex {
            let c = u[i]
            if c == UInt8(ascii: "%"), let h1 = u.index(i, offsetBy: 1, limitedBy: u.endIndex), h1 < u.endIndex,
               let h2 = u.index(i, offsetBy: 2, limitedBy: u.endIndex), h2 < u.endIndex,
               let v = UInt8(String(decoding: [u[h1], u[h2]], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i = u.index(i, offsetBy: 3)
            } else {
                bytes.append(c == UInt8(ascii: "+") ? UInt8(ascii: " ") : c)
                i = u.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the query flag is true as Go's `strconv.ParseBool` reads it (`1`, `t`, `T`,
    /// `true`, `TRUE`, `True`; the Python client sends `True`).
    func flag(_ name: String) -> Bool {
        RequestAttributes.parseBool(query[name])
    }

    /// The body is an `application/apply-patch+yaml` server-side apply configuration.
    var isApplyPatch: Bool {
        (contentType ?? "").split(separator: ";").first?.trimmingCharacters(in: .whitespaces) == "application/apply-patch+yaml"
    }

    /// `dryRun=All` was requested.
    var isDryRun: Bool { query["dryRun"] == "All" }
}

/// What the API answers.
public enum APIResponse: Sendable {
    /// A JSON document with an HTTP status code.
    case json(code: Int, body: JSONValue)
    /// Raw bytes with a content type.
    case raw(code: Int, contentType: String, body: [UInt8])
    /// Raw bytes with a content type and further response headers (`Cache-Control`, `Location`).
    case document(code: Int, contentType: String, body: [UInt8], headers: [APIRequest.Header])
    /// A chunked stream (watch): each element is written and flushed as it comes.
    case stream(code: Int, contentType: String, chunks: AsyncStream<[UInt8]>)
    /// A 200 LIST answer: `header` (`kind`, `apiVersion`, `metadata`) then `items`. Fronts send
    /// `listBytes` (the stored objects' cached JSON spliced, not serialized again); the in-process
    /// transport hands over `listValue` without any JSON at all.
    case list(header: JSONObject, items: [StoredObject])
    /// A 200 WATCH answer: fronts send `events.nextLine()` chunks (newline-terminated JSON, as
    /// `.stream`); the in-process transport hands over `events.nextValue()` without any JSON.
    case watch(events: WatchEventSource)

    /// The error as a `Status` response.
    public static func error(_ error: APIServerError) -> APIResponse {
        .json(code: error.code, body: error.statusJSON)
    }

    /// The HTTP status code.
    public var code: Int {
        switch self {
        case .json(let c, _), .raw(let c, _, _), .document(let c, _, _, _), .stream(let c, _, _): return c
        case .list, .watch: return 200
        }
    }
}
