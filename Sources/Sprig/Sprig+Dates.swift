import GoTemplate

extension Sprig {
    static let dates: [GoFunction] = [
        fn("now", [], result: GoTime.type) { _ in .object(GoTime.now()) },
        fn("ago", [.any], result: .string) { a in
            let t = timeArgument(a[0]) ?? .now()
            let now = GoTime.now()
            return .string(GoDuration.string(roundToSecond(since(t, now))))
        },
        fn("date", [.string, .any], result: .string) { a in .string(dateInZone(a[0].str, a[1], "Local")) },
        fn("dateInZone", [.string, .any, .string], result: .string) { a in .string(dateInZone(a[0].str, a[1], a[2].str)) },
        fn("date_in_zone", [.string, .any, .string], result: .string) { a in .string(dateInZone(a[0].str, a[1], a[2].str)) },
        fn("dateModify", [.string, GoTime.type], result: GoTime.type) { a in try dateModify(a, must: false) },
        fn("date_modify", [.string, GoTime.type], result: GoTime.type) { a in try dateModify(a, must: false) },
        fn("mustDateModify", [.string, GoTime.type], result: GoTime.type, returnsError: true) { a in try dateModify(a, must: true) },
        fn("must_date_modify", [.string, GoTime.type], result: GoTime.type, returnsError: true) { a in try dateModify(a, must: true) },
        fn("htmlDate", [.any], result: .string) { a in .string(dateInZone("2006-01-02", a[0], "Local")) },
        fn("htmlDateInZone", [.any, .string], result: .string) { a in .string(dateInZone("2006-01-02", a[0], a[1].str)) },
        fn("toDate", [.string, .string], result: GoTime.type) { a in
            .object((try? GoLayout.parse(a[0].str, a[1].str)) ?? GoTime(seconds: -62135596800, nanos: 0, offset: 0, zone: "UTC"))
        },
        fn("mustToDate", [.string, .string], result: GoTime.type, returnsError: true) { a in .object(try GoLayout.parse(a[0].str, a[1].str)) },
        fn("unixEpoch", [GoTime.type], result: .string) { a in .string(String(timeArgument(a[0])?.seconds ?? 0)) },
        fn("duration", [.any], result: .string) { a in
            let n: Int64
            switch a[0].concrete {
            case .string(let s): n = Cast.parseInt(s, base: 10) ?? 0
            case .int(let i, let t) where t.kind == .int64: n = i
            default: n = 0
            }
            return .string(GoDuration.string(n.multipliedReportingOverflow(by: 1_000_000_000).partialValue))
        },
        fn("durationRound", [.any], result: .string) { a in
            let d: Int64
            switch a[0].concrete {
            case .string(let s): d = GoDuration.parse(s) ?? 0
            case .int(let i, let t) where t.kind == .int64: d = i
            case .object(let o as GoTime):
                d = since(o, GoTime.now())
            default: d = 0
            }
            return .string(durationRound(d))
        },
    ]

    /// A `time.Time`, or unix seconds from an `int`/`int32`/`int64`; nil for anything else.
    static func timeArgument(_ value: GoValue) -> GoTime? {
        switch value.concrete {
        case .object(let o as GoTime): return o
        case .int(let i, let t) where t.kind == .int || t.kind == .int64 || t.kind == .int32: return .unix(i)
        default: return nil
        }
    }

    static func dateInZone(_ layout: String, _ date: GoValue, _ zone: String) -> String {
        let t = timeArgument(date) ?? .now()
        let shown = t.inZone(zone) ?? t.inZone("UTC") ?? t
        return GoLayout.format(shown, layout)
    }

    static func dateModify(_ a: [GoValue], must: Bool) throws -> GoValue {
        guard case .object(let o as GoTime) = a[1] else { return a[1] }
        guard let d = GoDuration.parse(a[0].str) else {
            if must { throw SprigError("time: invalid duration \"\(a[0].str)\"") }
            return a[1]
        }
        return .object(o.adding(nanoseconds: d))
    }

    /// Nanoseconds from `t` to `now`, saturating like Go's `Time.Sub`.
    static func since(_ t: GoTime, _ now: GoTime) -> Int64 {
        let (secs, o1) = now.seconds.subtractingReportingOverflow(t.seconds)
        let (scaled, o2) = secs.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o3) = scaled.addingReportingOverflow(now.nanos - t.nanos)
        if o1 || o2 || o3 { return now.seconds >= t.seconds ? Int64.max : Int64.min }
        return total
    }

    static func roundToSecond(_ d: Int64) -> Int64 {
        let r = d % 1_000_000_000
        let base = d - r
        if r.magnitude * 2 >= 1_000_000_000 {
            let (rounded, overflow) = base.addingReportingOverflow(d < 0 ? -1_000_000_000 : 1_000_000_000)
            return overflow ? d : rounded
        }
        return base
    }

    static func durationRound(_ d: Int64) -> String {
        let u = d.magnitude
        let second: UInt64 = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        let month = 30 * day, year = 365 * day
        if u > year { return "\(u / year)y" }
        if u > month { return "\(u / month)mo" }
        if u > day { return "\(u / day)d" }
        if u > hour { return "\(u / hour)h" }
        if u > minute { return "\(u / minute)m" }
        if u > second { return "\(u / second)s" }
        return "0s"
    }
}
