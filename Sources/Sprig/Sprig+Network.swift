import GoTemplate

extension Sprig {
    static let network: [GoFunction] = [
        fn("urlParse", [.string], result: .mapStringAny) { a in
            let u = GoURL(parsing: a[0].str)
            return .map([
                "scheme": .string(u.scheme), "host": .string(u.host), "hostname": .string(u.hostname),
                "path": .string(u.path), "query": .string(u.rawQuery), "opaque": .string(u.opaque),
                "fragment": .string(u.fragment), "userinfo": .string(u.userinfo),
            ])
        },
        fn("urlJoin", [.mapStringAny], result: .string) { a in
            let d = entries(a[0])
            func value(_ key: String) -> String { d[key].map { $0.strval } ?? "" }
            var u = GoURL()
            u.scheme = value("scheme"); u.host = value("host"); u.path = value("path")
            u.rawQuery = value("query"); u.opaque = value("opaque"); u.fragment = value("fragment")
            u.userinfo = value("userinfo")
            return .string(u.string)
        },
        // Helm replaces this with a resolver that answers "" unless DNS lookups are enabled.
        fn("getHostByName", [.string], result: .string) { _ in .string("") },
    ]
}

/// The parts of Go's `net/url.URL` that `urlParse`/`urlJoin` expose.
struct GoURL {
    var scheme = "", opaque = "", userinfo = "", host = "", path = "", rawQuery = "", fragment = ""

    init() {}

    init(parsing text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = GoURL.unescape(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
           rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           rest.first?.isLetter == true {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if let q = rest.firstIndex(of: "?") {
            rawQuery = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if !scheme.isEmpty, !rest.hasPrefix("/") {
            opaque = String(rest)
            return
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
        }
        path = GoURL.unescape(String(rest))
    }

    /// `Hostname()`: the host without port or IPv6 brackets.
    var hostname: String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    /// `URL.String()`.
    var string: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || !userinfo.isEmpty {
                if !host.isEmpty || !path.isEmpty || !userinfo.isEmpty { out += "//" }
                if !userinfo.isEmpty { out += userinfo + "@" }
                out += host
            }
            if !path.isEmpty, !path.hasPrefix("/"), !host.isEmpty { out += "/" }
            out += GoURL.escapePath(path)
        }
        if !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + GoURL.escapePath(fragment) }
        return out
    }

    static func unescape(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func escapePath(_ s: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~/:@!$&'()*+,;=".utf8)
        var out = ""
        for b in s.utf8 {
            if allowed.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded() }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded() -> String { count < 2 ? "0" + self : self }
}
