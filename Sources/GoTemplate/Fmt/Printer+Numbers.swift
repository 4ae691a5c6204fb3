import GoCompat

extension Printer {
    static let ldigits = Array("0123456789abcdefx".utf8)
    static let udigits = Array("0123456789ABCDEFX".utf8)

    mutating func fmtInteger(_ v: UInt64, signed: Bool, _ verb: UInt8, _ arg: GoValue) {
        switch verb {
        case UInt8(ascii: "v"):
            if f.sharpV && !signed { fmt0x64(v, leading0x: true) } else { formatInteger(v, base: 10, signed: signed, verb, Printer.ldigits) }
        case UInt8(ascii: "d"): formatInteger(v, base: 10, signed: signed, verb, Printer.ldigits)
        case UInt8(ascii: "b"): formatInteger(v, base: 2, signed: signed, verb, Printer.ldigits)
        case UInt8(ascii: "o"), UInt8(ascii: "O"): formatInteger(v, base: 8, signed: signed, verb, Printer.ldigits)
        case UInt8(ascii: "x"): formatInteger(v, base: 16, signed: signed, verb, Printer.ldigits)
        case UInt8(ascii: "X"): formatInteger(v, base: 16, signed: signed, verb, Printer.udigits)
        case UInt8(ascii: "c"):
            let r = signed ? Int64(bitPattern: v) : (v > UInt64(Int64.max) ? -1 : Int64(v))
            let sc = (r >= 0 && r <= 0x10FFFF) ? Unicode.Scalar(UInt32(r)) : nil
            pad(String(Character(sc ?? "\u{FFFD}")))
        case UInt8(ascii: "q"):
            let r = signed ? Int64(bitPattern: v) : (v > 0x10FFFF ? 0xFFFD : Int64(v))
            pad(GoQuote.quoteRune(r, asciiOnly: f.plus))
        case UInt8(ascii: "U"):
            fmtUnicode(v)
        default:
            badVerb(verb, arg)
        }
    }

    mutating func fmt0x64(_ v: UInt64, leading0x: Bool) {
        let sharp = f.sharp
        f.sharp = leading0x
        formatInteger(v, base: 16, signed: false, UInt8(ascii: "v"), Printer.ldigits)
        f.sharp = sharp
    }

    mutating func fmtUnicode(_ u: UInt64) {
        var hex = Array(String(u, radix: 16, uppercase: true).utf8)
        let prec = f.precPresent && f.prec > 4 ? f.prec : 4
        if hex.count < prec { hex = Array(repeating: UInt8(ascii: "0"), count: prec - hex.count) + hex }
        var out = Array("U+".utf8) + hex
        if f.sharp, u <= 0x10FFFF, let sc = Unicode.Scalar(UInt32(u)), GoQuote.isPrint(sc) {
            out += Array(" '".utf8) + Array(String(Character(sc)).utf8) + [UInt8(ascii: "'")]
        }
        let z = f.zero
        f.zero = false
        pad(out)
        f.zero = z
    }

    /// Go's `fmt.fmtInteger`.
    mutating func formatInteger(_ value: UInt64, base: UInt64, signed: Bool, _ verb: UInt8, _ digits: [UInt8]) {
        let negative = signed && Int64(bitPattern: value) < 0
        var u = negative ? 0 &- value : value
        var prec = 0
        if f.precPresent {
            prec = f.prec
            if prec == 0 && u == 0 {
                let z = f.zero
                f.zero = false
                writePadding(f.wid)
                f.zero = z
                return
            }
        } else if f.zero && f.widPresent {
            prec = f.wid
            if negative || f.plus || f.space { prec -= 1 }
        }
        var out: [UInt8] = []
        out.reserveCapacity(24)
        repeat {
            out.append(digits[Int(u % base)])
            u /= base
        } while u > 0
        while out.count < prec { out.append(UInt8(ascii: "0")) }
        if f.sharp {
            switch base {
            case 2: out.append(UInt8(ascii: "b")); out.append(UInt8(ascii: "0"))
            case 8: if out.last != UInt8(ascii: "0") { out.append(UInt8(ascii: "0")) }
            case 16: out.append(digits[16]); out.append(UInt8(ascii: "0"))
            default: break
            }
        }
        if verb == UInt8(ascii: "O") { out.append(UInt8(ascii: "o")); out.append(UInt8(ascii: "0")) }
        if negative { out.append(UInt8(ascii: "-")) }
        else if f.plus { out.append(UInt8(ascii: "+")) }
        else if f.space { out.append(0x20) }
        out.reverse()
        let z = f.zero
        f.zero = false
        pad(out)
        f.zero = z
    }

    mutating func fmtFloatVerb(_ v: Double, size: Int, _ verb: UInt8, _ arg: GoValue) {
        switch verb {
        case UInt8(ascii: "v"): formatFloat(v, size: size, fmt: "g", prec: -1)
        case UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "X"):
            formatFloat(v, size: size, fmt: Character(Unicode.Scalar(verb)), prec: -1)
        case UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "F"):
            formatFloat(v, size: size, fmt: Character(Unicode.Scalar(verb)), prec: 6)
        default:
            badVerb(verb, arg)
        }
    }

    /// Go's `fmt.fmtFloat`.
    mutating func formatFloat(_ v: Double, size: Int, fmt: Character, prec defaultPrec: Int) {
        let prec = f.precPresent ? f.prec : defaultPrec
        var conv = fmt
        if conv == "b" || conv == "x" || conv == "X" { conv = "g" }  // rarely used forms: shortest %g
        var text = GoFloat.format(v, conv == "F" ? "f" : conv, precision: prec, bitSize: size)
        if f.sharp && conv != "b" { text = sharpFloat(text, conv, prec) }
        var num = Array(text.utf8)
        if num.first == UInt8(ascii: "-") || num.first == UInt8(ascii: "+") {
        } else {
            num.insert(UInt8(ascii: "+"), at: 0)
        }
        if f.space && num[0] == UInt8(ascii: "+") && !f.plus { num[0] = 0x20 }
        if num.count > 1 && (num[1] == UInt8(ascii: "I") || num[1] == UInt8(ascii: "N")) {
            let z = f.zero
            f.zero = false
            if num[1] == UInt8(ascii: "N") && !f.space && !f.plus { num.removeFirst() }
            pad(num)
            f.zero = z
            return
        }
        if f.plus || num[0] != UInt8(ascii: "+") {
            if f.zero && f.widPresent && f.wid > num.count {
                buf.append(num[0])
                writePadding(f.wid - num.count)
                buf.append(contentsOf: num[1...])
                return
            }
            pad(num)
            return
        }
        pad(Array(num[1...]))
    }

    /// `%#g` and friends: keep a decimal point (and for %g, trailing zeros up to the precision).
    func sharpFloat(_ text: String, _ conv: Character, _ prec: Int) -> String {
        var mant = text
        var exp = ""
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mant = String(text[..<e])
            exp = String(text[e...])
        }
        if !mant.contains(".") { mant += "." }
        if conv == "g" || conv == "G" {
            let digits = prec < 0 ? 6 : max(prec, 1)
            let count = mant.filter(\.isNumber).drop(while: { $0 == "0" }).count
            if count < digits { mant += String(repeating: "0", count: digits - max(count, 1) + (count == 0 ? 0 : 0)) }
        }
        return mant + exp
    }

    mutating func fmtComplex(_ r: Double, _ i: Double, size: Int, _ verb: UInt8, _ arg: GoValue) {
        switch verb {
        case UInt8(ascii: "v"), UInt8(ascii: "b"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"),
             UInt8(ascii: "X"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "e"), UInt8(ascii: "E"):
            let oldPlus = f.plus
            buf.append(UInt8(ascii: "("))
            fmtFloatVerb(r, size: size, verb, arg)
            f.plus = true
            fmtFloatVerb(i, size: size, verb, arg)
            buf.append(contentsOf: "i)".utf8)
            f.plus = oldPlus
        default:
            badVerb(verb, arg)
        }
    }
}
