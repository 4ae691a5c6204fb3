import Testing
import StructuredData
@testable import KubeModel

@Suite("Quantities")
struct QuantityTests {
    @Test("canonicalizes like resource.Quantity.String", arguments: [
        ("0", "0"), ("1", "1"), ("1.5", "1500m"), ("0.5", "500m"), ("100m", "100m"), ("1000", "1k"),
        ("1000m", "1"), ("1500000", "1500k"), ("1Ki", "1Ki"), ("1024Ki", "1Mi"), ("0.5Gi", "512Mi"),
        ("1.5Ki", "1536"), ("512", "512"), ("2048", "2048"), ("1e3", "1e3"), ("1E3", "1E3"), ("1.5e3", "1500"),
        ("10", "10"), ("-1.5", "-1500m"), ("0.0000000001", "1n"), ("1.0000000001", "1000000001n"),
        ("12Mi", "12Mi"), ("128974848", "128974848"), ("129e6", "129e6"), ("123Mi", "123Mi"),
        ("1G", "1G"), ("0.1", "100m"), ("250m", "250m"), ("-0", "0"), ("+1", "+1"), ("5000k", "5M"),
        ("0.001k", "1"), ("1000Mi", "1000Mi"),
        // apimachinery TestQuantityString / TestQuantityParseEmit vectors
        ("1024Mi", "1Gi"), ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("1024Gi", "1Ti"), ("5000m", "5"),
        ("1000M", "1G"), ("0.001T", "1G"), ("1000u", "1m"), ("1.08", "1080m"), ("1080000000n", "1080m"),
        ("1000E", "1e21"), ("5000E", "5e21"), (".001e12", "1e9"), ("0.001e0", "1e-3"), ("1000e-12", "1e-9"),
        ("00", "0"), (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
        ("-1024Mi", "-1Gi"), ("3.001n", "4n"), ("0.00000012345", "124n"), ("9Ei", "9223372036854775807"),
        ("12E", "12E"),
        // Upstream's parse fast path keeps already-"canonical" text verbatim, quirks included.
        ("1.", "1."), ("1.G", "1.G"), ("100.035k", "100.035k"),
    ])
    func canonical(text: String, expected: String) throws {
        #expect(try Quantity.parse(text).description == expected)
    }

    @Test("computes the canonical form regardless of the original text", arguments: [
        ("1.", "1"), ("1.G", "1G"), ("100.035k", "100035"), ("+1", "1"), ("1E3", "1e3"),
    ])
    func canonicalForm(text: String, expected: String) throws {
        #expect(try Quantity.parse(text).canonical == expected)
    }

    @Test("keeps the upstream format", arguments: [
        ("1Ki", Quantity.Format.binarySI), ("0.5Ki", .binarySI), (".000000000001Ki", .decimalSI), ("1e3", .decimalExponent),
        ("1k", .decimalSI), ("0", .decimalSI),
    ])
    func formats(text: String, format: Quantity.Format) throws {
        #expect(try Quantity.parse(text).format == format)
    }

    @Test("rejects malformed quantities with the upstream message", arguments: [
        ("", Quantity.formatError), ("abc", Quantity.formatError), ("1.5Gi5x", Quantity.formatError),
        ("1 Gi", Quantity.formatError), ("1Gb", Quantity.formatError), ("1i", "unable to parse quantity's suffix"),
        ("1e", "unable to parse quantity's suffix"), ("1KiB", Quantity.formatError),
        ("1.1.M", Quantity.formatError), ("1+1.0M", Quantity.formatError), ("0.1mi", "unable to parse quantity's suffix"),
        ("0.1am", Quantity.formatError), ("-3.01e-", "unable to parse quantity's suffix"), (" 1", Quantity.formatError),
        ("1 ", Quantity.formatError),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: KubeModelError.invalidQuantity(message)) { try Quantity.parse(text) }
    }

    @Test("compares by value across formats", arguments: [
        ("1Ki", "1024", 0), ("1", "1000m", 0), ("1G", "1Gi", -1), ("-1", "0", -1), ("2", "1.5", 1),
        ("100m", "0.1", 0), ("1e3", "1k", 0), ("10000T", "100Gi", 1), ("50m", "100m", -1),
    ])
    func compares(a: String, b: String, expected: Int) throws {
        #expect(Quantity.compare(try Quantity.parse(a), try Quantity.parse(b)) == expected)
    }

    @Test("reports integer and milli values, rounding up", arguments: [
        ("1.5", 2, 1500), ("100m", 1, 100), ("1Ki", 1024, 1_024_000), ("-1.5", -2, -1500),
    ] as [(String, Int64, Int64)])
    func values(text: String, value: Int64, milli: Int64) throws {
        let q = try Quantity.parse(text)
        #expect(q.value == value)
        #expect(q.milliValue == milli)
    }
}
