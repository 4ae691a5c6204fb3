import GoCompat

extension Printer {
    mutating func fmtString(_ s: String, _ verb: UInt8, _ arg: GoValue) {
        switch verb {
        case UInt8(ascii: "v"):
            if f.sharpV { fmtQ(s) } else { fmtS(s) }
        case UInt8(ascii: "s"): fmtS(s)
        case UInt8(ascii: "x"): fmtSx(Array(s.utf8), Printer.ldigits)
        case UInt8(ascii: "X"): fmtSx(Array(s.utf8), Printer.udigits)
        case UInt8(ascii: "q"): fmtQ(s)
        default: badVerb(verb, arg)
        }
    }

    func truncate(_ s: String) -> String {
        guard f.precPresent else { return s }
        var n = 0
        var idx = s.unicodeScalars.startIndex
        while idx < s.unicodeScalars.endIndex {
            if n == f.prec { return String(s.unicodeScalars[..<idx]) }
            n += 1
            idx = s.unicodeScalars.index(after: idx)
        }
        return s
    }

    mutating func fmtS(_ s: String) { pad(Array(truncate(s).utf8)) }

    mutating func fmtQ(_ s: String) {
        let t = truncate(s)
        if f.sharp && canBackquote(t) {
            pad("`" + t + "`")
        } else if f.plus {
            pad(GoQuote.quoteToASCII(t))
        } else {
            pad(GoQuote.quote(t))
        }
    }

    /// `strconv.CanBackquote`.
    func canBackquote(_ s: String) -> Bool {
        for sc in s.unicodeScalars {
            if sc == "`" || sc == "\u{FEFF}" { return false }
            if sc.value < 0x20 && sc != "\t" { return false }
            if sc.value == 0x7F { return false }
            if sc == "\u{FFFD}" { return false }
        }
        return true
    }

    mutating func fmtSx(_ b: [UInt8], _ digits: [UInt8]) {
        var length = b.count
        if f.precPresent && f.prec < length { length = f.prec }
        var width = 2 * length
        if width > 0 {
            if f.space {
                if f.sharp { width *= 2 }
                width += length - 1
            } else if f.sharp {
                width += 2
            }
        } else {
            if f.widPresent { writePadding(f.wid) }
            return
        }
        if f.widPresent && f.wid > width && !f.minus { writePadding(f.wid - width) }
        if f.sharp { buf.append(UInt8(ascii: "0")); buf.append(digits[16]) }
        for i in 0..<length {
            if f.space && i > 0 {
                buf.append(0x20)
                if f.sharp { buf.append(UInt8(ascii: "0")); buf.append(digits[16]) }
            }
            buf.append(digits[Int(b[i] >> 4)])
            buf.append(digits[Int(b[i] & 0xF)])
        }
        if f.widPresent && f.wid > width && f.minus {
            let z = f.zero
            f.zero = false
            writePadding(f.wid - width)
            f.zero = z
        }
    }

    mutating func fmtBytes(_ b: [UInt8], _ verb: UInt8, typeName: String, _ arg: GoValue) {
        switch verb {
        case UInt8(ascii: "v"), UInt8(ascii: "d"):
            if f.sharpV {
                buf.append(contentsOf: typeName.utf8)
                if b.isEmpty { buf.append(contentsOf: "{}".utf8); return }
                buf.append(UInt8(ascii: "{"))
                for (i, c) in b.enumerated() {
                    if i > 0 { buf.append(contentsOf: ", ".utf8) }
                    fmt0x64(UInt64(c), leading0x: true)
                }
                buf.append(UInt8(ascii: "}"))
            } else {
                buf.append(UInt8(ascii: "["))
                for (i, c) in b.enumerated() {
                    if i > 0 { buf.append(0x20) }
                    formatInteger(UInt64(c), base: 10, signed: false, verb, Printer.ldigits)
                }
                buf.append(UInt8(ascii: "]"))
            }
        case UInt8(ascii: "s"):
            var bytes = b
            if f.precPresent {
                // precision counts runes
                var n = 0, i = 0
                while i < bytes.count && n < f.prec { i += GoQuote.decode(bytes, at: i).1; n += 1 }
                bytes = Array(bytes[..<i])
            }
            pad(bytes)
        case UInt8(ascii: "x"): fmtSx(b, Printer.ldigits)
        case UInt8(ascii: "X"): fmtSx(b, Printer.udigits)
        case UInt8(ascii: "q"):
            let s = String(decoding: b, as: UTF8.self)
            if f.sharp && canBackquote(s) && String(validating: b, as: UTF8.self) != nil { pad("`" + s + "`") }
            else { pad(GoQuote.quote(bytes: truncateBytes(b), asciiOnly: f.plus)) }
        default:
            printList(GoList(type: .bytes, items: b.map { .uint(UInt64($0), .uint8) }), verb, depth: 0, arg)
        }
    }

    func truncateBytes(_ b: [UInt8]) -> [UInt8] {
        guard f.precPresent else { return b }
        var n = 0, i = 0
        while i < b.count && n < f.prec { i += GoQuote.decode(b, at: i).1; n += 1 }
        return Array(b[..<i])
    }
}
