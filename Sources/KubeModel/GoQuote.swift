/// Go `strconv.Quote` for the strings that appear in Kubernetes error messages: `"` and `\`
/// escaped, the C escapes `\a\b\f\n\r\t\v`, other control characters as `\x..` / `\u....`.
func goQuote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            let v = scalar.value
            if v < 0x20 || v == 0x7F {
                out += "\\x" + hex(v, width: 2)
            } else if (0x80..<0xA0).contains(v) || v == 0xAD || (0xFFF9...0xFFFB).contains(v)
                || (0x2028...0x2029).contains(v) || v == 0xFEFF
            {
                out += v > 0xFFFF ? "\\U" + hex(v, width: 8) : "\\u" + hex(v, width: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

private func hex(_ v: UInt32, width: Int) -> String {
    let digits = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Go's `%#v` of a `[]string`, e.g. `[]string{"a", "b"}` (or `[]string(nil)` for nil).
func goStringSliceLiteral(_ values: [String]?) -> String {
    guard let values else { return "[]string(nil)" }
    return "[]string{" + values.map(goQuote).joined(separator: ", ") + "}"
}
