/// What Kustomize needs from a file system: read files, list and test directories.
///
/// Paths are absolute, `/`-separated and already cleaned (no `.`, `..` or double slashes); use
/// `KustomizePath.clean` to make one. Implementations must be safe to share between tasks.
public protocol KustomizeFileSystem: Sendable {
    /// The bytes of a regular file. Throws `.notFound` when it does not exist or is a directory.
    func readFile(_ path: String) throws(KustomizeError) -> [UInt8]
    /// Whether `path` is a directory.
    func isDirectory(_ path: String) -> Bool
    /// Whether anything exists at `path`.
    func exists(_ path: String) -> Bool
    /// Names (not paths) of the entries of a directory, sorted. Throws `.notFound`.
    func listDirectory(_ path: String) throws(KustomizeError) -> [String]
    /// The path with symbolic links resolved (the path itself where there are none). Throws
    /// `.restricted` for a link leading outside the file system's root, `.limit` for a loop.
    func resolve(_ path: String) throws(KustomizeError) -> String
}

/// Path helpers with Go `path/filepath` semantics on `/`-separated paths.
public enum KustomizePath {
    /// `filepath.Clean`: collapses `.`, `..` and repeated slashes; `""` becomes `.`.
    public static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `filepath.Join` of a directory and a (possibly absolute) relative path: an absolute `path`
    /// is kept as is, as Kustomize's loader does.
    public static func join(_ dir: String, _ path: String) -> String {
        if path.hasPrefix("/") { return clean(path) }
        return clean(dir + "/" + path)
    }

    /// `filepath.Dir`.
    public static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return clean(String(path[..<slash]))
    }

    /// `filepath.Base`.
    public static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }

    /// Whether `path` is `root` or inside it.
    public static func isWithin(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }
}
