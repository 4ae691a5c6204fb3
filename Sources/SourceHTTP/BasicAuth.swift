/// Username and password credentials (basic auth, registry logins).
public struct BasicCredentials: Sendable, Equatable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The `Authorization` header value `Basic base64(user:password)`.
    public var authorizationHeader: String { "Basic " + Base64.encode(Array("\(username):\(password)".utf8)) }

    /// `username`/`password` from a Secret (source-controller's `basicAuthFromSecret`): nil when
    /// both are empty.
    /// - Throws: `.invalidSecret` "invalid '<name>' secret data: required fields 'username' and
    ///   'password'" when only one is set.
    public static func fromSecret(name: String, data: [String: [UInt8]]) throws(SourceHTTPError) -> BasicCredentials? {
        let username = String(decoding: data["username"] ?? [], as: UTF8.self)
        let password = String(decoding: data["password"] ?? [], as: UTF8.self)
        switch (username.isEmpty, password.isEmpty) {
        case (true, true): return nil
        case (false, false): return BasicCredentials(username: username, password: password)
        default: throw SourceHTTPError(.invalidSecret, "invalid '\(name)' secret data: required fields 'username' and 'password'")
        }
    }
}

/// Standard base64 (RFC 4648 with padding) without Foundation.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            out += [alphabet[n >> 18], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], alphabet[n & 63]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = Int(bytes[i]) << 16
            out += [alphabet[n >> 18], alphabet[(n >> 12) & 63], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
            out += [alphabet[n >> 18], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes standard (or, with `url`, URL-safe) base64; padding optional. Nil on bad input.
    public static func decode(_ text: String, url: Bool = false) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var padding = 0
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c + 4
            case UInt8(ascii: "+") where !url, UInt8(ascii: "-") where url: v = 62
            case UInt8(ascii: "/") where !url, UInt8(ascii: "_") where url: v = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: return nil
            }
            if padding > 0 { return nil }
            values.append(v)
        }
        if values.count % 4 == 1 || padding > 2 { return nil }
        if padding > 0, (values.count + padding) % 4 != 0 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i + 3 < values.count {
            let n = Int(values[i]) << 18 | Int(values[i + 1]) << 12 | Int(values[i + 2]) << 6 | Int(values[i + 3])
            out += [UInt8(n >> 16), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)]
            i += 4
        }
        let rest = values.count - i
        if rest == 2 {
            let n = Int(values[i]) << 18 | Int(values[i + 1]) << 12
            out.append(UInt8(n >> 16))
        } else if rest == 3 {
            let n = Int(values[i]) << 18 | Int(values[i + 1]) << 12 | Int(values[i + 2]) << 6
            out += [UInt8(n >> 16), UInt8((n >> 8) & 0xff)]
        }
        return out
    }
}
