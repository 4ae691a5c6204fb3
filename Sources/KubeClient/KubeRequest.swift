/// One HTTP request to the API server, built purely (no I/O) so it can be tested on its own.
///
/// `path` is the URL path (already escaped for path segments); `query` keeps insertion order;
/// `url(base:)` renders the full URL.
public struct KubeRequest: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var path: String
    public var query: [QueryItem]
    public var headers: [Header]
    public var body: [UInt8]?
    /// True for watch requests, whose response is a stream of events.
    public var isWatch: Bool

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [QueryItem] = [], headers: [Header] = [], body: [UInt8]? = nil, isWatch: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.isWatch = isWatch
    }

    /// The value of the first query item named `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// `path?query` with query values percent-encoded.
    public var pathAndQuery: String {
        if query.isEmpty { return path }
        return path + "?" + query.map { "\(Self.escapeQuery($0.name))=\(Self.escapeQuery($0.value))" }.joined(separator: "&")
    }

    /// The absolute URL against a server base such as `https://127.0.0.1:6443` (a trailing `/` and
    /// a base path are kept).
    public func url(base: String) -> String {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        return b + pathAndQuery
    }

    public var description: String { "\(method) \(pathAndQuery)" }

    /// Percent-encodes a query component (RFC 3986 unreserved characters stay as-is).
    public static func escapeQuery(_ s: String) -> String { escape(s, keep: "-._~") }

    /// Percent-encodes a path segment (`/` is escaped too).
    public static func escapePathSegment(_ s: String) -> String { escape(s, keep: "-._~!$&'()*+,;=:@") }

    private static func escape(_ s: String, keep: String) -> String {
        let keepBytes = Set(keep.utf8)
        var out = ""
        for b in s.utf8 {
            let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if isAlnum || keepBytes.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

/// The HTTP answer to a `KubeRequest`.
public struct KubeResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: [KubeRequest.Header]
    public var body: [UInt8]

    public init(statusCode: Int, headers: [KubeRequest.Header] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    public init(statusCode: Int, json: String) {
        self.init(statusCode: statusCode, headers: [.init("Content-Type", "application/json")], body: Array(json.utf8))
    }
}
