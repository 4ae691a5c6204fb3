import Testing
@testable import GoCompat

@Suite("Go time RFC 3339")
struct TimeTests {
    @Test("formats the Kubernetes layouts", arguments: [
        (GoTime(unixSeconds: 0), "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z", "1970-01-01T00:00:00Z"),
        (GoTime(unixSeconds: 1_136_214_245, nanosecond: 123_456_789), "2006-01-02T15:04:05Z",
         "2006-01-02T15:04:05.123456Z", "2006-01-02T15:04:05.123456789Z"),
        (GoTime(unixSeconds: 951_782_400, nanosecond: 500_000_000), "2000-02-29T00:00:00Z",
         "2000-02-29T00:00:00.500000Z", "2000-02-29T00:00:00.5Z"),
        (GoTime(unixSeconds: -1), "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.000000Z", "1969-12-31T23:59:59Z"),
    ])
    func formats(time: GoTime, seconds: String, micro: String, nano: String) {
        #expect(time.rfc3339 == seconds)
        #expect(time.rfc3339Micro == micro)
        #expect(time.rfc3339Nano == nano)
    }

    @Test("parses RFC 3339 and normalizes to UTC", arguments: [
        ("2006-01-02T15:04:05Z", "2006-01-02T15:04:05Z"),
        ("2006-01-02T15:04:05.123456Z", "2006-01-02T15:04:05.123456Z"),
        ("2006-01-02T15:04:05+07:00", "2006-01-02T08:04:05Z"),
        ("2006-01-02T23:30:00-01:00", "2006-01-03T00:30:00Z"),
        ("2024-02-29T00:00:00.000000001Z", "2024-02-29T00:00:00.000000001Z"),
    ])
    func parses(text: String, utc: String) throws {
        #expect(try GoTime.parseRFC3339(text).rfc3339Nano == utc)
    }

    @Test("rejects bad times with Go's message", arguments: [
        ("x", #"parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006""#),
        ("2006-1-02T15:04:05Z", #"parsing time "2006-1-02T15:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-02T15:04:05Z" as "01""#),
        ("2006-01-02 15:04:05Z", #"parsing time "2006-01-02 15:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 15:04:05Z" as "T""#),
        ("2006-01-02T15:04:05", #"parsing time "2006-01-02T15:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00""#),
        ("2006-13-02T15:04:05Z", #"parsing time "2006-13-02T15:04:05Z": month out of range"#),
        ("2023-02-29T15:04:05Z", #"parsing time "2023-02-29T15:04:05Z": day out of range"#),
        ("2006-01-02T15:04:05Zjunk", #"parsing time "2006-01-02T15:04:05Zjunk": extra text: "junk""#),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: GoTimeError(message)) { try GoTime.parseRFC3339(text) }
    }

    @Test("computes differences and sums")
    func arithmetic() {
        let a = GoTime(unixSeconds: 100, nanosecond: 900_000_000)
        let b = a.adding(GoDuration(nanoseconds: 200_000_000))
        #expect(b == GoTime(unixSeconds: 101, nanosecond: 100_000_000))
        #expect(b.since(a) == GoDuration(nanoseconds: 200_000_000))
        #expect(a < b)
    }
}
