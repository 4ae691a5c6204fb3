import GoCompat

/// Helm's `time.Time` wrapper as it appears in release JSON: RFC 3339 with nanoseconds (trailing
/// zeros trimmed) and the writer's UTC offset; the zero time marshals as `""`, and both `""` and
/// `null` decode to zero. The offset is kept so a record re-encodes byte for byte.
public struct HelmTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The instant, or `nil` for Go's zero time.
    public var instant: GoTime?
    /// The UTC offset of the writer's location, in seconds (0 prints as `Z`).
    public var utcOffsetSeconds: Int

    public init(_ instant: GoTime?, utcOffsetSeconds: Int = 0) {
        self.instant = instant
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Go's zero time.
    public static let zero = HelmTime(nil)

    /// The current time in UTC.
    public static func now() -> HelmTime { HelmTime(GoTime.now()) }

    public var isZero: Bool { instant == nil }

    public static func < (lhs: HelmTime, rhs: HelmTime) -> Bool {
        switch (lhs.instant, rhs.instant) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (a?, b?): return a < b
        }
    }

    /// The JSON string form, without quotes: `""` content for zero, else RFC 3339 nano.
    public var description: String {
        guard let instant else { return "" }
        if utcOffsetSeconds == 0 { return instant.rfc3339Nano }
        let local = GoTime(unixSeconds: instant.unixSeconds + Int64(utcOffsetSeconds), nanosecond: instant.nanosecond)
        var text = local.rfc3339Nano
        text.removeLast()  // "Z"
        let magnitude = abs(utcOffsetSeconds) / 60
        let hh = magnitude / 60, mm = magnitude % 60
        return text + (utcOffsetSeconds < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }

    /// Parses the JSON string form; `""` is the zero time.
    /// - Throws: `HelmActionsError.decoding` with Go's time parse message.
    public init(parsing text: String) throws(HelmActionsError) {
        if text.isEmpty {
            self = .zero
            return
        }
        let instant: GoTime
        do {
            instant = try GoTime.parseRFC3339(text)
        } catch {
            throw .decoding(error.description)
        }
        var offset = 0
        let bytes = Array(text.utf8)
        if bytes.count >= 6, bytes.last != UInt8(ascii: "Z") {
            let tail = bytes[(bytes.count - 6)...]
            let sign: Int = tail.first == UInt8(ascii: "-") ? -1 : 1
            let digits = tail.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0 - 0x30) }
            if digits.count == 4 {
                offset = sign * ((digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60)
            }
        }
        self.init(instant, utcOffsetSeconds: offset)
    }
}
