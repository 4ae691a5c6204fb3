import Foundation

/// Go's `strconv.FormatFloat` and the decimal digits behind it.
///
/// Every Go-visible rendering of a float (`fmt`'s `%v`, `encoding/json`, `strconv`) is built from
/// these helpers so that SwiftFlux prints numbers byte-for-byte as Go does.
public enum GoFloat {
    /// The shortest decimal digits that round-trip `value`: the value is `0.d₁d₂… × 10^decimalPoint`.
    /// Zero has no digits. Infinite and NaN values have no decimal form and yield `nil`.
    public struct Decimal: Sendable, Equatable {
        public var digits: [UInt8]   // ASCII '0'...'9', no leading or trailing zeros
        public var decimalPoint: Int
        public var negative: Bool
    }

    /// The shortest round-tripping decimal of `value` (as a 64-bit or, with `bitSize: 32`, 32-bit float).
    public static func shortestDecimal(_ value: Double, bitSize: Int = 64) -> Decimal? {
        guard value.isFinite else { return nil }
        // Swift's description is the shortest round-trip representation (like Go's Ryu path).
        let text = bitSize == 32 ? Float(value).description : value.description
        return parseDecimal(text)
    }

    static func parseDecimal(_ text: String) -> Decimal {
        var bytes = Array(text.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
            bytes.removeSubrange(e...)
        }
        var digits: [UInt8] = []
        var intCount = 0
        var seenPoint = false
        for b in bytes {
            if b == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(b)
            if !seenPoint { intCount += 1 }
        }
        var dp = intCount + exponent
        var lead = 0
        while lead < digits.count && digits[lead] == UInt8(ascii: "0") { lead += 1 }
        digits.removeFirst(lead)
        dp -= lead
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { dp = 0 }
        return Decimal(digits: digits, decimalPoint: dp, negative: negative)
    }

    /// Go's `strconv.FormatFloat(value, fmt, prec, bitSize)` for the formats `e`, `E`, `f`, `F`, `g`, `G`.
    /// `prec == -1` asks for the shortest representation that round-trips.
    public static func format(_ value: Double, _ fmt: Character, precision prec: Int = -1, bitSize: Int = 64) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let v = bitSize == 32 ? Double(Float(value)) : value
        if prec < 0 {
            guard let d = shortestDecimal(v, bitSize: bitSize) else { return "NaN" }
            return formatShortest(d, fmt)
        }
        // Fixed precision: the C library rounds the exact binary value, half to even, as Go does.
        switch fmt {
        case "e", "E":
            let s = String(format: "%.\(prec)e", v)
            return fmt == "E" ? s.uppercased() : s
        case "f", "F":
            return String(format: "%.\(prec)f", v)
        case "g", "G":
            let p = prec == 0 ? 1 : prec
            // Go has no '#' behaviour here: like C's %g, trailing zeros are removed.
            let s = String(format: "%.\(p)g", v)
            return fmt == "G" ? s.uppercased() : s
        default:
            return "%" + String(fmt)
        }
    }

    static func formatShortest(_ d: Decimal, _ fmt: Character) -> String {
        let nd = d.digits.count
        switch fmt {
        case "e", "E":
            return formatE(d, precision: max(nd - 1, 0), upper: fmt == "E")
        case "f", "F":
            return formatF(d, precision: max(nd - d.decimalPoint, 0))
        default: // g, G: shortest uses precision 6 to choose between %e and %f
            let exp = d.decimalPoint - 1
            if exp < -4 || exp >= 6 {
                return formatE(d, precision: max(nd - 1, 0), upper: fmt == "G")
            }
            return formatF(d, precision: max(nd - d.decimalPoint, 0))
        }
    }

    /// `-d.ddde±dd` from already-rounded digits.
    public static func formatE(_ d: Decimal, precision: Int, upper: Bool) -> String {
        var out: [UInt8] = []
        if d.negative { out.append(UInt8(ascii: "-")) }
        out.append(d.digits.first ?? UInt8(ascii: "0"))
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            for i in 1...precision {
                out.append(i < d.digits.count ? d.digits[i] : UInt8(ascii: "0"))
            }
        }
        out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        var exp = d.digits.isEmpty ? 0 : d.decimalPoint - 1
        if exp < 0 { out.append(UInt8(ascii: "-")); exp = -exp } else { out.append(UInt8(ascii: "+")) }
        if exp < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(exp).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// `-ddd.ddd` from already-rounded digits.
    public static func formatF(_ d: Decimal, precision: Int) -> String {
        var out: [UInt8] = []
        if d.negative { out.append(UInt8(ascii: "-")) }
        let nd = d.digits.count
        if d.decimalPoint > 0 {
            for i in 0..<d.decimalPoint { out.append(i < nd ? d.digits[i] : UInt8(ascii: "0")) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if precision > 0 {
            out.append(UInt8(ascii: "."))
            for i in 1...precision {
                let j = d.decimalPoint + i - 1
                out.append(j >= 0 && j < nd ? d.digits[j] : UInt8(ascii: "0"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How Go's `encoding/json` writes a float64: shortest `f` form, switching to `e` form (with a
    /// one-digit minimum exponent, `1e-7`) when |v| < 1e-6 or |v| ≥ 1e21. Returns nil for NaN/Inf,
    /// which `encoding/json` refuses to encode.
    public static func jsonString(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let a = abs(value)
        var fmt: Character = "f"
        if a != 0 && (a < 1e-6 || a >= 1e21) { fmt = "e" }
        var s = format(value, fmt)
        if fmt == "e" {
            // clean up e-09 to e-9
            let b = Array(s.utf8)
            let n = b.count
            if n >= 4 && b[n - 4] == UInt8(ascii: "e") && b[n - 3] == UInt8(ascii: "-") && b[n - 2] == UInt8(ascii: "0") {
                s = String(decoding: b[0..<(n - 2)] + b[(n - 1)...], as: UTF8.self)
            }
        }
        return s
    }
}
