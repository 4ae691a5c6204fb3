import GoCompat

/// Token kinds of Go's template lexer (`text/template/parse/lex.go`).
enum TokenKind: Equatable, Sendable {
    case error, eof, text, comment, leftDelim, rightDelim, space
    case bool, char, charConstant, complex, assign, declare, field, identifier
    case leftParen, rightParen, number, pipe, rawString, string, variable, dot, nilKeyword
    // keywords
    case block, breakKeyword, continueKeyword, define, elseKeyword, end, ifKeyword, range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKeyword, .continueKeyword, .define, .elseKeyword, .end,
             .ifKeyword, .range, .template, .with, .dot, .nilKeyword:
            return true
        default: return false
        }
    }
}

/// A lexed token: kind, byte offset, text and 1-based line. Text tokens (`.text`) leave `value`
/// empty and carry their byte length in `length` instead: the parser copies their bytes straight
/// from the input, so no `String` is built for them.
struct Token: Sendable {
    var kind: TokenKind
    var pos: Int
    var value: String
    var line: Int
    var length = 0

    /// Go's `item.String()`, used in "unexpected X in Y" messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return value
        default:
            if kind.isKeyword && kind != .dot && kind != .nilKeyword { return "<\(value)>" }
            if kind == .dot || kind == .nilKeyword { return "<\(value)>" }
            if value.utf8.count > 10 {
                // %.10q...: quote the first 10 runes
                return GoQuote.quote(String(value.unicodeScalars.prefix(10).map(Character.init))) + "..."
            }
            return GoQuote.quote(value)
        }
    }
}

/// Go's template lexer over UTF-8 bytes, producing tokens on demand.
struct Lexer {
    let input: [UInt8]
    let leftDelim: [UInt8]
    let rightDelim: [UInt8]
    var pos = 0
    var start = 0
    var line = 1
    var startLine = 1
    var insideAction = false
    var parenDepth = 0
    var pending: [Token] = []
    var pendingHead = 0
    var finished = false
    var breakOK = true
    var continueOK = true

    init(_ text: String, left: String = "{{", right: String = "}}") {
        input = Array(text.utf8)
        leftDelim = Array((left.isEmpty ? "{{" : left).utf8)
        rightDelim = Array((right.isEmpty ? "}}" : right).utf8)
    }

    /// The next token; after EOF or an error it keeps returning EOF.
    mutating func nextToken() -> Token {
        while pendingHead == pending.count {
            // Consumed tokens are dropped in batches: clearing the queue on every token costs more
            // than lexing it.
            if pendingHead >= 64 {
                pending.removeAll(keepingCapacity: true)
                pendingHead = 0
            }
            if finished { return Token(kind: .eof, pos: input.count, value: "", line: line) }
            if insideAction { lexInsideAction() } else { lexText() }
        }
        let t = pending[pendingHead]
        pendingHead += 1
        if t.kind == .eof || t.kind == .error { finished = true }
        return t
    }

    // MARK: helpers

    func peekByte(_ offset: Int = 0) -> UInt8? {
        pos + offset < input.count ? input[pos + offset] : nil
    }

    func hasPrefix(_ bytes: [UInt8], at p: Int) -> Bool {
        guard p + bytes.count <= input.count else { return false }
        for i in 0..<bytes.count where input[p + i] != bytes[i] { return false }
        return true
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<to], as: UTF8.self)
    }

    static func isSpace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    mutating func emit(_ kind: TokenKind) {
        if kind == .text {
            pending.append(Token(kind: kind, pos: start, value: "", line: startLine, length: pos - start))
        } else {
            pending.append(Token(kind: kind, pos: start, value: text(start, pos), line: startLine))
        }
        countLines(start, pos)
        start = pos
        startLine = line
    }

    mutating func countLines(_ from: Int, _ to: Int) {
        var i = from
        while i < to { if input[i] == 0x0A { line += 1 }; i += 1 }
    }

    mutating func ignore() {
        countLines(start, pos)
        start = pos
        startLine = line
    }

    mutating func error(_ message: String) {
        pending.append(Token(kind: .error, pos: start, value: message, line: startLine))
        finished = true
    }

    func hasLeftTrimMarker(at p: Int) -> Bool {
        p + 1 < input.count && input[p] == UInt8(ascii: "-") && Lexer.isSpace(input[p + 1])
    }

    func hasRightTrimMarker(at p: Int) -> Bool {
        p + 1 < input.count && Lexer.isSpace(input[p]) && input[p + 1] == UInt8(ascii: "-")
    }

    /// (at a right delimiter, with a trim marker)
    func atRightDelim() -> (Bool, Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    func leftTrimLength(from p: Int) -> Int {
        var i = p
        while i < input.count && Lexer.isSpace(input[i]) { i += 1 }
        return i - p
    }

    func rightTrimLength(_ from: Int, _ to: Int) -> Int {
        var i = to
        while i > from && Lexer.isSpace(input[i - 1]) { i -= 1 }
        return to - i
    }

    func indexOf(_ needle: [UInt8], from p: Int) -> Int? {
        guard !needle.isEmpty, input.count >= needle.count else { return nil }
        var i = p
        let first = needle[0]
        while i + needle.count <= input.count {
            if input[i] == first && hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}
