import Foundation

extension Storage {
    /// Walk limit of one collection (`GarbageCountLimit`).
    public static let garbageCountLimit = 1000

    /// Deletes the garbage files of the directory of `currentPath` (the current artifact, never
    /// deleted), and their `.lock` files, as source-controller's `GarbageCollect` does:
    ///
    /// 1. walk the directory (at most `garbageCountLimit` files; symlinks, directories and
    ///    `.lock` files are not counted) and collect every other file older than `retentionTTL`;
    /// 2. unless fewer than `retentionRecords` files would then remain, also collect the oldest
    ///    files (by modification time) until `retentionRecords` remain.
    ///
    /// Returns the deleted local paths.
    /// - Throws: `.timeout` "context deadline exceeded" after `timeout`; `.io` with the
    ///   walk or removal errors (removal errors joined with ", " as `kerrors.NewAggregate`).
    public func garbageCollect(currentPath: String, timeout: Duration = .seconds(5), now: Date = Date()) async throws(ArtifactStorageError) -> [String] {
        let local = try requireLocalPath(currentPath)
        let records = retentionRecords
        let ttlNanos = Int64(retentionTTL.components.seconds) * 1_000_000_000 + retentionTTL.components.attoseconds / 1_000_000_000
        let nowNanos = Int64((now.timeIntervalSince1970 * 1e9).rounded())
        let work: @Sendable () async throws(ArtifactStorageError) -> [String] = { () throws(ArtifactStorageError) in
            try await BlockingIO.run { () throws(ArtifactStorageError) in
                let garbage = try Self.garbageFiles(localPath: local, totalCountLimit: Self.garbageCountLimit,
                                                    maxItemsToBeRetained: records, ttlNanos: ttlNanos, nowNanos: nowNanos)
                return try Self.delete(garbage)
            }
        }
        return try await Deadline.run(timeout, work)
    }

    /// The files `garbageCollect` would delete (`getGarbageFiles`), kept literal to upstream,
    /// including its handling of equal modification times.
    static func garbageFiles(localPath: String, totalCountLimit: Int, maxItemsToBeRetained: Int,
                             ttlNanos: Int64, nowNanos: Int64) throws(ArtifactStorageError) -> [String] {
        let directory = POSIXFile.parentDirectory(localPath)
        var garbage: [String] = []
        var pathByTime: [Int64: String] = [:]
        var times: [Int64] = []
        var total = 0
        var errors: [String] = []
        try StorageWalk.walk(directory) { entry in
            if total >= totalCountLimit { return .stop }
            let info = entry.info
            let expired = nowNanos - info.modificationNanos > ttlNanos
            if !info.isDirectory, !info.isSymlink, Self.goExtension(entry.path) != ".lock" {
                if entry.path != localPath, expired { garbage.append(entry.path) }
                total += 1
                pathByTime[info.modificationNanos] = entry.path
                times.append(info.modificationNanos)
            }
            return .next
        } onError: { errors.append($0.message) }
        if !errors.isEmpty {
            throw ArtifactStorageError(.io, "can't walk over file: \(errors.joined(separator: ","))")
        }
        if total - garbage.count < maxItemsToBeRetained { return garbage }

        let sortedPaths = times.sorted().compactMap { pathByTime[$0] }
        var collected = 0
        let expiredCount = garbage.count
        for path in sortedPaths where path != localPath && Self.goExtension(path) != ".lock" && !garbage.contains(path) {
            if expiredCount > 0 {
                if sortedPaths.count - collected - garbage.count > maxItemsToBeRetained {
                    garbage.append(path)
                    collected += 1
                }
            } else if sortedPaths.count - collected > maxItemsToBeRetained {
                garbage.append(path)
                collected += 1
            }
        }
        return garbage
    }

    static func delete(_ garbage: [String]) throws(ArtifactStorageError) -> [String] {
        var deleted: [String] = []
        var errors: [String] = []
        for file in garbage {
            do {
                try POSIXFile.removeFile(file)
                deleted.append(file)
            } catch {
                errors.append(error.message)
            }
            let lock = file + ".lock"
            if (try? POSIXFile.info(lock)) ?? nil != nil {
                do { try POSIXFile.removeFile(lock) } catch { errors.append(error.message) }
            }
        }
        if !errors.isEmpty {
            throw ArtifactStorageError(.io, errors.count == 1 ? errors[0] : "[\(errors.joined(separator: ", "))]")
        }
        return deleted
    }

    /// Go's `filepath.Ext`.
    static func goExtension(_ path: String) -> String {
        let base = POSIXFile.baseName(path)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return String(base[dot...])
    }
}
