import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, confined to `root`: every path is resolved through its symbolic links
/// first and refused unless the result stays inside `root` (so neither `..` nor a link escapes).
///
/// This is the one place of the module that does I/O; everything else sees `KustomizeFileSystem`.
/// Files larger than `maxFileSize` are refused rather than read.
public struct DiskFileSystem: KustomizeFileSystem {
    /// The directory (symbolic links resolved) outside which nothing is read.
    public let root: String
    /// Largest file read, in bytes.
    public let maxFileSize: Int

    /// Confines reads to `root` (made absolute against the current directory, links resolved).
    public init(root: String, maxFileSize: Int = 256 << 20) throws(KustomizeError) {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.root = try Self.realPath(KustomizePath.clean(absolute))
        self.maxFileSize = maxFileSize
    }

    public func resolve(_ path: String) throws(KustomizeError) -> String {
        let real = try Self.realPath(path)
        guard KustomizePath.isWithin(real, root: root) else {
            throw KustomizeError(.restricted, "security; file '\(path)' is not in or below '\(root)'")
        }
        return real
    }

    public func readFile(_ path: String) throws(KustomizeError) -> [UInt8] {
        let real = try resolve(path)
        var info = stat()
        guard stat(real, &info) == 0 else { throw Self.posixError(path) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw KustomizeError(.notFound, "read \(path): is a directory")
        }
        guard Int(info.st_size) <= maxFileSize else {
            throw KustomizeError(.limit, "file '\(path)' is larger than \(maxFileSize) bytes")
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            throw KustomizeError(.notFound, "open \(path): no such file or directory")
        }
        return [UInt8](data)
    }

    public func isDirectory(_ path: String) -> Bool {
        guard let real = try? resolve(path) else { return false }
        var info = stat()
        return stat(real, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public func exists(_ path: String) -> Bool {
        guard let real = try? resolve(path) else { return false }
        var info = stat()
        return stat(real, &info) == 0
    }

    public func listDirectory(_ path: String) throws(KustomizeError) -> [String] {
        let real = try resolve(path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: real) else {
            throw KustomizeError(.notFound, "open \(path): no such file or directory")
        }
        return names.sorted()
    }

    /// `realpath(3)` of a path whose missing tail is kept as written (so that a missing file is
    /// reported as missing, not as an escape).
    static func realPath(_ path: String) throws(KustomizeError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if realpath(path, &buffer) != nil {
            return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let code = errno
        if code == ELOOP {
            throw KustomizeError(.limit, "evalsymlink failure on '\(path)' : lstat \(path): too many levels of symbolic links")
        }
        if code == ENOENT || code == ENOTDIR {
            let parent = KustomizePath.dir(path)
            if parent == path { return path }
            let base = KustomizePath.base(path)
            return KustomizePath.join(try realPath(parent), base)
        }
        throw posixError(path)
    }

    private static func posixError(_ path: String) -> KustomizeError {
        let code = errno
        if code == ELOOP {
            return KustomizeError(.limit, "open \(path): too many levels of symbolic links")
        }
        let text = String(cString: strerror(code)).lowercased()
        return KustomizeError(.notFound, "open \(path): \(text)")
    }
}
