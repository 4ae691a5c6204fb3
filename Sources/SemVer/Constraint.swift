/// One `op version` constraint with its wildcard flags.
struct Constraint: Sendable {
    enum Operator: Sendable {
        case equalOrTilde, notEqual, greater, less, greaterOrEqual, lessOrEqual, tilde, caret
    }

    let op: Operator
    /// The version to compare against, with wildcards replaced by 0.
    let version: Version
    /// The version text as written (used in messages).
    let versionText: String
    /// The operator text as written.
    let operatorText: String
    let dirty: Bool
    let minorDirty: Bool
    let patchDirty: Bool

    static func isWildcard(_ text: String) -> Bool { text == "x" || text == "X" || text == "*" }

    static func parse(_ text: String) throws(SemVerError) -> Constraint {
        guard !text.isEmpty else {
            return Constraint(op: .equalOrTilde, version: Version(major: 0, minor: 0, patch: 0), versionText: "",
                              operatorText: "", dirty: true, minorDirty: false, patchDirty: false)
        }
        guard let single = ConstraintGrammar.single, let match = try? single.wholeMatch(in: text) else {
            throw .improperConstraint(text)
        }
        let opText = ConstraintGrammar.group(match, 1)
        let versionText = ConstraintGrammar.group(match, 2)
        let major = ConstraintGrammar.group(match, 3)
        let minor = ConstraintGrammar.group(match, 4)
        let patch = ConstraintGrammar.group(match, 5)
        let pre = ConstraintGrammar.group(match, 6)
        func stripDot(_ s: String) -> String { s.hasPrefix(".") ? String(s.dropFirst()) : s }
        var normalized = versionText
        var dirty = false, minorDirty = false, patchDirty = false
        if isWildcard(major) || major.isEmpty {
            normalized = "0.0.0" + pre
            dirty = true
        } else if isWildcard(stripDot(minor)) || minor.isEmpty {
            normalized = major + ".0.0" + pre
            dirty = true
            minorDirty = true
        } else if isWildcard(stripDot(patch)) || patch.isEmpty {
            normalized = major + minor + ".0" + pre
            dirty = true
            patchDirty = true
        }
        let version: Version
        do { version = try Version(normalized) } catch { throw .constraintParser }
        guard let op = operatorTable[opText] else { throw .improperConstraint(text) }
        return Constraint(op: op, version: version, versionText: versionText, operatorText: opText,
                          dirty: dirty, minorDirty: minorDirty, patchDirty: patchDirty)
    }

    static let operatorTable: [String: Operator] = [
        "": .equalOrTilde, "=": .equalOrTilde, "!=": .notEqual, ">": .greater, "<": .less,
        ">=": .greaterOrEqual, "=>": .greaterOrEqual, "<=": .lessOrEqual, "=<": .lessOrEqual,
        "~": .tilde, "~>": .tilde, "^": .caret,
    ]

    static func prereleaseMessage(_ version: Version) -> String {
        "\(version) is a prerelease version and the constraint is only looking for release versions"
    }
}
