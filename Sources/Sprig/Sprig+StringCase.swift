import GoTemplate

extension Sprig {
    static let stringCase: [GoFunction] = [
        fn("title", [.string], result: .string) { a in .string(title(a[0].str)) },
        fn("untitle", [.string], result: .string) { a in .string(untitle(a[0].str)) },
        fn("initials", [.string], result: .string) { a in .string(initials(a[0].str)) },
        fn("swapcase", [.string], result: .string) { a in .string(swapCase(a[0].str)) },
        fn("snakecase", [.string], result: .string) { a in .string(CaseWords.join(a[0].str, connector: "_")) },
        fn("kebabcase", [.string], result: .string) { a in .string(CaseWords.join(a[0].str, connector: "-")) },
        fn("camelcase", [.string], result: .string) { a in .string(camelCase(a[0].str)) },
        fn("wrap", [.int, .string], result: .string) { a in .string(wrap(a[1].str, width: a[0].intValue, newline: "\n", long: false)) },
        fn("wrapWith", [.int, .string, .string], result: .string) { a in
            .string(wrap(a[2].str, width: a[0].intValue, newline: a[1].str, long: true))
        },
    ]

    /// goutils' `Initials` (Sprig 3.2.3): walks the string byte by byte, each byte taken as
    /// the rune of that value, so a multi-byte letter contributes its lead byte (`α` → `Î`)
    /// and bytes 0x85/0xA0 count as spaces.
    static func initials(_ s: String) -> String {
        var out = ""
        var lastWasGap = true
        for b in s.utf8 {
            let isGap = b == 0x20 || (0x09...0x0D).contains(b) || b == 0x85 || b == 0xA0
            if isGap {
                lastWasGap = true
            } else if lastWasGap {
                out.unicodeScalars.append(Unicode.Scalar(b))
                lastWasGap = false
            }
        }
        return out
    }

    /// Go's `strings.Title`: title-cases the first letter of each word (words start after
    /// any character that is not a letter, digit, `_` or `'`).
    static func title(_ s: String) -> String {
        var out = ""
        var previous: Unicode.Scalar = " "
        for c in s.unicodeScalars {
            out += isSeparator(previous) ? TextUtil.titleCase(c) : String(c)
            previous = c
        }
        return out
    }

    static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            if (48...57).contains(v) || (65...90).contains(v) || (97...122).contains(v) || v == 95 { return false }
            return true
        }
        if TextUtil.isLetter(c) || TextUtil.isDigit(c) { return false }
        return TextUtil.isSpace(c)
    }

    /// goutils `Uncapitalize` of each whitespace-delimited word.
    static func untitle(_ s: String) -> String {
        var out = ""
        var atStart = true
        for c in s.unicodeScalars {
            if TextUtil.isSpace(c) { atStart = true; out.unicodeScalars.append(c); continue }
            out += atStart ? TextUtil.lower(c) : String(c)
            atStart = false
        }
        return out
    }

    /// goutils `SwapCase`: upper ↔ lower, title-case becomes lower.
    static func swapCase(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if TextUtil.isUpper(c) { out += TextUtil.lower(c) }
            else if TextUtil.isLower(c) { out += TextUtil.upper(c) }
            else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// xstrings `ToCamelCase`: connectors (`_`, `-`, spaces) are dropped and the next rune
    /// upper-cased; leading connectors and all but the last of a connector run are kept.
    static func camelCase(_ s: String) -> String {
        func isConnector(_ c: Unicode.Scalar) -> Bool { c == "_" || c == "-" || TextUtil.isSpace(c) }
        var scalars = Array(s.unicodeScalars)[...]
        guard !scalars.isEmpty else { return "" }
        var out = ""
        var r0: Unicode.Scalar = " "
        var found = false
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if !isConnector(c) { r0 = c; found = true; break }
            out.unicodeScalars.append(c)
        }
        // xstrings writes the last connector a second time when there is nothing else.
        guard found else { return out + String(s.unicodeScalars.last.map { Character($0) } ?? " ") }
        var current = TextUtil.upper(r0)
        var previousIsConnector = false
        for c in scalars {
            if isConnector(c) {
                if previousIsConnector { out += current }
                else { out += current }
                current = String(c)
                previousIsConnector = true
                continue
            }
            if previousIsConnector {
                current = TextUtil.upper(c)
            } else {
                out += current
                current = String(c)
            }
            previousIsConnector = false
        }
        out += current
        return out
    }

    /// goutils `WrapCustom`: breaks lines at spaces so they fit `width` (width < 1 means 1);
    /// with `long`, words longer than the width are split too.
    static func wrap(_ s: String, width: Int, newline: String, long: Bool) -> String {
        let limit = max(width, 1)
        var lines: [String] = []
        for line in TextUtil.split(s, "\n", limit: -1) {
            var rest = Array(line.utf8)
            var out: [String] = []
            while rest.count > limit {
                if rest[0] == 32 { rest.removeFirst(); continue }
                let window = rest[0...limit]
                if let space = window.lastIndex(of: 32) {
                    out.append(String(decoding: rest[..<space], as: UTF8.self))
                    rest = Array(rest[(space + 1)...])
                } else if long {
                    out.append(String(decoding: rest[..<limit], as: UTF8.self))
                    rest = Array(rest[limit...])
                } else if let space = rest[limit...].firstIndex(of: 32) {
                    out.append(String(decoding: rest[..<space], as: UTF8.self))
                    rest = Array(rest[(space + 1)...])
                } else {
                    break
                }
            }
            out.append(String(decoding: rest, as: UTF8.self))
            lines.append(out.joined(separator: newline))
        }
        return lines.joined(separator: "\n")
    }
}
