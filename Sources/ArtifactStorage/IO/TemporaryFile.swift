import Foundation
import Synchronization

/// A temporary file filled chunk by chunk from async code (a download), each write run on
/// NIO's thread pool. Counts the bytes written; `remove()` deletes it (idempotent).
public final class TemporaryFile: Sendable {
    /// The file's absolute path.
    public let path: String
    private let writer: Mutex<FileWriter?>
    private let written = Mutex<Int64>(0)

    private init(path: String, writer: FileWriter) {
        self.path = path
        self.writer = Mutex(writer)
    }

    /// Creates `<directory>/<prefix><random>` with mode 0600 (`directory` defaults to the system
    /// temporary directory).
    public static func create(prefix: String, in directory: String? = nil) async throws(ArtifactStorageError) -> TemporaryFile {
        let dir = directory ?? FileManager.default.temporaryDirectory.path
        let (fd, path) = try await BlockingIO.run { () throws(ArtifactStorageError) in
            let (fd, path) = try POSIXFile.createTemporary(directory: dir, pattern: prefix)
            return (fd, path)
        }
        return TemporaryFile(path: path, writer: FileWriter(fd: fd, path: path))
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) async throws(ArtifactStorageError) {
        let box = UncheckedBox(self)
        try await BlockingIO.run { () throws(ArtifactStorageError) in
            try box.value.writer.withLock { (writer) throws(ArtifactStorageError) in
                guard let writer else { throw ArtifactStorageError(.io, "write \(box.value.path): file already closed") }
                try writer.write(bytes)
            }
            box.value.written.withLock { $0 += Int64(bytes.count) }
        }
    }

    /// Bytes written so far.
    public var size: Int64 { written.withLock { $0 } }

    /// Closes the file for writing (reading it afterwards is fine).
    public func close() async throws(ArtifactStorageError) {
        let writer = self.writer.withLock { w -> FileWriter? in
            defer { w = nil }
            return w
        }
        guard let writer else { return }
        let box = UncheckedBox(writer)
        try await BlockingIO.run { () throws(ArtifactStorageError) in try box.value.close() }
    }

    /// Deletes the file (after closing it).
    public func remove() async {
        try? await close()
        let path = self.path
        _ = try? await BlockingIO.run { () throws(ArtifactStorageError) in try POSIXFile.removeFile(path) }
    }

    /// The digest of the file's contents.
    public func digest(_ algorithm: DigestAlgorithm) async throws(ArtifactStorageError) -> Digest {
        let path = self.path
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            var hasher = algorithm.makeHasher()
            try FileReader.forEachChunk(path) { hasher.update($0) }
            return hasher.finalize()
        }
    }

    /// The file's contents, refusing more than `limit` bytes.
    public func read(limit: Int) async throws(ArtifactStorageError) -> [UInt8] {
        let path = self.path
        return try await BlockingIO.run { () throws(ArtifactStorageError) in try FileReader.readAll(path, limit: limit) }
    }
}

/// Moves a non-Sendable reference into a thread-pool closure whose caller keeps it alive and
/// serialises access.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
