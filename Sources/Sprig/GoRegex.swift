import GoCompat

/// A Go `regexp.Regexp`: RE2 syntax with Go's error texts (`RegexParser`), matched by a
/// linear-time automaton (`PikeVM`) with Go's leftmost-first semantics and submatches. Chart
/// values reach these functions, so no pattern/input pair can make matching super-linear.
/// Positions are Unicode scalar offsets (Go's rune steps; Swift strings are valid UTF-8).
public struct GoRegex: Sendable {
    public let pattern: String
    let program: RegexProgram
    /// Capture group names by index (index 0, the whole match, has none).
    let groupNames: [String?]

    /// `regexp.Compile`. Throws `SprigError` with Go's text, e.g.
    /// ``error parsing regexp: missing closing ]: `[a` ``.
    public init(_ pattern: String) throws(SprigError) {
        self.pattern = pattern
        let (node, names) = try RegexParser.parse(pattern)
        groupNames = names
        program = RegexCompiler.compile(node, groups: names.count - 1)
    }

    /// Go's panic text for `MustCompile` failures.
    static func panicText(_ pattern: String, _ error: SprigError) -> String {
        "regexp: Compile(\(quote(pattern))): \(error.message)"
    }

    /// Go's `regexp.quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`.
    static func quote(_ s: String) -> String {
        let canBackquote = s.unicodeScalars.allSatisfy { c in
            c != "`" && c != "\u{FEFF}" && c != "\u{7F}" && (c.value >= 0x20 || c == "\t")
        }
        return canBackquote ? "`" + s + "`" : GoQuote.quote(s)
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    static func string(_ text: [UInt32], _ range: Range<Int>) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: text[range].compactMap(Unicode.Scalar.init))
        return s
    }

    /// Capture slots of the first match at or after `start`.
    func execute(_ text: [UInt32], from start: Int) -> [Int]? {
        PikeVM(program: program).execute(text, from: start)
    }

    /// `MatchString`.
    public func matches(_ s: String) -> Bool { execute(Self.scalars(s), from: 0) != nil }

    /// `FindString`: the leftmost match, "" when none.
    public func find(_ s: String) -> String {
        let text = Self.scalars(s)
        guard let m = execute(text, from: 0) else { return "" }
        return Self.string(text, m[0]..<m[1])
    }

    /// Go's `allMatches`: successive matches, at most `limit` (`limit < 0`: all), an empty
    /// match right after the previous match skipped.
    func allMatches(_ text: [UInt32], limit: Int) -> [[Int]] {
        let n = limit < 0 ? text.count + 1 : limit
        var result: [[Int]] = []
        var pos = 0
        var prevEnd = -1
        while result.count < n && pos <= text.count {
            guard let m = execute(text, from: pos) else { break }
            var accept = true
            if m[1] == pos {
                if m[0] == prevEnd { accept = false }
                pos += 1
            } else {
                pos = m[1]
            }
            prevEnd = m[1]
            if accept { result.append(m) }
        }
        return result
    }

    /// `FindAllString(s, n)`.
    public func findAll(_ s: String, limit: Int) -> [String] {
        let text = Self.scalars(s)
        return allMatches(text, limit: limit).map { Self.string(text, $0[0]..<$0[1]) }
    }

    /// Go's `Split(s, n)`.
    public func split(_ s: String, limit n: Int) -> [String] {
        if n == 0 { return [] }
        if !pattern.isEmpty, s.isEmpty { return [""] }
        let text = Self.scalars(s)
        var parts: [String] = []
        var begin = 0
        var end = 0
        for m in allMatches(text, limit: n) {
            if n > 0, parts.count == n - 1 { break }
            end = m[0]
            if m[1] != 0 { parts.append(Self.string(text, begin..<end)) }
            begin = m[1]
        }
        if end != text.count { parts.append(Self.string(text, begin..<text.count)) }
        return parts
    }

    /// `ReplaceAllString` (`literal == false`: `$1`, `${name}`, `$$` expanded) and
    /// `ReplaceAllLiteralString`.
    public func replaceAll(_ s: String, with template: String, literal: Bool) -> String {
        let text = Self.scalars(s)
        var out = ""
        var lastEnd = 0
        var searchPos = 0
        while searchPos <= text.count {
            guard let m = execute(text, from: searchPos) else { break }
            out += Self.string(text, lastEnd..<m[0])
            if m[1] > lastEnd || m[0] == 0 {
                out += literal ? template : expand(template, text, m)
            }
            lastEnd = m[1]
            if searchPos + 1 > m[1] { searchPos += 1 } else { searchPos = m[1] }
        }
        out += Self.string(text, lastEnd..<text.count)
        return out
    }
}
