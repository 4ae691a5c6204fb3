import GoTemplate

/// `spf13/cast` v1.5.0 conversions as sprig uses them: failures yield 0.
enum Cast {
    /// `cast.ToInt64`: integers as-is, floats truncated, bools 1/0, nil 0, strings by
    /// `strconv.ParseInt(trimZeroDecimal(s), 0, 0)` (so `"0x1F"` is 31 and `"1.5"` is 0).
    static func toInt64(_ value: GoValue) -> Int64 {
        switch value.concrete {
        case .int(let i, _): return i
        case .uint(let u, _): return Int64(truncatingIfNeeded: u)
        case .float(let f, _): return truncate(f)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseInt(trimZeroDecimal(s), base: 0) ?? 0
        default: return 0
        }
    }

    /// `cast.ToFloat64`: numbers converted, bools 1/0, strings by `strconv.ParseFloat`.
    static func toFloat64(_ value: GoValue) -> Double {
        switch value.concrete {
        case .int(let i, _): return Double(i)
        case .uint(let u, _): return Double(u)
        case .float(let f, _): return f
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parseFloat(s) ?? 0
        default: return 0
        }
    }

    /// Go's float→int conversion for in-range values; out of range gives Go's amd64 result.
    static func truncate(_ f: Double) -> Int64 {
        guard f.isFinite, f > -9.223372036854775808e18, f < 9.223372036854775808e18 else { return Int64.min }
        return Int64(f.rounded(.towardZero))
    }

    static func trimZeroDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var foundZero = false
        var i = bytes.count
        while i > 0 {
            switch bytes[i - 1] {
            case UInt8(ascii: "."):
                if foundZero { return String(decoding: bytes[..<(i - 1)], as: UTF8.self) }
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return s
            }
            i -= 1
        }
        return s
    }

    /// Go's `strconv.ParseInt(s, base, 64)`; base 0 honours `0x`, `0o`, `0b`, leading-0 octal
    /// and underscores after a prefix.
    static func parseInt(_ text: String, base: Int) -> Int64? {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "+" || first == "-" {
            negative = first == "-"
            s = s.dropFirst()
        }
        var radix = base
        var allowUnderscore = false
        if base == 0 {
            radix = 10
            let lower = s.lowercased()
            if lower.hasPrefix("0x") { radix = 16; s = s.dropFirst(2); allowUnderscore = true }
            else if lower.hasPrefix("0o") { radix = 8; s = s.dropFirst(2); allowUnderscore = true }
            else if lower.hasPrefix("0b") { radix = 2; s = s.dropFirst(2); allowUnderscore = true }
            else if s.hasPrefix("0") && s.count > 1 { radix = 8; s = s.dropFirst(); allowUnderscore = true }
        }
        if allowUnderscore {
            if s.hasSuffix("_") || s.contains("__") { return nil }
            s = Substring(s.replacingUnderscores())
        }
        guard !s.isEmpty, let magnitude = UInt64(s, radix: radix) else { return nil }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude > UInt64(Int64.max) ? nil : Int64(magnitude)
    }

    /// Go's `strconv.ParseFloat(s, 64)` for decimal forms, `inf`/`nan` included.
    static func parseFloat(_ text: String) -> Double? {
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ b in
            (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "x") || b == UInt8(ascii: "X") || b == UInt8(ascii: "p") || b == UInt8(ascii: "P")
                || (b >= 97 && b <= 102) || (b >= 65 && b <= 70)
        }) else { return nil }
        // Go's ParseFloat reports a finite literal beyond ±MaxFloat64 as ±Inf with ErrRange,
        // which cast turns into 0.
        // A hexadecimal mantissa needs a `p` exponent in Go (`0x1p-2`), never in Swift.
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if body.lowercased().hasPrefix("0x"), !body.contains("p"), !body.contains("P") { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension Substring {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
