extension GoTime {
    /// The `time.RFC3339` layout string, as it appears in Go's parse errors.
    public static let rfc3339Layout = "2006-01-02T15:04:05Z07:00"

    /// Parses RFC 3339 as `time.Parse(time.RFC3339, s)` accepts it (Go ≥ 1.20 strict form): a
    /// 4-digit year, 2-digit fields, an optional fraction of any length, then `Z` or `±hh:mm`.
    /// The result is normalized to UTC.
    /// - Throws: `GoTimeError` with Go's `parsing time "…" as "2006-01-02T15:04:05Z07:00": cannot
    ///   parse "…" as "…"` or `parsing time "…": month out of range` style message.
    public static func parseRFC3339(_ text: String) throws(GoTimeError) -> GoTime {
        let b = Array(text.utf8)
        func fail(_ rest: Int, _ element: String) -> GoTimeError {
            let remaining = String(decoding: b[min(rest, b.count)...], as: UTF8.self)
            return GoTimeError("parsing time " + GoTimeError.quote(text) + " as " + GoTimeError.quote(rfc3339Layout)
                + ": cannot parse " + GoTimeError.quote(remaining) + " as " + GoTimeError.quote(element))
        }
        func range(_ what: String) -> GoTimeError {
            GoTimeError("parsing time " + GoTimeError.quote(text) + ": " + what + " out of range")
        }
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var v = 0
            for i in at..<(at + count) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        func literal(_ at: Int, _ c: Character) -> Bool { at < b.count && b[at] == c.asciiValue }

        guard let year = digits(0, 4) else { throw fail(0, "2006") }
        guard literal(4, "-") else { throw fail(4, "-") }
        guard let month = digits(5, 2) else { throw fail(5, "01") }
        guard literal(7, "-") else { throw fail(7, "-") }
        guard let day = digits(8, 2) else { throw fail(8, "02") }
        guard literal(10, "T") else { throw fail(10, "T") }
        guard let hour = digits(11, 2) else { throw fail(11, "15") }
        guard literal(13, ":") else { throw fail(13, ":") }
        guard let minute = digits(14, 2) else { throw fail(14, "04") }
        guard literal(16, ":") else { throw fail(16, ":") }
        guard let second = digits(17, 2) else { throw fail(17, "05") }
        if !(1...12).contains(month) { throw range("month") }
        if hour > 23 { throw range("hour") }
        if minute > 59 { throw range("minute") }
        if second > 59 { throw range("second") }
        if day < 1 || day > daysIn(month: month, year: year) { throw range("day") }

        var i = 19
        var nanos = 0
        if literal(i, "."), i + 1 < b.count, b[i + 1] >= 0x30 && b[i + 1] <= 0x39 {
            i += 1
            var scale = 100_000_000
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                nanos += Int(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        var offset = 0
        if literal(i, "Z") {
            i += 1
        } else if (literal(i, "+") || literal(i, "-")), let oh = digits(i + 1, 2), literal(i + 3, ":"),
            let om = digits(i + 4, 2)
        {
            if oh > 23 || om > 59 { throw range("time zone offset") }
            offset = (oh * 60 + om) * 60 * (literal(i, "-") ? -1 : 1)
            i += 6
        } else {
            throw fail(i, "Z07:00")
        }
        if i != b.count {
            throw GoTimeError("parsing time " + GoTimeError.quote(text) + ": extra text: "
                + GoTimeError.quote(String(decoding: b[i...], as: UTF8.self)))
        }
        let t = GoTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanos)
        return GoTime(unixSeconds: t.unixSeconds - Int64(offset), nanosecond: t.nanosecond)
    }
}
