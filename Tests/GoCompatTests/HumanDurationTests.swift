import GoCompat
import Testing

@Suite("apimachinery's duration.HumanDuration")
struct HumanDurationTests {
    @Test("ages follow Go's duration.HumanDuration", arguments: [
        (0, "0s"), (119, "119s"), (120, "2m"), (150, "2m30s"), (600, "10m"), (10_799, "179m"), (10_800, "3h"),
        (11_100, "3h5m"), (86_400, "24h"), (172_800, "2d"), (183_600, "2d3h"), (864_000, "10d"), (63_072_000, "2y"),
    ] as [(Int64, String)])
    func ages(seconds: Int64, text: String) {
        #expect(HumanDuration.format(seconds: seconds) == text)
    }

    @Test("a Go duration is cut to whole seconds toward zero; more than a second in the future is <invalid>", arguments: [
        (GoDuration(nanoseconds: 1_999_999_999), "1s"), (GoDuration(nanoseconds: -999_999_999), "0s"),
        (GoDuration(nanoseconds: -1_500_000_000), "0s"), (GoDuration(nanoseconds: -2_000_000_000), "<invalid>"),
    ])
    func goDurations(duration: GoDuration, text: String) {
        #expect(HumanDuration.format(duration) == text)
    }
}
