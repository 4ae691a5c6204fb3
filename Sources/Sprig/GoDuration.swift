/// Go's `time.Duration` text form and parser.
enum GoDuration {
    /// `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`.
    static func string(_ d: Int64) -> String {
        if d == 0 { return "0s" }
        let negative = d < 0
        let u = d.magnitude
        var out: String
        if u < 1_000_000_000 {
            let (unit, scale): (String, UInt64) = u < 1000 ? ("ns", 1) : u < 1_000_000 ? ("µs", 1000) : ("ms", 1_000_000)
            out = fractional(u, scale) + unit
        } else {
            let totalSeconds = u / 1_000_000_000
            let h = totalSeconds / 3600, m = (totalSeconds % 3600) / 60
            let s = fractional(u % 60_000_000_000, 1_000_000_000) + "s"
            out = h > 0 ? "\(h)h\(m)m" + s : m > 0 ? "\(m)m" + s : s
        }
        return negative ? "-" + out : out
    }

    private static func fractional(_ v: UInt64, _ scale: UInt64) -> String {
        let whole = v / scale
        var frac = v % scale
        guard frac != 0 else { return String(whole) }
        var digits = String(scale).count - 1
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let text = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    /// `time.ParseDuration`; nil on invalid text.
    static func parse(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if let c = s.first, c == "+" || c == "-" { negative = c == "-"; s.removeFirst() }
        if s == "0" { return 0 }
        guard !s.isEmpty else { return nil }
        var total: Double = 0
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 6e10), ("h", 3.6e12)]
        while !s.isEmpty {
            var number = ""
            while let c = s.first, c.isASCII, c.isNumber || c == "." { number.append(c); s.removeFirst() }
            guard !number.isEmpty, number != ".", let value = Double(number.hasPrefix(".") ? "0" + number : number) else { return nil }
            guard let unit = units.first(where: { s.hasPrefix($0.0) && !(($0.0 == "m") && s.hasPrefix("ms")) }) else { return nil }
            s = s.dropFirst(unit.0.count)
            total += value * unit.1
        }
        guard total < 9.2e18 else { return nil }
        return negative ? -Int64(total.rounded()) : Int64(total.rounded())
    }
}
