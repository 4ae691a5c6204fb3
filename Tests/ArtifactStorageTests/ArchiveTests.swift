import Foundation
import Testing
@testable import ArtifactStorage

@Suite("Deterministic tar.gz archives")
struct ArchiveTests {
    func makeSource(_ dir: TemporaryDirectory, mtime: Int) throws {
        try dir.write("README.md", "# chart\n", mode: 0o664)
        try dir.write("bin/run.sh", "#!/bin/sh\necho hi\n", mode: 0o755)
        try dir.write("deep/nested/values.yaml", "replicaCount: 1\n", mode: 0o600)
        for path in ["README.md", "bin/run.sh", "deep/nested/values.yaml"] { dir.setModificationTime(path, mtime) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: "/etc/passwd")
    }

    @Test("the digest depends only on content, not on times, owners or permissions beyond exec")
    func deterministic() async throws {
        let a = TemporaryDirectory("a"), b = TemporaryDirectory("b"), store = TemporaryDirectory()
        defer { a.remove(); b.remove(); store.remove() }
        try makeSource(a, mtime: 1_000_000)
        try makeSource(b, mtime: 1_600_000_000)
        let storage = try Storage(basePath: store.path, hostname: "h")
        try await storage.makeDirectory(for: "gitrepository/ns/r/a.tar.gz")
        let first = try await storage.archive(directory: a.path, to: "gitrepository/ns/r/a.tar.gz")
        let second = try await storage.archive(directory: b.path, to: "gitrepository/ns/r/b.tar.gz")
        #expect(first.digest == second.digest)
        #expect(first.size == second.size)
        #expect(store.permissions("gitrepository/ns/r/a.tar.gz") == 0o600)
    }

    @Test("headers are sanitised: relative names, root '.', modes 0750/0600/0700, no symlinks")
    func headers() async throws {
        let src = TemporaryDirectory("src"), store = TemporaryDirectory()
        defer { src.remove(); store.remove() }
        try makeSource(src, mtime: 1_600_000_000)
        let storage = try Storage(basePath: store.path, hostname: "h")
        try await storage.makeDirectory(for: "gitrepository/ns/r/a.tar.gz")
        _ = try await storage.archive(directory: src.path, to: "gitrepository/ns/r/a.tar.gz")
        let bytes = Array(FileManager.default.contents(atPath: store.path + "/gitrepository/ns/r/a.tar.gz") ?? Data())
        let entries = try tarEntries(bytes)
        #expect(entries.map(\.entry.name) == [".", "README.md", "bin", "bin/run.sh", "deep", "deep/nested", "deep/nested/values.yaml"])
        #expect(entries.map(\.entry.mode) == [0o750, 0o600, 0o750, 0o700, 0o750, 0o750, 0o600])
        #expect(entries.allSatisfy { $0.entry.modificationTime == 0 })
        #expect(String(decoding: entries[3].data, as: UTF8.self) == "#!/bin/sh\necho hi\n")
        // Go's gzip header: no name, zero mtime, OS "unknown".
        #expect(Array(bytes.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])
    }

    @Test("a filter drops files but still descends into filtered directories")
    func filter() async throws {
        let src = TemporaryDirectory("src"), store = TemporaryDirectory()
        defer { src.remove(); store.remove() }
        try makeSource(src, mtime: 1)
        let storage = try Storage(basePath: store.path, hostname: "h")
        try await storage.makeDirectory(for: "gitrepository/ns/r/a.tar.gz")
        _ = try await storage.archive(directory: src.path, to: "gitrepository/ns/r/a.tar.gz") { path, isDirectory in
            path == "README.md" || (isDirectory && path == "deep")
        }
        let bytes = Array(FileManager.default.contents(atPath: store.path + "/gitrepository/ns/r/a.tar.gz") ?? Data())
        #expect(try tarEntries(bytes).map(\.entry.name) == [".", "bin", "bin/run.sh", "deep/nested", "deep/nested/values.yaml"])
    }

    @Test("archiving something that is not a directory fails with upstream's message")
    func notADirectory() async throws {
        let store = TemporaryDirectory()
        defer { store.remove() }
        let storage = try Storage(basePath: store.path, hostname: "h")
        await #expect(throws: ArtifactStorageError(.invalidPath, "invalid dir path: /nonexistent/src")) {
            try await storage.archive(directory: "/nonexistent/src", to: "gitrepository/ns/r/a.tar.gz")
        }
    }

    @Test("long and non-ASCII names go through PAX records and read back intact")
    func longNames() throws {
        let long = String(repeating: "d/", count: 80) + "file.txt"
        var builder = TarGzBuilder()
        builder.addFile(long, Array("x".utf8))
        builder.addFile("ünïcode.txt", Array("y".utf8))
        builder.addFile(String(repeating: "n", count: 150), Array("z".utf8))
        let entries = try tarEntries(try builder.build())
        #expect(entries.map(\.entry.name) == [long, "ünïcode.txt", String(repeating: "n", count: 150)])
        #expect(entries.map { String(decoding: $0.data, as: UTF8.self) } == ["x", "y", "z"])
    }
}
