#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the storage needs. Every error reads like Go's
/// `*PathError` (`open /p: no such file or directory`) so messages match source-controller's.
enum POSIXFile {
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }

    static func failure(_ op: String, _ path: String, _ code: Int32 = errno) -> ArtifactStorageError {
        ArtifactStorageError(.io, "\(op) \(path): \(errorText(code))")
    }

    /// What `lstat` (or `stat` when `follow`) says about `path`, nil when it does not exist.
    static func info(_ path: String, follow: Bool = false) throws(ArtifactStorageError) -> FileInfo? {
        var st = stat()
        let rc = follow ? stat(path, &st) : lstat(path, &st)
        if rc != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure(follow ? "stat" : "lstat", path)
        }
        return FileInfo(st)
    }

    static func makeDirectories(_ path: String, mode: mode_t) throws(ArtifactStorageError) {
        if let info = try info(path, follow: true) {
            if info.isDirectory { return }
            throw ArtifactStorageError(.io, "mkdir \(path): not a directory")
        }
        let parent = parentDirectory(path)
        if parent != path, !parent.isEmpty { try makeDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST { throw failure("mkdir", path) }
    }

    static func removeFile(_ path: String) throws(ArtifactStorageError) {
        if unlink(path) != 0 {
            if errno == EISDIR || errno == EPERM, rmdir(path) == 0 { return }
            throw failure("remove", path)
        }
    }

    /// Removes `path` and everything below it; a missing path is not an error (Go's `RemoveAll`).
    static func removeAll(_ path: String) throws(ArtifactStorageError) {
        guard let info = try info(path) else { return }
        if info.isDirectory {
            for name in try list(path) { try removeAll(path + "/" + name) }
            if rmdir(path) != 0, errno != ENOENT { throw failure("unlinkat", path) }
        } else if unlink(path) != 0, errno != ENOENT {
            throw failure("unlinkat", path)
        }
    }

    /// Directory entry names, sorted bytewise as Go's `os.ReadDir` sorts them.
    static func list(_ path: String) throws(ArtifactStorageError) -> [String] {
        guard let dir = opendir(path) else { throw failure("open", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func move(_ from: String, _ to: String) throws(ArtifactStorageError) {
        if rename(from, to) != 0 { throw ArtifactStorageError(.io, "rename \(from) \(to): \(errorText())") }
    }

    static func makeSymlink(target: String, at path: String) throws(ArtifactStorageError) {
        if symlink(target, path) != 0 { throw ArtifactStorageError(.io, "symlink \(target) \(path): \(errorText())") }
    }

    static func changeMode(_ path: String, _ mode: mode_t) throws(ArtifactStorageError) {
        if chmod(path, mode) != 0 { throw failure("chmod", path) }
    }

    /// Creates a new file `<directory>/<pattern><random>` with mode 0600 (Go's `os.CreateTemp`).
    static func createTemporary(directory: String, pattern: String) throws(ArtifactStorageError) -> (fd: Int32, path: String) {
        var template = Array((directory + "/" + pattern + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if fd < 0 { throw failure("open", directory + "/" + pattern + "*") }
        return (fd, path)
    }

    /// Go's `filepath.Dir` for absolute, `/`-separated paths.
    static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// The parts of `struct stat` the storage uses.
struct FileInfo: Sendable {
    var mode: mode_t
    var size: Int64
    /// Modification time in nanoseconds since the epoch.
    var modificationNanos: Int64

    init(_ st: stat) {
        mode = st.st_mode
        size = Int64(st.st_size)
        modificationNanos = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    var isRegular: Bool { mode & S_IFMT == S_IFREG }
    var isSymlink: Bool { mode & S_IFMT == S_IFLNK }
    var permissions: mode_t { mode & 0o7777 }
}
