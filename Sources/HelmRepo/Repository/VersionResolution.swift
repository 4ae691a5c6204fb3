import SemVer

/// Chart version selection exactly as source-controller v1.2.2 does it.
public enum VersionResolution {
    /// fluxcd/pkg `version.ParseVersion`: strict semver, optionally prefixed with `v`.
    public static func parseVersion(_ text: String) -> Version? {
        let trimmed = text.hasPrefix("v") ? String(text.dropFirst()) : text
        guard (try? Version.strict(trimmed)) != nil else { return nil }
        return try? Version(text)
    }

    /// `ChartRepository.getChartVersion` over an index: an exact version string wins; otherwise
    /// `version` is a Masterminds constraint (`*` or empty for the latest stable), matched
    /// against versions that parse strictly; the highest wins, ties broken by the later
    /// `created` time.
    /// - Throws: `.reference` with "no chart name found", "no chart version found", the
    ///   constraint's parse error, or "no '<name>' chart with version matching '<version>' found".
    public static func chartVersion(in index: IndexFile, name: String, version: String) throws(HelmRepoError) -> ChartVersion {
        guard let list = index.entries?[name] else { throw HelmRepoError(.reference, "no chart name found") }
        let versions = list.compactMap { $0 }
        guard !list.isEmpty else { throw HelmRepoError(.reference, "no chart version found") }
        if !version.isEmpty, let exact = versions.first(where: { $0.version == version }) { return exact }
        let constraint = try constraints(version)
        var matched: [(version: Version, entry: ChartVersion)] = []
        for entry in versions {
            guard let v = parseVersion(entry.version), constraint.check(v) else { continue }
            matched.append((v, entry))
        }
        guard !matched.isEmpty else {
            throw HelmRepoError(.reference, "no '\(name)' chart with version matching '\(version)' found")
        }
        // sort.SliceStable with "not less" as the order puts the highest first and, among equal
        // (version, created) pairs, the one listed last.
        var best = matched[0]
        for candidate in matched.dropFirst() {
            let newer = candidate.version > best.version
                || (candidate.version == best.version && !(candidate.entry.createdTime < best.entry.createdTime))
            if newer { best = candidate }
        }
        return best.entry
    }

    /// `getLastMatchingVersionOrConstraint` of the OCI chart repository over registry tags:
    /// an exact tag wins; otherwise the highest tag satisfying the constraint (`*` or empty for
    /// the latest stable), returned as the tag was written.
    /// - Throws: `.reference` "could not locate a version matching provided version string
    ///   <version>" or the constraint's parse error.
    public static func matchingTag(in tags: [String], version: String) throws(HelmRepoError) -> String {
        if !version.isEmpty, let exact = tags.first(where: { $0 == version }) { return exact }
        let constraint = try constraints(version)
        var best: Version?
        for tag in tags {
            guard let v = parseVersion(tag), constraint.check(v) else { continue }
            if let current = best, !(v > current) { continue }
            best = v
        }
        guard let best else {
            throw HelmRepoError(.reference, "could not locate a version matching provided version string \(version)")
        }
        return best.original
    }

    static func constraints(_ version: String) throws(HelmRepoError) -> Constraints {
        let text = version.isEmpty || version == "*" ? "*" : version
        do { return try Constraints(text) } catch {
            throw HelmRepoError(.reference, error.description)
        }
    }
}
