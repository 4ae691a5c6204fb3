/// The `labels.Parse` lexer and recursive-descent parser, with upstream error texts.
extension LabelSelector {
    /// Parses a selector string exactly as `labels.Parse` does (same grammar, same errors).
    /// `""` (or only whitespace) is `everything`.
    /// - Throws: `KubeModelError.invalidLabelSelector`, e.g.
    ///   `unable to parse requirement: found '', expected: identifier`.
    public static func parse(_ text: String) throws(KubeModelError) -> LabelSelector {
        var parser = LabelSelectorParser(tokens: LabelSelectorLexer.scanAll(text))
        return LabelSelector(requirements: try parser.parse())
    }
}

enum LabelToken: Equatable {
    case error, endOfString, closedPar, comma, doesNotExist, doubleEquals, equals, greaterThan
    case identifier, `in`, lessThan, notEquals, notIn, openPar

    static let literals: [String: LabelToken] = [
        ")": .closedPar, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals,
        ">": .greaterThan, "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openPar,
    ]
}

/// Byte-wise lexer as upstream: whitespace is ` \t\r\n`, specials are `=!()<>,`.
struct LabelSelectorLexer {
    let bytes: [UInt8]
    var pos = 0

    static func scanAll(_ text: String) -> [(LabelToken, String)] {
        var lexer = LabelSelectorLexer(bytes: Array(text.utf8))
        var items: [(LabelToken, String)] = []
        while true {
            let item = lexer.lex()
            items.append(item)
            if item.0 == .endOfString { return items }
        }
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
    static func isSpecial(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x21 || b == 0x28 || b == 0x29 || b == 0x2C || b == 0x3E || b == 0x3C
    }

    /// The next byte, or 0 at the end (a NUL byte also ends the input, as upstream).
    mutating func read() -> UInt8 {
        guard pos < bytes.count else { pos += 1; return 0 }
        defer { pos += 1 }
        return bytes[pos]
    }

    mutating func unread() { pos -= 1 }

    mutating func lex() -> (LabelToken, String) {
        var ch = read()
        while Self.isWhitespace(ch) { ch = read() }
        if ch == 0 { return (.endOfString, "") }
        unread()
        return Self.isSpecial(ch) ? scanSpecial() : scanIdentifier()
    }

    private mutating func scanSpecial() -> (LabelToken, String) {
        var buffer: [UInt8] = []
        var last: (LabelToken, String)?
        while true {
            let ch = read()
            if ch == 0 { break }
            guard Self.isSpecial(ch) else { unread(); break }
            buffer.append(ch)
            let text = String(decoding: buffer, as: UTF8.self)
            if let token = LabelToken.literals[text] {
                last = (token, text)
            } else if last != nil {
                unread()
                break
            }
        }
        if let last { return last }
        return (.error, "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'")
    }

    private mutating func scanIdentifier() -> (LabelToken, String) {
        var buffer: [UInt8] = []
        while true {
            let ch = read()
            if ch == 0 { break }
            if Self.isSpecial(ch) || Self.isWhitespace(ch) { unread(); break }
            buffer.append(ch)
        }
        let text = String(decoding: buffer, as: UTF8.self)
        return (LabelToken.literals[text] ?? .identifier, text)
    }
}

struct LabelSelectorParser {
    let tokens: [(LabelToken, String)]
    var position = 0

    /// In value context `in`/`notin` are plain identifiers.
    private func item(at index: Int, values: Bool) -> (LabelToken, String) {
        let (token, literal) = index < tokens.count ? tokens[index] : (.endOfString, "")
        if values && (token == .in || token == .notIn) { return (.identifier, literal) }
        return (token, literal)
    }

    func lookahead(values: Bool = true) -> (LabelToken, String) { item(at: position, values: values) }

    mutating func consume(values: Bool = true) -> (LabelToken, String) {
        defer { position += 1 }
        return item(at: position, values: values)
    }

    mutating func parse() throws(KubeModelError) -> [LabelSelector.Requirement] {
        var requirements: [LabelSelector.Requirement] = []
        while true {
            let (token, literal) = lookahead()
            switch token {
            case .identifier, .doesNotExist:
                do {
                    requirements.append(try parseRequirement())
                } catch {
                    throw .invalidLabelSelector("unable to parse requirement: \(error.description)")
                }
                let (next, nextLiteral) = consume()
                switch next {
                case .endOfString:
                    return requirements
                case .comma:
                    let (after, afterLiteral) = lookahead()
                    if after != .identifier && after != .doesNotExist {
                        throw .invalidLabelSelector("found '\(afterLiteral)', expected: identifier after ','")
                    }
                default:
                    throw .invalidLabelSelector("found '\(nextLiteral)', expected: ',' or 'end of string'")
                }
            case .endOfString:
                return requirements
            default:
                throw .invalidLabelSelector("found '\(literal)', expected: !, identifier, or 'end of string'")
            }
        }
    }

    private mutating func parseRequirement() throws(KubeModelError) -> LabelSelector.Requirement {
        var op: LabelSelector.Operator?
        var (token, literal) = consume()
        if token == .doesNotExist {
            op = .doesNotExist
            (token, literal) = consume()
        }
        guard token == .identifier else { throw .invalid("found '\(literal)', expected: identifier") }
        let key = literal
        if let e = LabelValidation.keyError(key, path: "<nil>") { throw .invalid(e.description) }
        let (next, _) = lookahead()
        if next == .endOfString || next == .comma, op == nil { op = .exists }
        if let op { return try requirement(key, op, []) }

        let parsedOp = try parseOperator()
        let values: [String]
        switch parsedOp {
        case .in, .notIn: values = try parseValues()
        default: values = try parseExactValue()
        }
        return try requirement(key, parsedOp, values)
    }

    private func requirement(_ key: String, _ op: LabelSelector.Operator, _ values: [String])
        throws(KubeModelError) -> LabelSelector.Requirement
    {
        do {
            return try LabelSelector.Requirement(key: key, op: op, values: values, path: nil)
        } catch {
            throw .invalid(error.description)
        }
    }

    private mutating func parseOperator() throws(KubeModelError) -> LabelSelector.Operator {
        let (token, literal) = consume(values: false)
        switch token {
        case .in: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default: throw .invalid("found '\(literal)', expected: in, notin, =, ==, !=, gt, lt")
        }
    }

    /// `( a, b )`: returns the sorted, de-duplicated values (`()` is `[""]`).
    private mutating func parseValues() throws(KubeModelError) -> [String] {
        let (open, openLiteral) = consume()
        guard open == .openPar else { throw .invalid("found '\(openLiteral)' expected: '('") }
        let (token, literal) = lookahead()
        switch token {
        case .identifier, .comma:
            let set = try parseIdentifiersList()
            if consume().0 != .closedPar { throw .invalid("found '\(literal)', expected: ')'") }
            return set.sorted()
        case .closedPar:
            _ = consume()
            return [""]
        default:
            throw .invalid("found '\(literal)', expected: ',', ')' or identifier")
        }
    }

    private mutating func parseIdentifiersList() throws(KubeModelError) -> Set<String> {
        var set = Set<String>()
        while true {
            let (token, literal) = consume()
            switch token {
            case .identifier:
                set.insert(literal)
                let (next, nextLiteral) = lookahead()
                switch next {
                case .comma: continue
                case .closedPar: return set
                default: throw .invalid("found '\(nextLiteral)', expected: ',' or ')'")
                }
            case .comma:
                if set.isEmpty { set.insert("") }
                let (next, _) = lookahead()
                if next == .closedPar {
                    set.insert("")
                    return set
                }
                if next == .comma {
                    _ = consume()
                    set.insert("")
                }
            default:
                throw .invalid("found '\(literal)', expected: ',', or identifier")
            }
        }
    }

    private mutating func parseExactValue() throws(KubeModelError) -> [String] {
        let (next, _) = lookahead()
        if next == .endOfString || next == .comma { return [""] }
        let (token, literal) = consume()
        if token == .identifier { return [literal] }
        throw .invalid("found '\(literal)', expected: identifier")
    }
}
