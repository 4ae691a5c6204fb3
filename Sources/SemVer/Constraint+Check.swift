extension Constraint {
    /// Nil when `v` satisfies this constraint, else semver's reason text.
    func failure(for v: Version) -> String? {
        let releaseOnly = v.prerelease.isEmpty == false && version.prerelease.isEmpty
        switch op {
        case .notEqual: return notEqualFailure(v)
        case .greater: return releaseOnly ? Constraint.prereleaseMessage(v) : greaterFailure(v)
        case .less:
            if releaseOnly { return Constraint.prereleaseMessage(v) }
            return v < version ? nil : "\(v) is greater than or equal to \(versionText)"
        case .greaterOrEqual:
            if releaseOnly { return Constraint.prereleaseMessage(v) }
            return v >= version ? nil : "\(v) is less than \(versionText)"
        case .lessOrEqual: return releaseOnly ? Constraint.prereleaseMessage(v) : lessOrEqualFailure(v)
        case .tilde: return releaseOnly ? Constraint.prereleaseMessage(v) : tildeFailure(v)
        case .equalOrTilde:
            if releaseOnly { return Constraint.prereleaseMessage(v) }
            if dirty { return tildeFailure(v) }
            return v == version ? nil : "\(v) is not equal to \(versionText)"
        case .caret: return releaseOnly ? Constraint.prereleaseMessage(v) : caretFailure(v)
        }
    }

    private func notEqualFailure(_ v: Version) -> String? {
        let equal = "\(v) is equal to \(versionText)"
        if dirty {
            if !v.prerelease.isEmpty, version.prerelease.isEmpty { return Constraint.prereleaseMessage(v) }
            if version.major != v.major { return nil }
            if version.minor != v.minor, !minorDirty { return nil }
            if minorDirty { return equal }
            if version.patch != v.patch, !patchDirty { return nil }
            if patchDirty {
                if !v.prerelease.isEmpty || !version.prerelease.isEmpty,
                   Version.comparePrerelease(v.prerelease, version.prerelease) != 0 {
                    return nil
                }
                return equal
            }
        }
        return v == version ? equal : nil
    }

    private func greaterFailure(_ v: Version) -> String? {
        let failure = "\(v) is less than or equal to \(versionText)"
        if !dirty { return v > version ? nil : failure }
        if v.major != version.major { return v.major > version.major ? nil : failure }
        if minorDirty { return failure }
        if patchDirty { return v.minor > version.minor ? nil : failure }
        return v > version ? nil : failure
    }

    private func lessOrEqualFailure(_ v: Version) -> String? {
        let failure = "\(v) is greater than \(versionText)"
        if !dirty { return v <= version ? nil : failure }
        if v.major > version.major { return failure }
        if v.major == version.major, v.minor > version.minor, !minorDirty { return failure }
        return nil
    }

    private func tildeFailure(_ v: Version) -> String? {
        if v < version { return "\(v) is less than \(versionText)" }
        if version.major == 0, version.minor == 0, version.patch == 0, !minorDirty, !patchDirty { return nil }
        if v.major != version.major { return "\(v) does not have same major version as \(versionText)" }
        if v.minor != version.minor, !minorDirty {
            return "\(v) does not have same major and minor version as \(versionText)"
        }
        return nil
    }

    private func caretFailure(_ v: Version) -> String? {
        if v < version { return "\(v) is less than \(versionText)" }
        if version.major > 0 || minorDirty {
            return v.major == version.major ? nil : "\(v) does not have same major version as \(versionText)"
        }
        if v.major > 0 { return "\(v) does not have same major version as \(versionText)" }
        if version.minor > 0 || patchDirty {
            return v.minor == version.minor ? nil
                : "\(v) does not have same minor version as \(versionText). Expected minor versions to match when constraint major version is 0"
        }
        if v.minor > 0 { return "\(v) does not have same minor version as \(versionText)" }
        return version.patch == v.patch ? nil
            : "\(v) does not equal \(versionText). Expect version and constraint to equal when major and minor versions are 0"
    }
}
