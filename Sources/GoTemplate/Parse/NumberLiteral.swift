import GoCompat

/// Go's number-constant parsing for templates (`parse.newNumber` with `strconv` semantics).
enum NumberLiteral {
    struct Failure: Error { let message: String }

    static func parse(_ text: String, kind: TokenKind, pos: Int) throws -> NumberNode {
        var n = NumberNode(pos: pos, text: text)
        if kind == .charConstant {
            let b = Array(text.utf8)
            guard b.count >= 2 else { throw Failure(message: "malformed character constant: \(text)") }
            let (value, next): (GoQuote.QuotedElement, Int)
            do { (value, next) = try GoQuote.unquoteChar(b, at: 1, quote: UInt8(ascii: "'")) }
            catch { throw Failure(message: "invalid syntax") }
            guard next == b.count - 1, b[next] == UInt8(ascii: "'") else {
                throw Failure(message: "malformed character constant: \(text)")
            }
            let r: Int64
            switch value {
            case .byte(let x): r = Int64(x)
            case .scalar(let s): r = Int64(s.value)
            }
            n.isInt = true; n.int64 = r; n.isUint = true; n.uint64 = UInt64(r)
            n.isFloat = true; n.float64 = Double(r)
            return n
        }
        if kind == .complex {
            guard let (re, im) = parseComplex(text) else { throw Failure(message: "expected integer") }
            n.isComplex = true
            n.complex = (re, im)
            simplify(&n)
            return n
        }
        if text.hasSuffix("i"), let f = parseFloat(String(text.dropLast())) {
            n.isComplex = true
            n.complex = (0, f)
            simplify(&n)
            return n
        }
        let u = parseUint(text)
        if let u { n.isUint = true; n.uint64 = u }
        if let i = parseInt(text) {
            n.isInt = true; n.int64 = i
            if i == 0 { n.isUint = true; n.uint64 = u ?? 0 }
        }
        if n.isInt { n.isFloat = true; n.float64 = Double(n.int64) }
        else if n.isUint { n.isFloat = true; n.float64 = Double(n.uint64) }
        else if let f = parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw Failure(message: "integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true; n.float64 = f
            if !n.isInt, let i = exactInt64(f) { n.isInt = true; n.int64 = i }
            if !n.isUint, let u = exactUInt64(f) { n.isUint = true; n.uint64 = u }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw Failure(message: "illegal number syntax: \(GoQuote.quote(text))")
        }
        return n
    }

    static func exactInt64(_ f: Double) -> Int64? {
        guard f >= -9.223372036854775808e18 && f < 9.223372036854775808e18, f == f.rounded(.towardZero) else { return nil }
        return Int64(f)
    }

    static func exactUInt64(_ f: Double) -> UInt64? {
        guard f >= 0 && f < 1.8446744073709551616e19, f == f.rounded(.towardZero) else { return nil }
        return UInt64(f)
    }

    static func simplify(_ n: inout NumberNode) {
        n.isFloat = n.complex.1 == 0
        if n.isFloat {
            n.float64 = n.complex.0
            if let i = exactInt64(n.float64) { n.isInt = true; n.int64 = i }
            if let u = exactUInt64(n.float64) { n.isUint = true; n.uint64 = u }
        }
    }

    /// `fmt.Sscan` of a complex literal `re±imi`.
    static func parseComplex(_ text: String) -> (Double, Double)? {
        let b = Array(text.utf8)
        guard b.last == UInt8(ascii: "i") else { return nil }
        var split = -1
        var i = b.count - 2
        while i > 0 {
            let c = b[i]
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) {
                let prev = b[i - 1] | 0x20
                let isHex = text.lowercased().hasPrefix("0x") || text.lowercased().dropFirst().hasPrefix("0x")
                if !(prev == UInt8(ascii: "e") && !isHex) && prev != UInt8(ascii: "p") { split = i; break }
            }
            i -= 1
        }
        guard split > 0 else { return nil }
        guard let re = parseFloat(String(decoding: b[0..<split], as: UTF8.self)),
              let im = parseFloat(String(decoding: b[split..<(b.count - 1)], as: UTF8.self)) else { return nil }
        return (re, im)
    }

    static func lowerByte(_ c: UInt8) -> UInt8 { c | 0x20 }

    /// `strconv.underscoreOK`.
    static func underscoreOK(_ s: [UInt8]) -> Bool {
        var s = s[...]
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s = s.dropFirst() }
        var saw: UInt8 = UInt8(ascii: "^")
        var hex = false
        var i = s.startIndex
        if s.count >= 2 && s[i] == UInt8(ascii: "0") {
            let c = lowerByte(s[i + 1])
            if c == UInt8(ascii: "b") || c == UInt8(ascii: "o") || c == UInt8(ascii: "x") {
                i += 2; saw = UInt8(ascii: "0"); hex = c == UInt8(ascii: "x")
            }
        }
        while i < s.endIndex {
            let c = s[i]
            if (c >= 0x30 && c <= 0x39) || (hex && lowerByte(c) >= 0x61 && lowerByte(c) <= 0x66) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = c
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }

    /// `strconv.ParseUint(text, 0, 64)`.
    static func parseUint(_ text: String) -> UInt64? {
        var b = Array(text.utf8)
        guard !b.isEmpty else { return nil }
        if b.contains(UInt8(ascii: "_")) {
            guard underscoreOK(b) else { return nil }
            b.removeAll { $0 == UInt8(ascii: "_") }
        }
        var base: UInt64 = 10
        var start = 0
        if b[0] == UInt8(ascii: "0") && b.count > 1 {
            switch lowerByte(b[1]) {
            case UInt8(ascii: "x"): base = 16; start = 2
            case UInt8(ascii: "o"): base = 8; start = 2
            case UInt8(ascii: "b"): base = 2; start = 2
            default: base = 8; start = 1
            }
        }
        guard start < b.count else { return nil }
        var v: UInt64 = 0
        for c in b[start...] {
            guard let d = GoQuote.hexDigit(c), UInt64(d) < base else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: base)
            let (s, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }

    /// `strconv.ParseInt(text, 0, 64)`.
    static func parseInt(_ text: String) -> Int64? {
        var t = Substring(text)
        var neg = false
        if t.first == "+" || t.first == "-" { neg = t.first == "-"; t = t.dropFirst() }
        guard let u = parseUint(String(t)) else { return nil }
        if neg {
            if u <= UInt64(Int64.max) { return -Int64(u) }
            if u == UInt64(Int64.max) + 1 { return Int64.min }
            return nil
        }
        return u <= UInt64(Int64.max) ? Int64(u) : nil
    }

    /// `strconv.ParseFloat(text, 64)`, rejecting out-of-range values and Go-invalid syntax.
    static func parseFloat(_ text: String) -> Double? {
        var b = Array(text.utf8)
        guard !b.isEmpty else { return nil }
        if b.contains(UInt8(ascii: "_")) {
            guard underscoreOK(b) else { return nil }
            b.removeAll { $0 == UInt8(ascii: "_") }
        }
        var body = b[...]
        var sign = ""
        if let f = body.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            sign = f == UInt8(ascii: "-") ? "-" : ""
            body = body.dropFirst()
        }
        let lower = body.map(lowerByte)
        let isHex = lower.count > 2 && lower[0] == UInt8(ascii: "0") && lower[1] == UInt8(ascii: "x")
        var sawDigit = false, sawDot = false, sawExp = false
        var i = isHex ? 2 : 0
        while i < lower.count {
            let c = lower[i]
            if c >= 0x30 && c <= 0x39 || (isHex && !sawExp && c >= 0x61 && c <= 0x66) {
                if !sawExp { sawDigit = true }
            } else if c == UInt8(ascii: ".") && !sawDot && !sawExp {
                sawDot = true
            } else if !sawExp && ((isHex && c == UInt8(ascii: "p")) || (!isHex && c == UInt8(ascii: "e"))) {
                sawExp = true
                if i + 1 < lower.count && (lower[i + 1] == UInt8(ascii: "+") || lower[i + 1] == UInt8(ascii: "-")) { i += 1 }
                if i + 1 >= lower.count { return nil }
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit, !isHex || sawExp else { return nil }
        guard let v = Double(sign + String(decoding: body, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }
}

