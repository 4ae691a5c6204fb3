/// A file system held in memory (what Kustomize's tests and helm-controller's post-renderer use).
///
/// Paths given to `init`/`writing` may be relative: they are taken from `/`. Directories exist
/// implicitly as the parents of files, plus those added with `addingDirectory`. Symbolic links
/// are not modelled, so `resolve` returns its argument.
public struct InMemoryFileSystem: KustomizeFileSystem {
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = ["/"]

    /// An empty file system with only `/`.
    public init() {}

    /// A file system holding `files` (path → text).
    public init(files: [String: String]) {
        for (path, text) in files { write(path, bytes: Array(text.utf8)) }
    }

    /// Writes (or replaces) a file, creating its parent directories.
    public mutating func write(_ path: String, bytes: [UInt8]) {
        let p = KustomizePath.join("/", path)
        files[p] = bytes
        var d = KustomizePath.dir(p)
        while directories.insert(d).inserted, d != "/" { d = KustomizePath.dir(d) }
    }

    /// Writes a text file.
    public mutating func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }

    /// Adds an empty directory (and its parents).
    public mutating func addDirectory(_ path: String) {
        var d = KustomizePath.join("/", path)
        while directories.insert(d).inserted, d != "/" { d = KustomizePath.dir(d) }
    }

    public func readFile(_ path: String) throws(KustomizeError) -> [UInt8] {
        guard let bytes = files[path] else {
            throw KustomizeError(.notFound, "open \(path): no such file or directory")
        }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool { directories.contains(path) }

    public func exists(_ path: String) -> Bool { files[path] != nil || directories.contains(path) }

    public func listDirectory(_ path: String) throws(KustomizeError) -> [String] {
        guard directories.contains(path) else {
            throw KustomizeError(.notFound, "open \(path): no such file or directory")
        }
        var names = Set<String>()
        for candidate in files.keys where KustomizePath.dir(candidate) == path {
            names.insert(KustomizePath.base(candidate))
        }
        for candidate in directories where candidate != path && KustomizePath.dir(candidate) == path {
            names.insert(KustomizePath.base(candidate))
        }
        return names.sorted()
    }

    public func resolve(_ path: String) throws(KustomizeError) -> String { path }
}
