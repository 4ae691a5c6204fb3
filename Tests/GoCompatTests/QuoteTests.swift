import Testing
import GoCompat

/// Vectors in the style of Go's `strconv/quote_test.go`.
@Suite("strconv quoting")
struct QuoteTests {
    @Test("Quote matches Go", arguments: [
        ("\u{07}\u{08}\u{0C}\r\n\t\u{0B}", "\"\\a\\b\\f\\r\\n\\t\\v\""),
        ("\\", "\"\\\\\""),
        ("\u{263a}", "\"☺\""),
        ("\u{10ffff}", "\"\\U0010ffff\""),
        ("\u{04}", "\"\\x04\""),
        ("!\u{00a0}!\u{2000}!\u{3000}!", "\"!\\u00a0!\\u2000!\\u3000!\""),
        ("\u{7f}", "\"\\x7f\""),
        ("\"hi\"", "\"\\\"hi\\\"\""),
    ])
    func quote(_ input: String, _ want: String) {
        #expect(GoQuote.quote(input) == want)
    }

    @Test("Quote escapes invalid UTF-8 bytes as \\x")
    func invalidBytes() {
        #expect(GoQuote.quote(bytes: Array("abc".utf8) + [0xff] + Array("def".utf8)) == "\"abc\\xffdef\"")
    }

    @Test("QuoteToASCII matches Go", arguments: [
        ("\u{263a}", "\"\\u263a\""),
        ("\u{10ffff}", "\"\\U0010ffff\""),
        ("abc", "\"abc\""),
    ])
    func quoteASCII(_ input: String, _ want: String) {
        #expect(GoQuote.quoteToASCII(input) == want)
    }

    @Test("QuoteRune matches Go", arguments: [
        (Int64(97), "'a'"), (39, "'\\''"), (34, "'\"'"), (0x263a, "'☺'"), (0x10ffff, "'\\U0010ffff'"),
        (0x110000, "'�'"), (4, "'\\x04'"), (-1, "'�'"),
    ])
    func quoteRune(_ r: Int64, _ want: String) {
        #expect(GoQuote.quoteRune(r) == want)
    }

    @Test("Unquote decodes Go literals", arguments: [
        ("\"abc\"", "abc"), ("\"\\u263a\"", "☺"), ("`a\\nb`", "a\\nb"), ("'a'", "a"), ("\"\\x41\\101\"", "AA"),
        ("\"\\t\\\"\"", "\t\""), ("''", nil), ("\"", nil), ("\"a", nil), ("'ab'", nil), ("\"\n\"", nil), ("\"\\q\"", nil),
    ] as [(String, String?)])
    func unquote(_ input: String, _ want: String?) {
        let got = try? GoQuote.unquote(input)
        #expect(got == want, "\(input)")
    }

    @Test("%#U description")
    func unicode() {
        #expect(GoQuote.unicodeDescription("A") == "U+0041 'A'")
        #expect(GoQuote.unicodeDescription("\n") == "U+000A")
    }
}
