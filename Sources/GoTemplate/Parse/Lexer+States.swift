import GoCompat

extension Lexer {
    static let leftComment = Array("/*".utf8)
    static let rightComment = Array("*/".utf8)

    mutating func lexText() {
        if let x = indexOf(leftDelim, from: pos) {
            if x > pos {
                pos = x
                var trim = 0
                if hasLeftTrimMarker(at: pos + leftDelim.count) { trim = rightTrimLength(start, pos) }
                pos -= trim
                if pos > start { emit(.text) }
                pos += trim
                ignore()
            }
            lexLeftDelim()
            return
        }
        pos = input.count
        if pos > start { emit(.text) }
        emit(.eof)
    }

    mutating func lexLeftDelim() {
        pos += leftDelim.count
        let trim = hasLeftTrimMarker(at: pos)
        let after = trim ? 2 : 0
        if hasPrefix(Lexer.leftComment, at: pos + after) {
            pos += after
            ignore()
            lexComment()
            return
        }
        emit(.leftDelim)
        insideAction = true
        pos += after
        ignore()
        parenDepth = 0
    }

    mutating func lexComment() {
        pos += 2
        guard let x = indexOf(Lexer.rightComment, from: pos) else { return error("unclosed comment") }
        pos = x + 2
        let (delim, trim) = atRightDelim()
        if !delim { return error("comment ends before closing delimiter") }
        if trim { pos += 2 }
        pos += rightDelim.count
        if trim { pos += leftTrimLength(from: pos) }
        ignore()
    }

    mutating func lexRightDelim(trim: Bool) {
        if trim { pos += 2; ignore() }
        pos += rightDelim.count
        emit(.rightDelim)
        if trim { pos += leftTrimLength(from: pos); ignore() }
        insideAction = false
    }

    mutating func lexInsideAction() {
        let (delim, trim) = atRightDelim()
        if delim {
            if parenDepth == 0 { return lexRightDelim(trim: trim) }
            return error("unclosed left paren")
        }
        guard let r = peekByte() else { return error("unclosed action") }
        switch r {
        case 0x20, 0x09, 0x0D, 0x0A:
            lexSpace()
        case UInt8(ascii: "="):
            pos += 1; emit(.assign)
        case UInt8(ascii: ":"):
            pos += 1
            if peekByte() != UInt8(ascii: "=") { return error("expected :=") }
            pos += 1; emit(.declare)
        case UInt8(ascii: "|"):
            pos += 1; emit(.pipe)
        case UInt8(ascii: "\""):
            pos += 1; lexQuote(UInt8(ascii: "\""), kind: .string, message: "unterminated quoted string")
        case UInt8(ascii: "`"):
            pos += 1
            guard let x = indexOf([UInt8(ascii: "`")], from: pos) else { return error("unterminated raw quoted string") }
            pos = x + 1
            emit(.rawString)
        case UInt8(ascii: "$"):
            pos += 1; lexFieldOrVariable(.variable)
        case UInt8(ascii: "'"):
            pos += 1; lexQuote(UInt8(ascii: "'"), kind: .charConstant, message: "unterminated character constant")
        case UInt8(ascii: "."):
            if let n = peekByte(1), n < UInt8(ascii: "0") || n > UInt8(ascii: "9") {
                pos += 1; lexFieldOrVariable(.field)
            } else if peekByte(1) == nil {
                pos += 1; lexFieldOrVariable(.field)
            } else {
                lexNumber()
            }
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber()
        case UInt8(ascii: "("):
            pos += 1; parenDepth += 1; emit(.leftParen)
        case UInt8(ascii: ")"):
            pos += 1; parenDepth -= 1
            if parenDepth < 0 { return error("unexpected right paren") }
            emit(.rightParen)
        default:
            if isAlphaNumericAt(pos) { return lexIdentifier() }
            if r < 0x80 && r >= 0x20 && r != 0x7F {
                pos += 1; emit(.char)
            } else {
                let scalar = decodeScalar(at: pos)
                error("unrecognized character in action: \(GoQuote.unicodeDescription(scalar))")
            }
        }
    }

    mutating func lexSpace() {
        var n = 0
        while Lexer.isSpace(peekByte()) { pos += 1; n += 1 }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos + 1) {
            pos -= 1
            if n == 1 { return }  // the space is the trim marker
        }
        emit(.space)
    }

    mutating func lexQuote(_ quote: UInt8, kind: TokenKind, message: String) {
        while true {
            guard let r = peekByte() else { return error(message) }
            pos += 1
            if r == UInt8(ascii: "\\") {
                guard let n = peekByte(), n != 0x0A else { return error(message) }
                pos += 1
            } else if r == 0x0A {
                return error(message)
            } else if r == quote {
                break
            }
        }
        emit(kind)
    }

    func decodeScalar(at p: Int) -> Unicode.Scalar {
        var it = input[p...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return "\u{FFFD}"
    }

    func scalarLength(at p: Int) -> Int {
        let b = input[p]
        if b < 0x80 { return 1 }
        if b >> 5 == 0x6 { return 2 }
        if b >> 4 == 0xE { return 3 }
        if b >> 3 == 0x1E { return 4 }
        return 1
    }

    func isAlphaNumericAt(_ p: Int) -> Bool {
        guard p < input.count else { return false }
        let b = input[p]
        if b == UInt8(ascii: "_") { return true }
        if b < 0x80 {
            return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        let s = decodeScalar(at: p)
        return s.properties.isAlphabetic || s.properties.numericType == .decimal
    }

    func atTerminator() -> Bool {
        guard let r = peekByte() else { return true }
        if Lexer.isSpace(r) { return true }
        switch r {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"),
             UInt8(ascii: ")"), UInt8(ascii: "("):
            return true
        default:
            return hasPrefix(rightDelim, at: pos)
        }
    }

    mutating func absorbAlphaNumerics() {
        let count = input.count
        while pos < count {
            let b = input[pos]
            if b < 0x80 {
                // ASCII fast path: letters, digits and `_`.
                let isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
                    || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")
                if !isWord { return }
                pos += 1
            } else {
                if !isAlphaNumericAt(pos) { return }
                pos += scalarLength(at: pos)
            }
        }
    }

    mutating func lexIdentifier() {
        absorbAlphaNumerics()
        if !atTerminator() { return badCharacter() }
        let word = text(start, pos)
        switch word {
        case "block": emit(.block)
        case "break": emit(breakOK ? .breakKeyword : .identifier)
        case "continue": emit(continueOK ? .continueKeyword : .identifier)
        case "define": emit(.define)
        case "else": emit(.elseKeyword)
        case "end": emit(.end)
        case "if": emit(.ifKeyword)
        case "range": emit(.range)
        case "nil": emit(.nilKeyword)
        case "template": emit(.template)
        case "with": emit(.with)
        case "true", "false": emit(.bool)
        default: emit(.identifier)
        }
    }

    mutating func badCharacter() {
        guard pos < input.count else { return error("bad character U+FFFD") }
        let s = decodeScalar(at: pos)
        pos += scalarLength(at: pos)
        error("bad character \(GoQuote.unicodeDescription(s))")
    }

    mutating func lexFieldOrVariable(_ kind: TokenKind) {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return
        }
        absorbAlphaNumerics()
        if !atTerminator() { return badCharacter() }
        emit(kind)
    }

    mutating func lexNumber() {
        if !scanNumber() { return error("bad number syntax: \(GoQuote.quote(text(start, pos)))") }
        if let s = peekByte(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
            if !scanNumber() || input[pos - 1] != UInt8(ascii: "i") {
                return error("bad number syntax: \(GoQuote.quote(text(start, pos)))")
            }
            return emit(.complex)
        }
        emit(.number)
    }

    mutating func accept(_ set: String) -> Bool {
        if let b = peekByte(), set.utf8.contains(b) { pos += 1; return true }
        return false
    }

    mutating func acceptRun(_ set: String) {
        while let b = peekByte(), set.utf8.contains(b) { pos += 1 }
    }

    mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8.count == 11 && accept("eE") { _ = accept("+-"); acceptRun("0123456789_") }
        if digits.utf8.count == 23 && accept("pP") { _ = accept("+-"); acceptRun("0123456789_") }
        _ = accept("i")
        if isAlphaNumericAt(pos) { pos += scalarLength(at: pos); return false }
        return true
    }
}
