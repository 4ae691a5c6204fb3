import GoCompat

/// Go `time.Time` JSON round trip for index timestamps: parsed as RFC 3339 (`UnmarshalJSON`),
/// written back as RFC 3339 with nanoseconds, trailing zeros trimmed and `Z` for a zero offset
/// (`MarshalJSON`), keeping the original offset as Go does.
enum RFC3339 {
    /// The zero time's JSON form (`0001-01-01T00:00:00Z`).
    static let zero = "0001-01-01T00:00:00Z"

    /// Normalises `text`, or nil when it is not RFC 3339.
    static func normalize(_ text: String) -> String? {
        guard (try? GoTime.parseRFC3339(text)) != nil else { return nil }
        let chars = Array(text)
        guard chars.count >= 20 else { return nil }
        var base = String(chars[0..<19])
        var i = 19
        var fraction = ""
        if i < chars.count, chars[i] == "." || chars[i] == "," {
            i += 1
            while i < chars.count, chars[i].isNumber { fraction.append(chars[i]); i += 1 }
        }
        let zone = String(chars[i...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { base += "." + String(fraction.prefix(9)) }
        if zone == "Z" || zone == "z" || zone == "+00:00" || zone == "-00:00" { return base + "Z" }
        return base + zone
    }

    /// The error Go's `time.Time.UnmarshalJSON` gives for a bad value.
    static func parseError(_ text: String) -> String {
        "parsing time \(GoQuote.quote("\"" + text + "\"")) as \"\\\"2006-01-02T15:04:05Z07:00\\\"\": cannot parse \(GoQuote.quote(text + "\"")) as \"2006\""
    }
}
