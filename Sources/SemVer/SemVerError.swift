/// Errors from parsing versions and constraints. `description` is the exact text
/// Masterminds semver v3.2.1 returns, so callers can surface it unchanged.
public enum SemVerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a (lenient) semantic version.
    case invalidSemVer
    /// Strict parsing of an empty string.
    case emptyString
    /// Strict parsing found a non-digit in a number segment.
    case invalidCharacters
    /// A numeric segment has a leading zero.
    case segmentStartsZero
    /// The build metadata holds characters outside `[0-9A-Za-z-]`.
    case invalidMetadata
    /// The prerelease holds characters outside `[0-9A-Za-z-]`.
    case invalidPrerelease
    /// A number segment does not fit in `UInt64` (the text is Go's `strconv` error).
    case segmentParse(String)
    /// A strict-parse number segment failed `strconv.ParseUint` (the raw Go error).
    case numberSyntax(String)
    /// A constraint alternative does not match the constraint grammar.
    case improperConstraint(String)
    /// A constraint's version could not be parsed.
    case constraintParser

    public var description: String {
        switch self {
        case .invalidSemVer: return "Invalid Semantic Version"
        case .emptyString: return "Version string empty"
        case .invalidCharacters: return "Invalid characters in version"
        case .segmentStartsZero: return "Version segment starts with 0"
        case .invalidMetadata: return "Invalid Metadata string"
        case .invalidPrerelease: return "Invalid Prerelease string"
        case .segmentParse(let detail): return "Error parsing version segment: \(detail)"
        case .numberSyntax(let detail): return detail
        case .improperConstraint(let text): return "improper constraint: \(text)"
        case .constraintParser: return "constraint Parser Error"
        }
    }
}
