/// A depth-first, lexically ordered walk of a directory tree that does not follow symlinks
/// (Go's `filepath.WalkDir`): the root is visited first, then each entry in byte order.
enum StorageWalk {
    struct Entry {
        var path: String
        /// Path relative to the walk root ("." for the root itself).
        var relativePath: String
        var info: FileInfo
    }

    enum Decision { case next, skipDirectory, stop }

    /// Walks `root`; errors reading an entry go to `onError` and the walk continues.
    /// Returns false when `visit` stopped the walk.
    @discardableResult
    static func walk(_ root: String, _ visit: (Entry) throws(ArtifactStorageError) -> Decision,
                     onError: (ArtifactStorageError) -> Void = { _ in }) throws(ArtifactStorageError) -> Bool {
        guard let info = try POSIXFile.info(root) else {
            onError(ArtifactStorageError(.io, "lstat \(root): no such file or directory"))
            return true
        }
        return try visitEntry(Entry(path: root, relativePath: ".", info: info), visit, onError)
    }

    private static func visitEntry(_ entry: Entry, _ visit: (Entry) throws(ArtifactStorageError) -> Decision,
                                   _ onError: (ArtifactStorageError) -> Void) throws(ArtifactStorageError) -> Bool {
        switch try visit(entry) {
        case .stop: return false
        case .skipDirectory: return true
        case .next: break
        }
        guard entry.info.isDirectory else { return true }
        let names: [String]
        do { names = try POSIXFile.list(entry.path) } catch {
            onError(error)
            return true
        }
        for name in names {
            let path = entry.path + "/" + name
            let relative = entry.relativePath == "." ? name : entry.relativePath + "/" + name
            let info: FileInfo
            do {
                guard let found = try POSIXFile.info(path) else { continue }
                info = found
            } catch {
                onError(error)
                continue
            }
            if try !visitEntry(Entry(path: path, relativePath: relative, info: info), visit, onError) { return false }
        }
        return true
    }
}
