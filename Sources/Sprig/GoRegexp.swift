/// A compiled Go (RE2) regular expression for callers outside the template functions (cosign
/// identity matchers and the like), with Go's `regexp.MatchString` semantics. Immutable once
/// compiled, so it is safe to share.
public struct GoRegexp: @unchecked Sendable {
    private let regex: GoRegex

    /// Compiles `pattern` like Go's `regexp.Compile`.
    /// - Throws: `SprigError` "error parsing regexp: …".
    public init(_ pattern: String) throws(SprigError) {
        regex = try GoRegex(pattern)
    }

    /// Whether `text` contains a match (`Regexp.MatchString`, unanchored).
    public func matches(_ text: String) -> Bool { regex.firstMatch(in: text) != nil }
}
