extension Storage {
    /// Decides whether a file is left out of an archive: called with the path relative to the
    /// archived directory (`/`-separated) and whether it is a directory; true excludes it.
    public typealias ArchiveFilter = @Sendable (_ relativePath: String, _ isDirectory: Bool) -> Bool

    /// Atomically archives `directory` as a gzip'd tarball at `path` (`Storage.Archive`):
    /// regular files and directories in lexical order (the root as `.`), symlinks and other
    /// types skipped, headers sanitised (relative names, uid/gid 0, no user/group names, zero
    /// times, modes dir 0750 / file 0600 / executable 0700) so the digest depends only on the
    /// content; the result is chmod 0600 and renamed into place. Filtered directories are still
    /// descended into, as upstream does.
    /// - Throws: "invalid dir path: <dir>" when `directory` is not a directory.
    public func archive(directory: String, to path: String, filter: ArchiveFilter? = nil) async throws(ArtifactStorageError) -> StoredArtifact {
        let local = try requireLocalPath(path)
        let algorithm = digestAlgorithm
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            guard let info = try? POSIXFile.info(directory, follow: true), info.isDirectory else {
                throw ArtifactStorageError(.invalidPath, "invalid dir path: \(directory)")
            }
            return try Self.atomicWrite(to: local, path: path, mode: 0o600, algorithm: algorithm) { (sink) throws(ArtifactStorageError) in
                try TarGzWriter.write(directory: directory, filter: filter, to: sink)
            }
        }
    }
}

/// Writes a directory tree as a deterministic gzip'd tarball into a byte sink.
enum TarGzWriter {
    static func write(directory: String, filter: Storage.ArchiveFilter?,
                      to sink: @escaping (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) {
        let gzip = try GzipDeflater(emit: sink)
        var failure: ArtifactStorageError?
        try StorageWalk.walk(directory) { (entry) throws(ArtifactStorageError) in
            let info = entry.info
            guard info.isRegular || info.isDirectory else { return .next }
            if let filter, filter(entry.relativePath, info.isDirectory) { return .next }
            if info.isDirectory {
                try gzip.write(TarHeader(name: entry.relativePath, kind: .directory, mode: 0o750, size: 0).encoded())
                return .next
            }
            let mode = info.permissions & 0o111 != 0 ? 0o700 : 0o600
            try gzip.write(TarHeader(name: entry.relativePath, kind: .regular, mode: mode, size: info.size).encoded())
            var written: Int64 = 0
            try FileReader.forEachChunk(entry.path) { (chunk) throws(ArtifactStorageError) in
                let room = Int(max(0, info.size - written))
                let part = chunk.prefix(room)
                written += Int64(part.count)
                try gzip.write(part)
            }
            if written < info.size {
                throw ArtifactStorageError(.archive, "archive/tar: missed writing \(info.size - written) bytes")
            }
            let padding = Int((512 - info.size % 512) % 512)
            if padding > 0 { try gzip.write([UInt8](repeating: 0, count: padding)) }
            return .next
        } onError: { error in
            if failure == nil { failure = error }
        }
        if let failure { throw failure }
        try gzip.write([UInt8](repeating: 0, count: 1024))
        try gzip.finish()
    }
}
