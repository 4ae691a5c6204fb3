/// Go's `strconv` quoting: `Quote`, `QuoteToASCII`, `QuoteRune`, `Unquote`, `UnquoteChar`, and
/// the `%#U` rune description. Output matches Go byte for byte; invalid UTF-8 bytes are written
/// as `\xHH`, as Go does.
public enum GoQuote {
    /// `strconv.Quote(s)`.
    public static func quote(_ s: String) -> String { quote(bytes: Array(s.utf8), asciiOnly: false) }

    /// `strconv.QuoteToASCII(s)`.
    public static func quoteToASCII(_ s: String) -> String { quote(bytes: Array(s.utf8), asciiOnly: true) }

    /// `strconv.Quote` over raw bytes (which may hold invalid UTF-8).
    public static func quote(bytes: [UInt8], asciiOnly: Bool = false, quote q: Character = "\"") -> String {
        var out = String(q)
        var i = 0
        while i < bytes.count {
            let (scalar, width) = decode(bytes, at: i)
            guard let r = scalar else {
                out += "\\x" + hex(UInt32(bytes[i]), width: 2)
                i += 1
                continue
            }
            appendEscaped(r, to: &out, quote: q, asciiOnly: asciiOnly)
            i += width
        }
        out.append(q)
        return out
    }

    /// `strconv.QuoteRune(r)` (`'a'`, `'\n'`, `'☺'`); invalid code points become U+FFFD.
    public static func quoteRune(_ value: Int64, asciiOnly: Bool = false) -> String {
        var out = "'"
        let scalar = (value >= 0 && value <= 0x10FFFF) ? Unicode.Scalar(UInt32(value)) : nil
        appendEscaped(scalar ?? "\u{FFFD}", to: &out, quote: "'", asciiOnly: asciiOnly)
        out += "'"
        return out
    }

    /// Go's `%#U` form: `U+0041 'A'` (the quoted rune only when printable).
    public static func unicodeDescription(_ s: Unicode.Scalar) -> String {
        let code = "U+" + hex(s.value, width: 4).uppercased()
        return isPrint(s) ? code + " '" + String(Character(s)) + "'" : code
    }

    static func appendEscaped(_ r: Unicode.Scalar, to out: inout String, quote q: Character, asciiOnly: Bool) {
        if Character(r) == q || r == "\\" {
            out += "\\" + String(Character(r))
            return
        }
        if asciiOnly ? (r.value < 0x80 && isPrint(r)) : isPrint(r) {
            out.unicodeScalars.append(r)
            return
        }
        switch r {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if r.value < 0x20 || r.value == 0x7F { out += "\\x" + hex(r.value, width: 2) }
            else if r.value < 0x10000 { out += "\\u" + hex(r.value, width: 4) }
            else { out += "\\U" + hex(r.value, width: 8) }
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    public static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r.value < 0x80 { return r.value >= 0x20 && r.value < 0x7F }
        switch r.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Decodes one UTF-8 scalar at `i`; nil scalar (width 1) for an invalid byte.
    public static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let need: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 { need = 1; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { need = 2; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { need = 3; value = UInt32(b0 & 0x07) }
        else { return (nil, 1) }
        if i + need >= bytes.count { return (nil, 1) }
        for k in 1...need {
            let b = bytes[i + k]
            if b & 0xC0 != 0x80 { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
        if value < minimum { return (nil, 1) }
        guard let s = Unicode.Scalar(value) else { return (nil, 1) }
        return (s, need + 1)
    }

    /// The error `strconv` reports for malformed quoted text.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public var description: String { "invalid syntax" }
    }

    /// `strconv.Unquote`: a `"…"` string with Go escapes, a raw `` `…` `` string, or a `'…'`
    /// single character.
    public static func unquote(_ s: String) throws -> String {
        let b = Array(s.utf8)
        guard b.count >= 2, let q = b.first, b.last == q else { throw SyntaxError() }
        let body = Array(b[1..<(b.count - 1)])
        switch q {
        case UInt8(ascii: "`"):
            if body.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            var out: [UInt8] = []
            var i = 0
            var count = 0
            while i < body.count {
                if body[i] == q { throw SyntaxError() }
                if body[i] == 0x0A { throw SyntaxError() }
                let (value, next) = try unquoteChar(body, at: i, quote: q)
                switch value {
                case .byte(let byte): out.append(byte)
                case .scalar(let sc): out.append(contentsOf: Array(String(Character(sc)).utf8))
                }
                i = next
                count += 1
            }
            if q == UInt8(ascii: "'") && count != 1 { throw SyntaxError() }
            return String(decoding: out, as: UTF8.self)
        default:
            throw SyntaxError()
        }
    }

    /// One decoded element of a quoted literal.
    public enum QuotedElement: Sendable {
        case byte(UInt8)
        case scalar(Unicode.Scalar)
    }

    /// `strconv.UnquoteChar`: decodes the character or escape at `i`; returns it and the next index.
    public static func unquoteChar(_ b: [UInt8], at i: Int, quote q: UInt8) throws -> (QuotedElement, Int) {
        guard i < b.count else { throw SyntaxError() }
        let c = b[i]
        if c != UInt8(ascii: "\\") {
            let (sc, w) = decode(b, at: i)
            guard let sc else { return (.scalar("\u{FFFD}"), i + 1) }
            return (.scalar(sc), i + w)
        }
        guard i + 1 < b.count else { throw SyntaxError() }
        let e = b[i + 1]
        var j = i + 2
        func hexValue(_ n: Int) throws -> UInt32 {
            guard j + n <= b.count else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 0..<n {
                guard let d = hexDigit(b[j + k]) else { throw SyntaxError() }
                v = v << 4 | d
            }
            j += n
            return v
        }
        switch e {
        case UInt8(ascii: "a"): return (.scalar("\u{07}"), j)
        case UInt8(ascii: "b"): return (.scalar("\u{08}"), j)
        case UInt8(ascii: "f"): return (.scalar("\u{0C}"), j)
        case UInt8(ascii: "n"): return (.scalar("\n"), j)
        case UInt8(ascii: "r"): return (.scalar("\r"), j)
        case UInt8(ascii: "t"): return (.scalar("\t"), j)
        case UInt8(ascii: "v"): return (.scalar("\u{0B}"), j)
        case UInt8(ascii: "\\"): return (.scalar("\\"), j)
        case UInt8(ascii: "x"):
            let v = try hexValue(2)
            return q == UInt8(ascii: "'") ? (.scalar(Unicode.Scalar(UInt8(v))), j) : (.byte(UInt8(v)), j)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let v = try hexValue(e == UInt8(ascii: "u") ? 4 : 8)
            guard let sc = Unicode.Scalar(v) else { throw SyntaxError() }
            return (.scalar(sc), j)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard i + 4 <= b.count else { throw SyntaxError() }
            var v: UInt32 = 0
            for k in 1...3 {
                let d = b[i + k]
                guard d >= 0x30 && d <= 0x37 else { throw SyntaxError() }
                v = v << 3 | UInt32(d - 0x30)
            }
            guard v <= 255 else { throw SyntaxError() }
            return q == UInt8(ascii: "'") ? (.scalar(Unicode.Scalar(UInt8(v))), i + 4) : (.byte(UInt8(v)), i + 4)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard e == q else { throw SyntaxError() }
            return (.scalar(Unicode.Scalar(e)), j)
        default:
            throw SyntaxError()
        }
    }

    public static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }
}
