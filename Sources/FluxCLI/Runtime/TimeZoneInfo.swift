import Foundation
import GoCompat

/// Go's local-time formatting (`time.Local`) for the layouts flux prints: `Time.String()` in
/// `trace` and `time.RFC3339` in the image tables.
public struct TimeZoneInfo: Sendable {
    public var zone: TimeZone

    public init(_ zone: TimeZone) { self.zone = zone }

    private func offsetSeconds(_ t: GoTime) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.unixSeconds)))
    }

    private func abbreviation(_ t: GoTime) -> String {
        // Foundation names UTC "GMT"; Go's UTC location (and a UTC /etc/localtime) prints "UTC".
        if ["UTC", "Etc/UTC", "Universal", "Zulu", "Etc/Universal", "Etc/Zulu", "GMT", "Etc/GMT"].contains(zone.identifier) {
            return "UTC"
        }
        return zone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(t.unixSeconds))) ?? numericOffset(t, colon: false)
    }

    private func local(_ t: GoTime) -> (Int, Int, Int, Int, Int, Int) {
        let shifted = GoTime(unixSeconds: t.unixSeconds + Int64(offsetSeconds(t)), nanosecond: t.nanosecond)
        let c = shifted.components
        return (c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    private func numericOffset(_ t: GoTime, colon: Bool) -> String {
        let offset = offsetSeconds(t)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + pad(minutes / 60, 2) + (colon ? ":" : "") + pad(minutes % 60, 2)
    }

    private func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }

    private func dateTime(_ t: GoTime, separator: String) -> String {
        let (y, mo, d, h, mi, s) = local(t)
        return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2) + separator + pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(s, 2)
    }

    /// `Format(time.RFC3339)`: `2006-01-02T15:04:05Z07:00`.
    public func rfc3339(_ t: GoTime) -> String {
        let offset = offsetSeconds(t)
        return dateTime(t, separator: "T") + (offset == 0 ? "Z" : numericOffset(t, colon: true))
    }

    /// `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    public func goString(_ t: GoTime) -> String {
        var s = dateTime(t, separator: " ")
        if t.nanosecond != 0 {
            var digits = pad(Int(t.nanosecond), 9)
            while digits.last == "0" { digits.removeLast() }
            s += "." + digits
        }
        return s + " " + numericOffset(t, colon: false) + " " + abbreviation(t)
    }

    /// An RFC 3339 wire time rendered with `goString`, or the text unchanged when it does not parse.
    public func goString(rfc3339 text: String) -> String {
        guard let t = try? GoTime.parseRFC3339(text) else { return text }
        return goString(t)
    }
}
