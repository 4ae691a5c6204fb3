import Foundation
import GoTemplate
import StructuredData

/// Go's `time.Time` as a template value: an instant (unix seconds + nanoseconds) shown in a
/// zone (offset and abbreviation). "Local" is the process time zone (`TZ`).
struct GoTime: GoObject, JSONMarshaling, Sendable {
    static let type = GoType.structure("time.Time")
    var seconds: Int64
    var nanos: Int64
    var offset: Int
    var zone: String
    /// Seconds since process start for `now()` values (Go's monotonic reading, `m=+…`).
    var monotonic: Double? = nil

    var goType: GoType { Self.type }

    static func now() -> GoTime {
        let t = Date().timeIntervalSince1970
        let secs = Int64(t.rounded(.down))
        var v = GoTime(seconds: secs, nanos: Int64((t - Double(secs)) * 1e9), offset: 0, zone: "UTC")
        v = v.inZone("Local") ?? v
        v.monotonic = ProcessInfo.processInfo.systemUptime
        return v
    }

    static func unix(_ s: Int64) -> GoTime {
        let t = GoTime(seconds: s, nanos: 0, offset: 0, zone: "UTC")
        return t.inZone("Local") ?? t
    }

    /// The same instant in the named IANA zone (`UTC`, `Local`, `Europe/Paris`); nil if unknown.
    func inZone(_ name: String) -> GoTime? {
        let tz: TimeZone?
        switch name {
        case "", "UTC": return GoTime(seconds: seconds, nanos: nanos, offset: 0, zone: "UTC")
        case "Local": tz = TimeZone.current
        default: tz = TimeZone(identifier: name)
        }
        guard let tz else { return nil }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let off = tz.secondsFromGMT(for: date)
        var abbreviation = tz.abbreviation(for: date) ?? "UTC"
        if tz.identifier == "UTC" || tz.identifier == "GMT" && off == 0 { abbreviation = "UTC" }
        if abbreviation.hasPrefix("GMT") && off != 0 { abbreviation = GoTime.numericZone(off) }
        return GoTime(seconds: seconds, nanos: nanos, offset: off, zone: abbreviation)
    }

    static func numericZone(_ off: Int) -> String {
        let sign = off < 0 ? "-" : "+"
        let a = abs(off)
        let h = a / 3600, m = (a % 3600) / 60
        return sign + (h < 10 ? "0" : "") + String(h) + (m == 0 ? "" : (m < 10 ? "0" : "") + String(m))
    }

    func adding(nanoseconds d: Int64) -> GoTime {
        var total = nanos + d % 1_000_000_000
        var secs = seconds + d / 1_000_000_000
        if total < 0 { total += 1_000_000_000; secs -= 1 }
        if total >= 1_000_000_000 { total -= 1_000_000_000; secs += 1 }
        return GoTime(seconds: secs, nanos: total, offset: offset, zone: zone)
    }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, plus `m=±…` for `now`.
    var description: String {
        var s = GoLayout.format(self, "2006-01-02 15:04:05.999999999 -0700 MST")
        if let m = monotonic { s += " m=+" + String(format: "%.9f", m) }
        return s
    }

    var jsonValue: JSONValue { .string(GoLayout.format(self, "2006-01-02T15:04:05.999999999Z07:00")) }

    func method(_ name: String) -> GoFunction? {
        let t = self
        switch name {
        case "String": return fn(name, [], result: .string) { _ in .string(t.description) }
        case "Format": return fn(name, [.string], result: .string) { a in .string(GoLayout.format(t, a[0].str)) }
        case "Unix": return fn(name, [], result: .int64) { _ in .int64(t.seconds) }
        case "UnixNano": return fn(name, [], result: .int64) { _ in .int64(t.seconds &* 1_000_000_000 &+ t.nanos) }
        case "UTC": return fn(name, [], result: Self.type) { _ in .object(t.inZone("UTC") ?? t) }
        case "Local": return fn(name, [], result: Self.type) { _ in .object(t.inZone("Local") ?? t) }
        case "Year": return fn(name, [], result: .int) { _ in .goInt(t.civil.year) }
        case "Day": return fn(name, [], result: .int) { _ in .goInt(t.civil.day) }
        case "Hour": return fn(name, [], result: .int) { _ in .goInt(t.civil.hour) }
        case "Minute": return fn(name, [], result: .int) { _ in .goInt(t.civil.minute) }
        case "Second": return fn(name, [], result: .int) { _ in .goInt(t.civil.second) }
        case "Nanosecond": return fn(name, [], result: .int) { _ in .goInt(Int(t.nanos)) }
        case "YearDay": return fn(name, [], result: .int) { _ in .goInt(t.civil.yearDay) }
        case "IsZero": return fn(name, [], result: .bool) { _ in .bool(t.seconds == -62_135_596_800 && t.nanos == 0) }
        default: return nil
        }
    }

    /// Calendar fields in this time's zone (proleptic Gregorian).
    var civil: Civil { Civil(seconds: seconds &+ Int64(offset)) }
}

/// Broken-down wall-clock fields.
struct Civil {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, weekday = 0, yearDay = 0

    init(seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86400 : (seconds &- 86399) / 86400
        let rem = Int(seconds &- days &* 86400)
        hour = rem / 3600; minute = (rem % 3600) / 60; second = rem % 60
        weekday = Int(((days % 7) + 11) % 7)
        // Howard Hinnant's civil-from-days.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        yearDay = Int(Civil.daysFromCivil(year, month, day) - Civil.daysFromCivil(year, 1, 1)) + 1
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mm = Int64(m)
        let doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
