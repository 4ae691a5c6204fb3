extension Storage {
    /// Creates the directory of `path` with its parents, mode 0700 (`Storage.MkdirAll`).
    public func makeDirectory(for path: String) async throws(ArtifactStorageError) {
        let directory = POSIXFile.parentDirectory(try requireLocalPath(path))
        try await BlockingIO.run { () throws(ArtifactStorageError) in try POSIXFile.makeDirectories(directory, mode: 0o700) }
    }

    /// Removes the file at `path` (`Storage.Remove`).
    public func remove(_ path: String) async throws(ArtifactStorageError) {
        let local = try requireLocalPath(path)
        try await BlockingIO.run { () throws(ArtifactStorageError) in try POSIXFile.removeFile(local) }
    }

    /// Removes the whole directory of `path` (every artifact of the object, as on deletion) and
    /// returns the removed directory, or nil when it did not exist (`Storage.RemoveAll`).
    @discardableResult
    public func removeAll(_ path: String) async throws(ArtifactStorageError) -> String? {
        let directory = POSIXFile.parentDirectory(try requireLocalPath(path))
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            let existed = try POSIXFile.info(directory, follow: true) != nil
            try POSIXFile.removeAll(directory)
            return existed ? directory : nil
        }
    }

    /// Removes every regular file in the directory of `path` (recursively) except `path`
    /// itself, keeping symlinks; returns the removed local paths (`Storage.RemoveAllButCurrent`).
    /// - Throws: `.io` "failed to remove files: <names>" after trying all of them.
    public func removeAllButCurrent(_ path: String) async throws(ArtifactStorageError) -> [String] {
        let local = try requireLocalPath(path)
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            var deleted: [String] = []
            var failures: [String] = []
            try StorageWalk.walk(POSIXFile.parentDirectory(local)) { entry in
                guard entry.path != local, !entry.info.isDirectory, !entry.info.isSymlink else { return .next }
                if (try? POSIXFile.removeFile(entry.path)) != nil {
                    deleted.append(entry.path)
                } else {
                    failures.append(POSIXFile.baseName(entry.path))
                }
                return .next
            } onError: { failures.append($0.message) }
            if !failures.isEmpty {
                throw ArtifactStorageError(.io, "failed to remove files: \(failures.joined(separator: " "))")
            }
            return deleted
        }
    }

    /// Whether `path` exists in storage as a regular file (not a symlink) (`Storage.ArtifactExist`).
    public func exists(_ path: String) async -> Bool {
        guard let local = localPath(path) else { return false }
        return (try? await BlockingIO.run { () throws(ArtifactStorageError) in try POSIXFile.info(local)?.isRegular ?? false }) ?? false
    }

    /// Re-hashes the stored file at `path` with the algorithm of `digest` and compares
    /// (`Storage.VerifyArtifact`, the integrity check of every reconcile).
    /// - Throws: "artifact has no digest"; "failed to parse artifact digest '<d>': <reason>";
    ///   "open <local path>: no such file or directory"; `.digestMismatch`
    ///   "computed digest doesn't match '<digest>'".
    public func verify(_ path: String, digest: String) async throws(ArtifactStorageError) {
        guard !digest.isEmpty else { throw ArtifactStorageError(.invalidDigest, "artifact has no digest") }
        let expected: Digest
        do { expected = try Digest(parsing: digest) } catch {
            throw ArtifactStorageError(.invalidDigest, "failed to parse artifact digest '\(digest)': \(error.message)")
        }
        let local = localPath(path) ?? ""
        let actual = try await BlockingIO.run { () throws(ArtifactStorageError) in
            var hasher = expected.algorithm.makeHasher()
            try FileReader.forEachChunk(local) { hasher.update($0) }
            return hasher.finalize()
        }
        if actual != expected {
            throw ArtifactStorageError(.digestMismatch, "computed digest doesn't match '\(expected)'")
        }
    }

    /// The digest of the stored file at `path` with this storage's algorithm.
    public func digest(of path: String) async throws(ArtifactStorageError) -> Digest {
        let local = try requireLocalPath(path)
        let algorithm = digestAlgorithm
        return try await BlockingIO.run { () throws(ArtifactStorageError) in
            var hasher = algorithm.makeHasher()
            try FileReader.forEachChunk(local) { hasher.update($0) }
            return hasher.finalize()
        }
    }
}
