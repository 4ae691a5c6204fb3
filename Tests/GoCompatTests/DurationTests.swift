import Testing
@testable import GoCompat

/// Vectors from Go's `time/time_test.go` (`durationTests`, `parseDurationTests`,
/// `parseDurationErrorTests`).
@Suite("Go time.Duration")
struct DurationTests {
    static let s: Int64 = 1_000_000_000
    static let ms: Int64 = 1_000_000
    static let us: Int64 = 1_000
    static let min: Int64 = 60 * s
    static let h: Int64 = 60 * min

    @Test("formats like Duration.String", arguments: [
        ("0s", 0), ("1ns", 1), ("1.1µs", 1100), ("2.2ms", 2200 * us), ("3.3s", 3300 * ms),
        ("4m5s", 4 * min + 5 * s), ("4m5.001s", 4 * min + 5001 * ms), ("5h6m7.001s", 5 * h + 6 * min + 7001 * ms),
        ("8m0.000000001s", 8 * min + 1), ("2562047h47m16.854775807s", Int64.max),
        ("-2562047h47m16.854775808s", Int64.min), ("1h30m0s", h + 30 * min), ("500ms", 500 * ms),
        ("1.5s", 1500 * ms), ("5m0s", 5 * min), ("-1.5s", -1500 * ms),
    ] as [(String, Int64)])
    func formats(text: String, nanoseconds: Int64) {
        #expect(GoDuration(nanoseconds: nanoseconds).description == text)
    }

    @Test("parses like time.ParseDuration", arguments: [
        ("0", 0), ("5s", 5 * s), ("30s", 30 * s), ("1478s", 1478 * s), ("-5s", -5 * s), ("+5s", 5 * s),
        ("-0", 0), ("+0", 0), ("5.0s", 5 * s), ("5.6s", 5 * s + 600 * ms), ("5.s", 5 * s), (".5s", 500 * ms),
        ("1.0s", s), ("1.00s", s), ("1.004s", s + 4 * ms), ("1.0040s", s + 4 * ms), ("100.00100s", 100 * s + ms),
        ("10ns", 10), ("11us", 11 * us), ("12µs", 12 * us), ("12μs", 12 * us), ("13ms", 13 * ms), ("14s", 14 * s),
        ("15m", 15 * min), ("16h", 16 * h), ("3h30m", 3 * h + 30 * min), ("10.5s4m", 4 * min + 10 * s + 500 * ms),
        ("-2m3.4s", -(2 * min + 3 * s + 400 * ms)), ("1h2m3s4ms5us6ns", h + 2 * min + 3 * s + 4 * ms + 5 * us + 6),
        ("39h9m14.425s", 39 * h + 9 * min + 14 * s + 425 * ms), ("52763797000ns", 52_763_797_000),
        ("0.3333333333333333333h", 20 * min), ("9007199254740993ns", (1 << 53) + 1),
        ("9223372036854775807ns", Int64.max), ("9223372036854775.807us", Int64.max),
        ("9223372036s854ms775us807ns", Int64.max), ("-9223372036854775808ns", Int64.min),
        ("-9223372036854775.808us", Int64.min), ("-9223372036s854ms775us808ns", Int64.min),
        ("-2562047h47m16.854775808s", Int64.min), ("0.100000000000000000000h", 6 * min),
        ("0.830103483285477580700h", 49 * min + 48 * s + 372_539_827),
    ] as [(String, Int64)])
    func parses(text: String, nanoseconds: Int64) throws {
        #expect(try GoDuration.parse(text).nanoseconds == nanoseconds)
    }

    @Test("rejects bad durations with Go's message", arguments: [
        ("", #"time: invalid duration """#), ("3", #"time: missing unit in duration "3""#),
        ("-", #"time: invalid duration "-""#), ("s", #"time: invalid duration "s""#),
        (".", #"time: invalid duration ".""#), ("-.", #"time: invalid duration "-.""#),
        (".s", #"time: invalid duration ".s""#), ("+.s", #"time: invalid duration "+.s""#),
        ("1d", #"time: unknown unit "d" in duration "1d""#), ("x", #"time: invalid duration "x""#),
        ("\u{FFFD}", #"time: invalid duration "\xef\xbf\xbd""#),
        ("9223372036854775810ns", #"time: invalid duration "9223372036854775810ns""#),
        ("9223372036854775808ns", #"time: invalid duration "9223372036854775808ns""#),
        ("-9223372036854775809ns", #"time: invalid duration "-9223372036854775809ns""#),
        ("9223372036854776000ms", #"time: invalid duration "9223372036854776000ms""#),
        ("3000000h", #"time: invalid duration "3000000h""#),
        ("9223372036854775807.9223372036854775807h", #"time: invalid duration "9223372036854775807.9223372036854775807h""#),
        ("9223372036854775807h9223372036854775807h", #"time: invalid duration "9223372036854775807h9223372036854775807h""#),
        ("9223372036854775808ns9223372036854775808ns", #"time: invalid duration "9223372036854775808ns9223372036854775808ns""#),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: GoTimeError(message)) { try GoDuration.parse(text) }
    }

    @Test("round-trips formatted durations", arguments: [0, 1, 999, 1_000_001, 61 * s, 90 * min, 25 * h + 1, -7 * ms] as [Int64])
    func roundTrips(nanoseconds: Int64) throws {
        let d = GoDuration(nanoseconds: nanoseconds)
        #expect(try GoDuration.parse(d.description) == d)
    }
}
