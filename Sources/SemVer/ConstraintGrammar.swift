/// The constraint grammar of semver v3.2.1, as regular expressions with Go RE2 match
/// semantics (leftmost-first alternation, which Swift's backtracking engine shares here;
/// `\s` spelled out as Go's ASCII class).
enum ConstraintGrammar {
    static let space = #"[\t\n\f\r ]"#
    static let operators = #"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"#
    static let versionPattern = #"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?"#
        + #"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
        + #"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#

    nonisolated(unsafe) static let single: Regex<AnyRegexOutput>? = compile("\(space)*(\(operators))\(space)*(\(versionPattern))\(space)*")
    nonisolated(unsafe) static let range: Regex<AnyRegexOutput>? = compile("\(space)*(\(versionPattern))\(space)+-\(space)+(\(versionPattern))\(space)*")
    nonisolated(unsafe) static let find: Regex<AnyRegexOutput>? = compile("(\(operators))\(space)*(\(versionPattern))")
    nonisolated(unsafe) static let valid: Regex<AnyRegexOutput>? = compile("(\(space)*(\(operators))\(space)*(\(versionPattern))\(space)*)"
        + "((?:\(space)+|,\(space)*)(\(operators))\(space)*(\(versionPattern))\(space)*)*")

    // Regex values are immutable once built (their lazily lowered program is initialised
    // atomically), so sharing these compiled patterns across threads is safe.
    private static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        try? Regex(pattern)
    }

    /// The text of capture group `index` ("" when it did not participate).
    static func group(_ match: Regex<AnyRegexOutput>.Match, _ index: Int) -> String {
        guard index < match.output.count, let text = match.output[index].substring else { return "" }
        return String(text)
    }

    /// Rewrites each `a - b` hyphen range to `>= a, <= b ` (first textual occurrence each).
    static func rewriteRanges(_ text: String) -> String {
        guard let range else { return text }
        var output = text
        for match in text.matches(of: range) {
            let whole = String(text[match.range])
            let replacement = ">= \(group(match, 1)), <= \(group(match, 11)) "
            if let found = output.firstRange(of: whole) {
                output.replaceSubrange(found, with: replacement)
            }
        }
        return output
    }

    /// Whether one `||` alternative is a well-formed list of constraints.
    static func isValid(_ alternative: String) -> Bool {
        guard let valid else { return false }
        return (try? valid.wholeMatch(in: alternative)) != nil
    }

    /// The individual `op version` constraints of a valid alternative, left to right.
    static func pieces(of alternative: String) -> [String] {
        guard let find else { return [] }
        let found = alternative.matches(of: find).map { String(alternative[$0.range]) }
        return found.isEmpty ? [alternative] : found
    }
}
