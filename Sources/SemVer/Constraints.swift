/// A set of version constraints with Masterminds semver v3.2.1 semantics.
///
/// Grammar: alternatives separated by `||`; within one, constraints separated by spaces or
/// commas are ANDed. Operators `=`, `!=`, `>`, `<`, `>=`/`=>`, `<=`/`=<`, `~`/`~>`, `^`, none
/// (like `=`); `x`, `X`, `*` or missing segments are wildcards; `a - b` is `>= a, <= b`.
///
/// The prerelease rule: a version with a prerelease only satisfies a constraint whose own
/// version carries a prerelease (`>=1.2.0-0` admits `1.3.0-beta`, `>=1.2.0` does not).
public struct Constraints: Sendable, CustomStringConvertible {
    let alternatives: [[Constraint]]

    /// Parses constraint text like Go's `semver.NewConstraint`.
    /// - Throws: `SemVerError.improperConstraint` (text `improper constraint: <alternative>`)
    ///   or `.constraintParser`.
    public init(_ text: String) throws(SemVerError) {
        let rewritten = ConstraintGrammar.rewriteRanges(text)
        var alternatives: [[Constraint]] = []
        for alternative in goSplit(rewritten, on: "||") {
            guard ConstraintGrammar.isValid(alternative) else { throw .improperConstraint(alternative) }
            var group: [Constraint] = []
            for piece in ConstraintGrammar.pieces(of: alternative) {
                group.append(try Constraint.parse(piece))
            }
            alternatives.append(group)
        }
        self.alternatives = alternatives
    }

    /// True when `version` satisfies every constraint of at least one alternative.
    public func check(_ version: Version) -> Bool {
        alternatives.contains { group in group.allSatisfy { $0.failure(for: version) == nil } }
    }

    /// Like `check`, with Go's reasons for each failing constraint when no alternative
    /// passes (empty when satisfied). A prerelease version against a release-only constraint
    /// is reported once.
    public func validate(_ version: Version) -> (satisfied: Bool, reasons: [String]) {
        var reasons: [String] = []
        var reportedPrerelease = false
        for group in alternatives {
            var passed = true
            for constraint in group {
                if constraint.version.prerelease.isEmpty, !version.prerelease.isEmpty {
                    if !reportedPrerelease {
                        reasons.append(Constraint.prereleaseMessage(version))
                        reportedPrerelease = true
                    }
                    passed = false
                } else if let reason = constraint.failure(for: version) {
                    reasons.append(reason)
                    passed = false
                }
            }
            if passed { return (true, []) }
        }
        return (false, reasons)
    }

    /// Normalised text: operator glued to version, ANDs joined by a space, ORs by ` || `.
    public var description: String {
        alternatives.map { group in group.map { $0.operatorText + $0.versionText }.joined(separator: " ") }
            .joined(separator: " || ")
    }
}
