import Foundation
import Synchronization
import Testing
@testable import ArtifactStorage

@Suite("Garbage collection: --artifact-retention-ttl and --artifact-retention-records")
struct GarbageCollectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// File name → age in seconds at collection time.
        let files: [(String, Int)]
        let current: String
        let ttl: Int
        let records: Int
        let deleted: [String]
    }

    static let cases: [Case] = [
        Case(testDescription: "fresh files beyond the record limit go, oldest first",
             files: [("a.tgz", 50), ("b.tgz", 40), ("c.tgz", 30), ("d.tgz", 20), ("e.tgz", 10)],
             current: "e.tgz", ttl: 60, records: 2, deleted: ["a.tgz", "b.tgz", "c.tgz"]),
        Case(testDescription: "expired files go even when within the record limit",
             files: [("a.tgz", 120), ("b.tgz", 10)], current: "b.tgz", ttl: 60, records: 5, deleted: ["a.tgz"]),
        Case(testDescription: "the current artifact stays even when it is the oldest and expired",
             files: [("a.tgz", 500), ("b.tgz", 10), ("c.tgz", 5)], current: "a.tgz", ttl: 60, records: 1, deleted: ["b.tgz", "c.tgz"]),
        Case(testDescription: "nothing goes while within both limits",
             files: [("a.tgz", 20), ("b.tgz", 10)], current: "b.tgz", ttl: 60, records: 2, deleted: []),
        Case(testDescription: "expired and surplus files both go",
             files: [("a.tgz", 300), ("b.tgz", 200), ("c.tgz", 30), ("d.tgz", 20), ("e.tgz", 10)],
             current: "e.tgz", ttl: 60, records: 2, deleted: ["a.tgz", "b.tgz", "c.tgz"]),
    ]

    @Test(arguments: cases)
    func collection(_ c: Case) async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h", retentionTTL: .seconds(c.ttl), retentionRecords: c.records)
        let now = 1_700_000_000
        for (name, age) in c.files {
            try dir.write("helmchart/ns/c/\(name)", name)
            try dir.write("helmchart/ns/c/\(name).lock", "")
            dir.setModificationTime("helmchart/ns/c/\(name)", now - age)
        }
        let deleted = try await storage.garbageCollect(currentPath: "helmchart/ns/c/\(c.current)",
                                                       now: Date(timeIntervalSince1970: TimeInterval(now)))
        #expect(deleted.map { ($0 as NSString).lastPathComponent }.sorted() == c.deleted)
        for (name, _) in c.files {
            let gone = c.deleted.contains(name)
            #expect(dir.exists("helmchart/ns/c/\(name)") == !gone)
            #expect(dir.exists("helmchart/ns/c/\(name).lock") == !gone)
        }
    }

    @Test("symlinks and lock files are neither counted nor collected")
    func symlinksAndLocks() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h", retentionTTL: .seconds(60), retentionRecords: 1)
        try dir.write("helmchart/ns/c/a.tgz", "a")
        try dir.write("helmchart/ns/c/orphan.lock", "")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/helmchart/ns/c/latest.tar.gz",
                                                   withDestinationPath: dir.path + "/helmchart/ns/c/a.tgz")
        dir.setModificationTime("helmchart/ns/c/orphan.lock", 1)
        let deleted = try await storage.garbageCollect(currentPath: "helmchart/ns/c/a.tgz")
        #expect(deleted.isEmpty)
        #expect(dir.exists("helmchart/ns/c/orphan.lock") && dir.exists("helmchart/ns/c/latest.tar.gz"))
    }

    @Test("a directory that does not exist yet is an error naming the walk")
    func missingDirectory() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        await #expect(throws: ArtifactStorageError(.io, "can't walk over file: lstat \(dir.path)/helmchart/ns/none: no such file or directory")) {
            try await storage.garbageCollect(currentPath: "helmchart/ns/none/x.tgz")
        }
    }
}

@Suite("Artifact locks")
struct LockTests {
    @Test("a second lock waits until the first is released")
    func exclusion() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        let path = "helmchart/ns/c/c.tgz"
        try await storage.makeDirectory(for: path)
        let first = try await storage.lock(path)
        let acquired = Mutex(false)
        let second = Task {
            let lock = try await storage.lock(path)
            acquired.withLock { $0 = true }
            return lock
        }
        // Work done while holding the lock gives the waiter many chances to (wrongly) get in.
        for i in 0..<20 { _ = try await storage.copy(Array("\(i)".utf8), to: path) }
        #expect(acquired.withLock { $0 } == false)
        first.unlock()
        let lock = try await second.value
        #expect(lock.path == dir.path + "/" + path + ".lock")
        lock.unlock()
        #expect(dir.exists(path + ".lock"))
    }

    @Test("cancelling a waiter ends its wait with a lock error")
    func cancellation() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        let path = "helmchart/ns/c/c.tgz"
        try await storage.makeDirectory(for: path)
        let held = try await storage.lock(path)
        defer { held.unlock() }
        let waiter = Task { try await storage.lock(path) }
        waiter.cancel()
        await #expect(throws: ArtifactStorageError(.lock, "waiting for lock \(dir.path)/\(path).lock: cancelled")) {
            try await waiter.value
        }
    }
}
