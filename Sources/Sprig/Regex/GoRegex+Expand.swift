/// Go's `Regexp.Expand` for `ReplaceAllString` templates.
extension GoRegex {
    /// `$1`, `${1}`, `$name`, `${name}` become the group's text (empty when unset or
    /// unknown), `$$` a `$`; a malformed reference keeps its `$` as text.
    func expand(_ template: String, _ text: [UInt32], _ m: [Int]) -> String {
        let t = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        while i < t.count {
            guard t[i] == "$" else { out.unicodeScalars.append(t[i]); i += 1; continue }
            i += 1
            if i < t.count, t[i] == "$" { out += "$"; i += 1; continue }
            guard let (name, number, rest) = Self.extract(t, i) else { out += "$"; continue }
            i = rest
            if number >= 0 {
                if 2 * number + 1 < m.count, m[2 * number] >= 0 { out += Self.string(text, m[2 * number]..<m[2 * number + 1]) }
            } else if let index = groupNames.firstIndex(where: { $0 == name }), m[2 * index] >= 0 {
                out += Self.string(text, m[2 * index]..<m[2 * index + 1])
            }
        }
        return out
    }

    /// Go's `extract`: a name of letters, digits and `_` (optionally in braces) at `start`;
    /// its number (-1 when not a plain number without leading zeros), and where the rest begins.
    static func extract(_ t: [Unicode.Scalar], _ start: Int) -> (String, Int, Int)? {
        var i = start
        guard i < t.count else { return nil }
        let brace = t[i] == "{"
        if brace { i += 1 }
        let nameStart = i
        while i < t.count, t[i] == "_" || isLetter(t[i]) || isDigit(t[i]) { i += 1 }
        guard i > nameStart else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: t[nameStart..<i])
        if brace {
            guard i < t.count, t[i] == "}" else { return nil }
            i += 1
        }
        var number = 0
        for c in name.unicodeScalars {
            guard ("0"..."9").contains(c), number < 100_000_000 else { number = -1; break }
            number = number * 10 + Int(c.value - 48)
        }
        if name.unicodeScalars.count > 1, name.unicodeScalars.first == "0" { number = -1 }
        return (name, number, i)
    }

    /// `unicode.IsLetter`: general category L.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// `unicode.IsDigit`: general category Nd.
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .decimalNumber }
}
