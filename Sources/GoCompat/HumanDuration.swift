/// apimachinery's `duration.HumanDuration`: how kubectl and flux print ages and intervals
/// (`5s`, `3m20s`, `4h5m`, `2d`, `3y10d`). Up to one second in the future still reads `0s`
/// (clock skew); earlier than that is `<invalid>`.
public enum HumanDuration {
    public static func format(seconds total: Int64) -> String {
        if total < -1 { return "<invalid>" }
        if total < 0 { return "0s" }
        if total < 120 { return "\(total)s" }
        let minutes = total / 60
        if minutes < 10 {
            let s = total % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        }
        if minutes < 180 { return "\(minutes)m" }
        let hours = total / 3600
        if hours < 8 {
            let m = minutes % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// The same for a Go duration (whole seconds, truncated toward zero, as `int(d.Seconds())`).
    public static func format(_ duration: GoDuration) -> String {
        format(seconds: duration.nanoseconds / 1_000_000_000)
    }
}
