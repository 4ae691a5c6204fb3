/// An instant in UTC with nanosecond precision, formatted and parsed as Go's `time` package does
/// for the layouts Kubernetes uses: RFC 3339 (`metav1.Time`, seconds), RFC 3339 micro
/// (`metav1.MicroTime`, always 6 fraction digits) and RFC 3339 nano (trailing zeros trimmed).
public struct GoTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanosecond: Int32

    public init(unixSeconds: Int64, nanosecond: Int32 = 0) {
        let extra = Int64(nanosecond).floorDivided(by: 1_000_000_000)
        self.unixSeconds = unixSeconds + extra
        self.nanosecond = Int32(Int64(nanosecond) - extra * 1_000_000_000)
    }

    public static func < (lhs: GoTime, rhs: GoTime) -> Bool {
        (lhs.unixSeconds, lhs.nanosecond) < (rhs.unixSeconds, rhs.nanosecond)
    }

    /// Builds a UTC time from calendar fields (no range checks; fields roll over like `time.Date`).
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour) * 3_600 + Int64(minute) * 60 + Int64(second)
        self.init(unixSeconds: secs, nanosecond: Int32(clamping: nanosecond))
    }

    /// Adds a Go duration.
    public func adding(_ d: GoDuration) -> GoTime {
        let total = Int64(nanosecond) + d.nanoseconds % 1_000_000_000
        return GoTime(unixSeconds: unixSeconds + d.nanoseconds / 1_000_000_000, nanosecond: Int32(total))
    }

    /// The Go duration `self - other` (saturating at the Int64 range, like `Time.Sub`).
    public func since(_ other: GoTime) -> GoDuration {
        let (secs, o1) = (unixSeconds - other.unixSeconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o2) = secs.addingReportingOverflow(Int64(nanosecond) - Int64(other.nanosecond))
        if o1 || o2 { return GoDuration(nanoseconds: self < other ? .min : .max) }
        return GoDuration(nanoseconds: total)
    }

    /// Calendar fields in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int(unixSeconds.floorDivided(by: 86_400))
        let secondsOfDay = Int(unixSeconds - Int64(days) * 86_400)
        let (y, m, d) = Self.civilFromDays(days)
        return (y, m, d, secondsOfDay / 3_600, secondsOfDay % 3_600 / 60, secondsOfDay % 60)
    }

    /// RFC 3339 with whole seconds: `2006-01-02T15:04:05Z` (`metav1.Time` wire form).
    public var rfc3339: String { format(fractionDigits: 0, trim: false) }
    /// RFC 3339 with microseconds: `2006-01-02T15:04:05.000000Z` (`metav1.MicroTime` wire form).
    public var rfc3339Micro: String { format(fractionDigits: 6, trim: false) }
    /// RFC 3339 with nanoseconds, trailing zeros (and the point) removed (`time.RFC3339Nano`).
    public var rfc3339Nano: String { format(fractionDigits: 9, trim: true) }

    public var description: String { rfc3339Nano }

    private func format(fractionDigits: Int, trim: Bool) -> String {
        let c = components
        var s = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":"
            + pad(c.minute, 2) + ":" + pad(c.second, 2)
        if fractionDigits > 0 {
            var digits = pad(Int(nanosecond), 9).prefix(fractionDigits)
            if trim { while digits.last == "0" { digits.removeLast() } }
            if !digits.isEmpty { s += "." + digits }
        }
        return s + "Z"
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        let digits = String(abs(v))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return v < 0 ? "-" + padded : padded
    }

    // Howard Hinnant's proleptic Gregorian day algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int64 {
    func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
