/// Go's RE2 parser (`regexp/syntax.Parse` with `syntax.Perl` flags): the same grammar, the
/// same operator-stack structure and the same error codes and quoted fragments, so that
/// `regexp.Compile` errors read byte for byte as Go's. Works on Unicode scalars (a Swift
/// string is always valid UTF-8, so Go's `invalid UTF-8` cannot arise).
struct RegexParser {
    /// Go's `maxHeight`: deeper nesting is `expression nests too deeply`.
    static let maxHeight = 1000
    /// Go's `maxSize` (instructions): a bigger program is `expression too large`.
    static let maxSize = (128 << 20) / 40

    enum Item {
        case node(RegexNode, height: Int)
        case leftParen(capture: Int, name: String?, flags: RegexFlags)
        case verticalBar
    }

    let whole: [Unicode.Scalar]
    var flags: RegexFlags = .perl
    var stack: [Item] = []
    var numCaptures = 0
    var names: [String?] = [nil]

    init(_ pattern: String) {
        whole = Array(pattern.unicodeScalars)
    }

    /// The parsed pattern and its capture names (index 0 is the whole match). Throws
    /// `SprigError("error parsing regexp: <code>: `<fragment>`")`.
    static func parse(_ pattern: String) throws(SprigError) -> (RegexNode, [String?]) {
        var parser = RegexParser(pattern)
        let node = try parser.run()
        return (node, parser.names)
    }

    func error(_ code: String, _ range: Range<Int>) -> SprigError {
        SprigError("error parsing regexp: \(code): `\(text(range))`")
    }

    func error(_ code: String) -> SprigError { error(code, 0..<whole.count) }

    func text(_ range: Range<Int>) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: whole[range.clamped(to: 0..<whole.count)])
        return s
    }

    func at(_ i: Int) -> Unicode.Scalar? { i < whole.count ? whole[i] : nil }

    mutating func run() throws(SprigError) -> RegexNode {
        var t = 0
        var lastRepeat: Int? = nil
        while t < whole.count {
            var repeatStart: Int? = nil
            let c = whole[t]
            switch c {
            case "(":
                if at(t + 1) == "?" {
                    t = try parsePerlFlags(t)
                    break
                }
                numCaptures += 1
                names.append(nil)
                stack.append(.leftParen(capture: numCaptures, name: nil, flags: flags))
                t += 1
            case "|":
                concat()
                stack.append(.verticalBar)
                t += 1
            case ")":
                try parseRightParen()
                t += 1
            case "^":
                push(.assertion(flags.contains(.oneLine) ? .beginText : .beginLine))
                t += 1
            case "$":
                push(.assertion(flags.contains(.oneLine) ? .endText : .endLine))
                t += 1
            case ".":
                push(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
                t += 1
            case "[":
                t = try parseClass(t)
            case "*", "+", "?":
                let before = t
                t = try applyRepeat(c == "*" ? .star : c == "+" ? .plus : .quest, min: 0, max: 0,
                                    before: before, after: t + 1, lastRepeat: lastRepeat)
                repeatStart = before
            case "{":
                let before = t
                guard let (min, max, after) = parseRepeat(t) else {
                    literal(c.value)
                    t += 1
                    break
                }
                if min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max) {
                    throw error("invalid repeat count", before..<after)
                }
                t = try applyRepeat(.counted, min: min, max: max, before: before, after: after, lastRepeat: lastRepeat)
                repeatStart = before
            case "\\":
                t = try parseBackslash(t)
            default:
                literal(c.value)
                t += 1
            }
            lastRepeat = repeatStart
        }
        concat()
        try alternate()
        guard stack.count == 1, case .node(let node, _) = stack[0] else {
            throw error("missing closing )")
        }
        if Self.size(node) > Self.maxSize { throw error("expression too large") }
        return node
    }

    /// Escapes outside a class: assertions, `\Q…\E`, classes, then single characters.
    mutating func parseBackslash(_ t: Int) throws(SprigError) -> Int {
        if let next = at(t + 1) {
            switch next {
            case "A": push(.assertion(.beginText)); return t + 2
            case "b": push(.assertion(.wordBoundary)); return t + 2
            case "B": push(.assertion(.noWordBoundary)); return t + 2
            case "C": throw error("invalid escape sequence", t..<t + 2)
            case "z": push(.assertion(.endText)); return t + 2
            case "Q":
                var i = t + 2
                while i < whole.count {
                    if whole[i] == "\\", at(i + 1) == "E" { break }
                    literal(whole[i].value)
                    i += 1
                }
                return min(i + 2, whole.count)
            default: break
            }
        }
        if let (item, rest) = try parseUnicodeClass(t) {
            push(.charClass(CharClass(items: [item])))
            return rest
        }
        if let (item, rest) = parsePerlClassEscape(t) {
            push(.charClass(CharClass(items: [item])))
            return rest
        }
        let (c, rest) = try parseEscape(t)
        literal(c)
        return rest
    }

    mutating func literal(_ c: UInt32) {
        push(.literal(c, fold: flags.contains(.foldCase) && CaseFolding.orbit(c).count > 1))
    }

    mutating func push(_ node: RegexNode, height: Int = 1) {
        stack.append(.node(node, height: height))
    }
}
