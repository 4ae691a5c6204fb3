import Foundation

extension Storage {
    /// Atomically writes `bytes` to `path` (temp file in the same directory, chmod `mode`,
    /// rename), computing digest and size while writing (`Storage.AtomicWriteFile`). The
    /// artifact's directory must exist (`makeDirectory(for:)`).
    public func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o600) async throws(ArtifactStorageError) -> StoredArtifact {
        let local = try requireLocalPath(path)
        let algorithm = digestAlgorithm
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            try Self.atomicWrite(to: local, path: path, mode: mode_t(mode), algorithm: algorithm) { (sink) throws(ArtifactStorageError) in
                try sink(bytes[...])
            }
        }
    }

    /// Atomically copies `bytes` to `path`; the file keeps the temp file's mode 0600
    /// (`Storage.Copy`).
    public func copy(_ bytes: [UInt8], to path: String) async throws(ArtifactStorageError) -> StoredArtifact {
        try await write(bytes, to: path, mode: 0o600)
    }

    /// Atomically copies the file at `sourcePath` (an absolute local path) into the storage at
    /// `path`, streaming it in chunks (`Storage.CopyFromPath`).
    public func copy(fromFile sourcePath: String, to path: String) async throws(ArtifactStorageError) -> StoredArtifact {
        let local = try requireLocalPath(path)
        let algorithm = digestAlgorithm
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            try Self.atomicWrite(to: local, path: path, mode: 0o600, algorithm: algorithm) { (sink) throws(ArtifactStorageError) in
                try FileReader.forEachChunk(sourcePath, sink)
            }
        }
    }

    /// The shared write path: `produce` pushes chunks into the sink; on any failure the temp
    /// file is removed and the destination is untouched.
    static func atomicWrite(to local: String, path: String, mode: mode_t, algorithm: DigestAlgorithm,
                            produce: (@escaping (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) -> Void)
        throws(ArtifactStorageError) -> StoredArtifact
    {
        let directory = POSIXFile.parentDirectory(local)
        let (fd, temporary) = try POSIXFile.createTemporary(directory: directory, pattern: POSIXFile.baseName(local))
        let writer = FileWriter(fd: fd, path: temporary)
        var hasher = algorithm.makeHasher()
        var size: Int64 = 0
        do {
            try produce { (chunk) throws(ArtifactStorageError) in
                hasher.update(chunk)
                size += Int64(chunk.count)
                try writer.write(chunk)
            }
            try writer.close()
            if mode != 0o600 { try POSIXFile.changeMode(temporary, mode) }
            try POSIXFile.move(temporary, local)
        } catch {
            try? writer.close()
            try? POSIXFile.removeFile(temporary)
            throw error
        }
        return StoredArtifact(path: path, digest: hasher.finalize().description, size: size, lastUpdateTime: Date())
    }
}
