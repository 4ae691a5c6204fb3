/// huandu/xstrings v1.3.3's `ToSnakeCase`/`ToKebabCase`: the text is split into runs
/// (upper-case word, lower-case word, number, connector `_`/`-`/space, punctuation, other);
/// words are lower-cased and joined with the connector, a number sticks to the word before
/// it unless lower-case letters follow (`Bld4Floor` → `bld4_floor`, `HTTP2xx` → `http_2xx`),
/// and an upper-case run before a capitalised word splits (`HTTPServer` → `http_server`).
struct CaseWords {
    enum Kind { case number, upper, alphabet, connector, punct, other }

    private let chars: [Unicode.Scalar]
    private var index = 0

    init(_ s: String) { chars = Array(s.unicodeScalars) }

    static func isConnector(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "_" || TextUtil.isSpace(c) }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    static func isNumber(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory { case .decimalNumber, .letterNumber, .otherNumber: return true; default: return false }
    }
    static func isPunct(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    var hasMore: Bool { index < chars.count }

    /// The next run, or nil at the end.
    mutating func next() -> (Kind, [Unicode.Scalar])? {
        guard index < chars.count else { return nil }
        let start = index
        let c = chars[index]
        index += 1
        func take(while accept: (Unicode.Scalar) -> Bool) { while index < chars.count, accept(chars[index]) { index += 1 } }
        let kind: Kind
        if Self.isConnector(c) {
            kind = .connector; take(while: Self.isConnector)
        } else if Self.isPunct(c) {
            kind = .punct; take(while: Self.isPunct)
        } else if Self.isUpper(c) {
            kind = .upper
            if index < chars.count {
                if Self.isUpper(chars[index]) {
                    take(while: Self.isUpper)
                    if index < chars.count, Self.isLetter(chars[index]) { index -= 1 }
                } else if Self.isLetter(chars[index]) {
                    take { Self.isLetter($0) && !Self.isUpper($0) }
                }
            }
        } else if Self.isLetter(c) {
            kind = .alphabet; take { Self.isLetter($0) && !Self.isUpper($0) }
        } else if Self.isNumber(c) {
            kind = .number; take(while: Self.isNumber)
        } else {
            kind = .other
            take { !(Self.isConnector($0) || Self.isLetter($0) || Self.isNumber($0) || Self.isPunct($0)) }
        }
        return (kind, Array(chars[start..<index]))
    }

    static func lowered(_ kind: Kind, _ word: [Unicode.Scalar], _ connector: String) -> String {
        guard kind == .upper || kind == .connector else { return String(String.UnicodeScalarView(word)) }
        var out = ""
        for c in word {
            if isConnector(c) { out += connector } else if isUpper(c) { out += String(c).lowercased() } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// Lower-cases `s` and joins its words with `connector`.
    static func join(_ s: String, connector: String) -> String {
        var words = CaseWords(s)
        guard var current = words.next() else { return "" }
        var out = ""
        while words.hasMore {
            if current.0 != .connector { out += lowered(current.0, current.1, connector) }
            let previous = current
            guard let following = words.next() else { break }
            current = following
            switch previous.0 {
            case .number:
                while current.0 == .alphabet || current.0 == .number {
                    out += lowered(current.0, current.1, connector)
                    guard let n = words.next() else { return out }
                    current = n
                }
                if current.0 != .punct && current.0 != .connector { out += connector }
            case .connector:
                out += lowered(previous.0, previous.1, connector)
            case .punct:
                break
            default:
                if current.0 != .number {
                    if current.0 != .connector && current.0 != .punct { out += connector }
                    break
                }
                guard words.hasMore, let n = words.next() else { break }
                let number = current
                current = n
                if current.0 != .alphabet {
                    out += lowered(.number, number.1, connector)
                    if current.0 != .connector && current.0 != .punct { out += connector }
                    break
                }
                out += connector + lowered(.number, number.1, connector)
                var ended = false
                while current.0 == .alphabet || current.0 == .number {
                    out += lowered(current.0, current.1, connector)
                    guard let m = words.next() else { ended = true; break }
                    current = m
                }
                if ended { return out }
                if current.0 != .connector && current.0 != .punct { out += connector }
            }
        }
        return out + lowered(current.0, current.1, connector)
    }
}
