extension GoDuration {
    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]
    private static let limit: UInt64 = 1 << 63

    /// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units `ns us µs μs ms s m h`.
    /// - Throws: `GoTimeError` with Go's text: `time: invalid duration "x"`,
    ///   `time: missing unit in duration "1"`, `time: unknown unit "d" in duration "1d"`.
    public static func parse(_ text: String) throws(GoTimeError) -> GoDuration {
        let invalid = GoTimeError("time: invalid duration " + GoTimeError.quote(text))
        var s = Array(text.utf8)[...]
        var negative = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return .zero }
        if s.isEmpty { throw invalid }
        var total: UInt64 = 0
        while let first = s.first {
            guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid }
            // [0-9]*
            let before = s.count
            guard let whole = leadingInt(&s) else { throw invalid }
            let pre = before != s.count
            // (\.[0-9]*)?
            var fraction: UInt64 = 0
            var scale = 1.0
            var post = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                let count = s.count
                (fraction, scale) = leadingFraction(&s)
                post = count != s.count
            }
            if !pre && !post { throw invalid }
            // unit
            let unitBytes = s.prefix { $0 != UInt8(ascii: ".") && !isDigit($0) }
            if unitBytes.isEmpty { throw GoTimeError("time: missing unit in duration " + GoTimeError.quote(text)) }
            s = s.dropFirst(unitBytes.count)
            let unitName = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = units[unitName] else {
                throw GoTimeError("time: unknown unit " + GoTimeError.quote(unitName) + " in duration "
                    + GoTimeError.quote(text))
            }
            if whole > limit / unit { throw invalid }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                if value > limit { throw invalid }
            }
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow || sum > limit { throw invalid }
            total = sum
        }
        if negative { return GoDuration(nanoseconds: Int64(bitPattern: 0 &- total)) }
        if total > limit - 1 { throw invalid }
        return GoDuration(nanoseconds: Int64(total))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Consumes `[0-9]*`; `nil` on overflow past 2^63.
    private static func leadingInt(_ s: inout ArraySlice<UInt8>) -> UInt64? {
        var x: UInt64 = 0
        while let c = s.first, isDigit(c) {
            if x > limit / 10 { return nil }
            x = x * 10 + UInt64(c - 0x30)
            if x > limit { return nil }
            s = s.dropFirst()
        }
        return x
    }

    /// Consumes `[0-9]*` after the point, keeping precision until it would overflow.
    private static func leadingFraction(_ s: inout ArraySlice<UInt8>) -> (UInt64, Double) {
        var x: UInt64 = 0
        var scale = 1.0
        var overflow = false
        while let c = s.first, isDigit(c) {
            s = s.dropFirst()
            if overflow { continue }
            if x > (limit - 1) / 10 {
                overflow = true
                continue
            }
            let y = x * 10 + UInt64(c - 0x30)
            if y > limit {
                overflow = true
                continue
            }
            x = y
            scale *= 10
        }
        return (x, scale)
    }
}
