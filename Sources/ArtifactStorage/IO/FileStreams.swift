#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// A file descriptor opened for writing, closed exactly once. Not safe for concurrent use:
/// owners serialise access (a single thread-pool job, or `TemporaryFile`'s mutex).
final class FileWriter: @unchecked Sendable {
    let path: String
    private var fd: Int32

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    /// Opens (creating or truncating) `path` with `mode`.
    convenience init(creating path: String, mode: mode_t) throws(ArtifactStorageError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        if fd < 0 { throw POSIXFile.failure("open", path) }
        self.init(fd: fd, path: path)
    }

    deinit { if fd >= 0 { _ = systemClose(fd) } }

    func write<Bytes: Collection>(_ bytes: Bytes) throws(ArtifactStorageError) where Bytes.Element == UInt8 {
        let failed: Int32? = bytes.withContiguousStorageIfAvailable { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, UnsafeRawPointer(buffer.baseAddress! + offset), buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        } ?? nil
        if let failed { throw POSIXFile.failure("write", path, failed) }
        if bytes.withContiguousStorageIfAvailable({ _ in true }) == nil { try write(Array(bytes)) }
    }

    func close() throws(ArtifactStorageError) {
        guard fd >= 0 else { return }
        let rc = systemClose(fd)
        fd = -1
        if rc != 0 { throw POSIXFile.failure("close", path) }
    }
}

/// Reads a file in chunks (never the whole file at once).
enum FileReader {
    static let chunkSize = 64 * 1024

    /// Calls `body` with successive chunks of `path`'s contents.
    static func forEachChunk(_ path: String, _ body: (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw POSIXFile.failure("open", path) }
        defer { _ = systemClose(fd) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFile.failure("read", path)
            }
            if n == 0 { return }
            try body(buffer[0..<n])
        }
    }

    /// The whole file, refusing files larger than `limit` bytes.
    static func readAll(_ path: String, limit: Int) throws(ArtifactStorageError) -> [UInt8] {
        var out: [UInt8] = []
        try forEachChunk(path) { (chunk) throws(ArtifactStorageError) in
            if out.count + chunk.count > limit {
                throw ArtifactStorageError(.sizeLimit, "\(path) exceeds the maximum size of \(limit) bytes")
            }
            out.append(contentsOf: chunk)
        }
        return out
    }
}
