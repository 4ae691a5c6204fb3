extension Artifact {
    /// `HasRevision(revision)`.
    public func hasRevision(_ revision: String) -> Bool { self.revision == revision }

    /// `HasDigest(digest)`.
    public func hasDigest(_ digest: String) -> Bool { self.digest == digest }

    /// `ArtifactDir(kind, namespace, name)`: `<kind lower-cased>/<namespace>/<name>`, the storage
    /// directory of an object's artifacts.
    public static func directory(kind: String, namespace: String, name: String) -> String {
        cleanJoin([kind.lowercased(), namespace, name])
    }

    /// `ArtifactPath(kind, namespace, name, filename)`.
    public static func path(kind: String, namespace: String, name: String, filename: String) -> String {
        cleanJoin([kind.lowercased(), namespace, name, filename])
    }

    /// Go's `path.Join`: non-empty elements joined with `/`, then cleaned (`.`/`..` resolved,
    /// duplicate slashes removed).
    static func cleanJoin(_ elements: [String]) -> String {
        let joined = elements.filter { !$0.isEmpty }.joined(separator: "/")
        guard !joined.isEmpty else { return "" }
        let rooted = joined.hasPrefix("/")
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(part) }
            default: parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }
}

/// Flux's revision strings: `<ref>@<algo>:<hex>` (e.g. `main@sha1:…`, `v1.0.0@sha256:…`) or a
/// bare `<algo>:<hex>`.
public enum Revision {
    /// `<name>@<digest>`, or just `digest` when `name` is empty.
    public static func make(name: String, digest: String) -> String {
        name.isEmpty ? digest : "\(name)@\(digest)"
    }

    /// The named pointer of a revision (`ExtractNamedPointerFromRevision` in fluxcd/pkg/git):
    /// before the last `@`; for a legacy `<name>/<sha>`, before the last `/` unless it is `HEAD`;
    /// else empty.
    public static func namedPointer(of revision: String) -> String {
        if let at = revision.lastIndex(of: "@") { return String(revision[..<at]) }
        if let slash = revision.lastIndex(of: "/") {
            let name = String(revision[..<slash])
            if name != "HEAD" { return name }
        }
        return ""
    }

    /// The hash of a revision (`ExtractHashFromRevision` in fluxcd/pkg/git): after the last `:`;
    /// for a legacy revision, after the last `/`; else the whole string.
    public static func hash(of revision: String) -> String {
        if let colon = revision.lastIndex(of: ":") { return String(revision[revision.index(after: colon)...]) }
        if let slash = revision.lastIndex(of: "/") { return String(revision[revision.index(after: slash)...]) }
        return revision
    }

    /// `TransformLegacyRevision(rev)` (source-controller `api/v1beta2`): rewrites pre-v1 revisions
    /// (`main/<sha>`, `<sha>`, `HEAD/<sha>`) into the current format (`main@sha1:<sha>`,
    /// `sha1:<sha>`). The algorithm is guessed from the hex length (40 → `sha1`, 64 → `sha256`);
    /// anything else, or a revision that already has a `:`, is returned unchanged.
    public static func transformLegacy(_ revision: String) -> String {
        guard !revision.isEmpty, !revision.contains(":") else { return revision }
        if let slash = revision.lastIndex(of: "/") {
            let sha = String(revision[revision.index(after: slash)...])
            if let algo = shaAlgorithm(sha) {
                let name = String(revision[..<slash])
                return name == "HEAD" ? "\(algo):\(sha)" : "\(name)@\(algo):\(sha)"
            }
        }
        if let algo = shaAlgorithm(revision) { return "\(algo):\(revision)" }
        return revision
    }

    static func shaAlgorithm(_ hex: String) -> String? {
        guard !hex.isEmpty, hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        switch hex.utf8.count {
        case 40: return "sha1"
        case 64: return "sha256"
        default: return nil
        }
    }
}
