/// A JSON Pointer (RFC 6901): a list of reference tokens, written `/a/b~1c/0` (`~0` is `~`, `~1` is `/`).
///
/// Contract: parsing rejects text that does not start with `/` (other than the empty root pointer)
/// and `~` not followed by `0` or `1`. Array tokens must be `0` or a decimal without leading zeros;
/// `-` names the position after the last element and is only valid where a value is added.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    public var tokens: [String]

    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses pointer text. Throws `.invalidPointer`.
    public init(_ text: String) throws(StructuredDataError) {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else {
            throw StructuredDataError(.invalidPointer, "JSON pointer must be empty or start with a \"/\": \(text)")
        }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let c = iterator.next() {
                guard c == "~" else { token.append(c); continue }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default:
                    throw StructuredDataError(.invalidPointer, "invalid JSON pointer escape in \(text): \"~\" must be followed by 0 or 1")
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// The pointer text with `~` and `/` escaped.
    public var description: String {
        tokens.map { "/" + $0.replacingTilde() }.joined()
    }

    public var isRoot: Bool { tokens.isEmpty }
    public var parent: JSONPointer { JSONPointer(tokens: Array(tokens.dropLast())) }
    public var last: String? { tokens.last }

    public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens: tokens + [token]) }

    /// Whether this pointer equals `other` or lies below it.
    public func hasPrefix(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// An array index token: `0` or a decimal without leading zeros (no sign).
    static func index(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if token.count > 1 && token.hasPrefix("0") { return nil }
        return Int(token)
    }
}

extension String {
    fileprivate func replacingTilde() -> String {
        var out = ""
        for c in self {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }
}

extension JSONValue {
    /// The value the pointer refers to, or `nil` when any token does not resolve.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = JSONPointer.index(token), i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    /// Applies `body` to the container holding the pointer's last token. Returns `false` when the
    /// parent path does not resolve to an object or array.
    mutating func modifyParent(
        of pointer: JSONPointer, _ body: (inout JSONValue, String) throws(StructuredDataError) -> Void
    ) throws(StructuredDataError) -> Bool {
        guard let last = pointer.tokens.last else { return false }
        return try modify(path: pointer.tokens.dropLast()[...]) { (container: inout JSONValue) throws(StructuredDataError) in
            try body(&container, last)
        }
    }

    private mutating func modify(
        path: ArraySlice<String>, _ body: (inout JSONValue) throws(StructuredDataError) -> Void
    ) throws(StructuredDataError) -> Bool {
        guard let token = path.first else {
            switch self {
            case .object, .array:
                try body(&self)
                return true
            default:
                return false
            }
        }
        switch self {
        case .object(var o):
            guard var child = o[token] else { return false }
            self = .null
            var found = false
            var failure: StructuredDataError?
            do { found = try child.modify(path: path.dropFirst(), body) } catch { failure = error }
            o[token] = child
            self = .object(o)
            if let failure { throw failure }
            return found
        case .array(var a):
            guard let i = JSONPointer.index(token), i < a.count else { return false }
            var child = a[i]
            self = .null
            var found = false
            var failure: StructuredDataError?
            do { found = try child.modify(path: path.dropFirst(), body) } catch { failure = error }
            a[i] = child
            self = .array(a)
            if let failure { throw failure }
            return found
        default:
            return false
        }
    }
}
