/// Go's `time.Duration`: a signed count of nanoseconds, parsed and printed exactly like Go
/// (`1h30m0s`, `500ms`, `1.5s`, `0s`).
public struct GoDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let nanosecond = GoDuration(nanoseconds: 1)
    public static let microsecond = GoDuration(nanoseconds: 1_000)
    public static let millisecond = GoDuration(nanoseconds: 1_000_000)
    public static let second = GoDuration(nanoseconds: 1_000_000_000)
    public static let minute = GoDuration(nanoseconds: 60_000_000_000)
    public static let hour = GoDuration(nanoseconds: 3_600_000_000_000)
    public static let zero = GoDuration(nanoseconds: 0)

    public static func seconds(_ s: Int64) -> GoDuration { GoDuration(nanoseconds: s &* 1_000_000_000) }
    public static func milliseconds(_ ms: Int64) -> GoDuration { GoDuration(nanoseconds: ms &* 1_000_000) }

    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The value in (fractional) seconds.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The equivalent Swift `Duration`.
    public var swiftDuration: Duration { .nanoseconds(nanoseconds) }

    /// Go's `Duration.String()`: `72h3m0.5s`, `1.5µs`, `0s`; negative values start with `-`.
    public var description: String {
        let negative = nanoseconds < 0
        var u = negative ? UInt64(bitPattern: 0 &- nanoseconds) : UInt64(nanoseconds)
        var out: String
        if u < 1_000_000_000 {
            if u == 0 { return "0s" }
            let (unit, precision): (String, Int)
            if u < 1_000 {
                (unit, precision) = ("ns", 0)
            } else if u < 1_000_000 {
                (unit, precision) = ("µs", 3)
            } else {
                (unit, precision) = ("ms", 6)
            }
            let (fraction, whole) = Self.fraction(u, precision: precision)
            out = String(whole) + fraction + unit
        } else {
            let (fraction, wholeSeconds) = Self.fraction(u, precision: 9)
            u = wholeSeconds
            out = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                out = String(u % 60) + "m" + out
                u /= 60
                if u > 0 { out = String(u) + "h" + out }
            }
        }
        return negative ? "-" + out : out
    }

    /// Go `fmtFrac`: the fraction of `v / 10^precision` as `.ddd` without trailing zeros (empty
    /// when zero), and the integer part.
    private static func fraction(_ v: UInt64, precision: Int) -> (String, UInt64) {
        var v = v
        var digits: [Character] = []
        var printed = false
        for _ in 0..<precision {
            let digit = v % 10
            printed = printed || digit != 0
            if printed { digits.append(Character(String(digit))) }
            v /= 10
        }
        if digits.isEmpty { return ("", v) }
        return ("." + String(digits.reversed()), v)
    }
}
