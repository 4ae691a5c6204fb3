import Foundation
import GoCompat

/// A Go RE2 regular expression run on Swift's regex engine.
///
/// Patterns are checked for what RE2 rejects (backreferences, lookaround, `\Z`, possessive
/// quantifiers) and rewritten where the engines differ: Go's `$` without `(?m)` is `\z`, and
/// `\d`, `\s`, `\w`, `\b` are ASCII-only. Matching is per Unicode scalar (Go's runes), and
/// iteration follows Go's rule that an empty match right after a match is skipped.
struct GoRegex {
    let pattern: String
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws(SprigError) {
        self.pattern = pattern
        let translated = try GoRegex.translate(pattern)
        do {
            regex = try Regex(translated).matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
        } catch {
            throw SprigError("error parsing regexp: invalid syntax: `\(pattern)`")
        }
    }

    /// Go's panic text for `MustCompile` failures.
    static func panicText(_ pattern: String, _ error: SprigError) -> String {
        let quoted = pattern.contains("`") || pattern.contains("\n") ? GoQuote.quote(pattern) : "`" + pattern + "`"
        return "regexp: Compile(\(quoted)): \(error.message)"
    }

    static func translate(_ p: String) throws(SprigError) -> String {
        let c = Array(p.unicodeScalars)
        var out = ""
        var i = 0
        var inClass = false
        let multiline = p.contains("(?m") || p.range(of: #"\(\?[a-zA-Z]*m"#, options: .regularExpression) != nil
        while i < c.count {
            let ch = c[i]
            if ch == "\\", i + 1 < c.count {
                let next = c[i + 1]
                if ("1"..."9").contains(next) || next == "Z" || next == "k" || next == "g" {
                    throw SprigError("error parsing regexp: invalid escape sequence: `\\\(next)`")
                }
                out.unicodeScalars.append(ch); out.unicodeScalars.append(next)
                i += 2
                continue
            }
            if inClass {
                if ch == "]" { inClass = false }
                out.unicodeScalars.append(ch); i += 1
                continue
            }
            if ch == "[" {
                inClass = true
                out.unicodeScalars.append(ch); i += 1
                if i < c.count, c[i] == "^" { out.unicodeScalars.append(c[i]); i += 1 }
                if i < c.count, c[i] == "]" { out.unicodeScalars.append(c[i]); i += 1 }
                continue
            }
            if ch == "(", i + 2 < c.count, c[i + 1] == "?" {
                let third = c[i + 2]
                if third == "=" || third == "!" || third == ">" || third == "#" || third == "|"
                    || (third == "<" && i + 3 < c.count && (c[i + 3] == "=" || c[i + 3] == "!")) {
                    let end = min(c.count, i + (third == "<" ? 4 : 3))
                    throw SprigError("error parsing regexp: invalid or unsupported Perl syntax: `\(String(String.UnicodeScalarView(c[i..<end])))`")
                }
            }
            if (ch == "+" || ch == "*" || ch == "?" || ch == "}"), i + 1 < c.count, c[i + 1] == "+" {
                throw SprigError("error parsing regexp: invalid nested repetition operator: `\(ch)+`")
            }
            if ch == "$", !multiline {
                out += "\\z"; i += 1
                continue
            }
            out.unicodeScalars.append(ch); i += 1
        }
        return out
    }

    /// Matches left to right, at most `limit` of them (`limit < 0`: all), with Go's
    /// empty-match rule.
    func matches(in s: String, limit: Int = -1) -> [Regex<AnyRegexOutput>.Match] {
        var result: [Regex<AnyRegexOutput>.Match] = []
        var previousEnd: String.Index? = nil
        for m in s.matches(of: regex) {
            if limit >= 0, result.count >= limit { break }
            let isEmpty = m.range.isEmpty
            let skip = isEmpty && m.range.lowerBound == previousEnd
            previousEnd = m.range.upperBound
            if !skip { result.append(m) }
        }
        return result
    }

    func firstMatch(in s: String) -> Regex<AnyRegexOutput>.Match? { try? regex.firstMatch(in: s) }

    /// Go's `Split(s, n)`.
    func split(_ s: String, limit n: Int) -> [String] {
        if n == 0 { return [] }
        if !pattern.isEmpty, s.isEmpty { return [""] }
        var parts: [String] = []
        var begin = s.startIndex
        var end = s.startIndex
        for m in matches(in: s, limit: n) {
            if n > 0, parts.count == n - 1 { break }
            end = m.range.lowerBound
            if m.range.upperBound != s.startIndex { parts.append(String(s[begin..<end])) }
            begin = m.range.upperBound
        }
        if end != s.endIndex { parts.append(String(s[begin...])) }
        return parts
    }

    /// Go's `ReplaceAllString` (`literal == false`: `$1`, `${name}` and `$$` are expanded).
    func replaceAll(_ s: String, with template: String, literal: Bool) -> String {
        var out = ""
        var last = s.startIndex
        for m in matches(in: s) {
            out += s[last..<m.range.lowerBound]
            out += literal ? template : expand(template, m)
            last = m.range.upperBound
        }
        out += s[last...]
        return out
    }

    /// Go's `Expand`: `$name` takes the longest run of letters, digits and `_`.
    private func expand(_ template: String, _ m: Regex<AnyRegexOutput>.Match) -> String {
        let t = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        while i < t.count {
            guard t[i] == "$", i + 1 < t.count else { out.unicodeScalars.append(t[i]); i += 1; continue }
            if t[i + 1] == "$" { out += "$"; i += 2; continue }
            var name = ""
            var j = i + 1
            if t[j] == "{" {
                j += 1
                while j < t.count, t[j] != "}" { name.unicodeScalars.append(t[j]); j += 1 }
                guard j < t.count, !name.isEmpty, name.unicodeScalars.allSatisfy(isNameChar) else {
                    out.unicodeScalars.append(t[i]); i += 1; continue
                }
                j += 1
            } else {
                while j < t.count, isNameChar(t[j]) { name.unicodeScalars.append(t[j]); j += 1 }
                if name.isEmpty { out.unicodeScalars.append(t[i]); i += 1; continue }
            }
            out += group(m, name)
            i = j
        }
        return out
    }

    private func group(_ m: Regex<AnyRegexOutput>.Match, _ name: String) -> String {
        if let index = Int(name) {
            guard index < m.output.count, let sub = m.output[index].substring else { return "" }
            return String(sub)
        }
        if let named = m.output[name], let sub = named.substring { return String(sub) }
        return ""
    }

    /// Go's `QuoteMeta`.
    static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
