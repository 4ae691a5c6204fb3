import Foundation
import Testing
@testable import ArtifactStorage

@Suite("Storage: layout, URLs, atomic writes, integrity")
struct StorageTests {
    @Test("an artifact path is <kind-lowercase>/<namespace>/<name>/<file>")
    func artifactPath() {
        #expect(Storage.artifactPath(kind: "HelmChart", namespace: "flux-system", name: "podinfo", fileName: "podinfo-6.5.3.tgz")
                == "helmchart/flux-system/podinfo/podinfo-6.5.3.tgz")
    }

    @Test("URLs use http:// unless the advertised address carries a scheme", arguments: [
        ("source-controller.flux-system.svc.cluster.local.", "helmchart/ns/n/c.tgz",
         "http://source-controller.flux-system.svc.cluster.local./helmchart/ns/n/c.tgz"),
        ("127.0.0.1:9090", "/helmchart/ns/n/c.tgz", "http://127.0.0.1:9090/helmchart/ns/n/c.tgz"),
        ("https://artifacts.example", "gitrepository/ns/n/x.tar.gz", "https://artifacts.example/gitrepository/ns/n/x.tar.gz"),
        ("h", "", ""),
    ])
    func urls(_ host: String, _ path: String, _ url: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: host)
        #expect(storage.url(forPath: path) == url)
    }

    @Test("replacingHost points an old artifact URL at the current advertised address")
    func replacingHost() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "new.example:8080")
        #expect(storage.replacingHost(of: "http://old:9090/helmchart/ns/n/c.tgz") == "http://new.example:8080/helmchart/ns/n/c.tgz")
    }

    @Test("local paths cannot climb out of the storage root", arguments: [
        ("helmchart/ns/n/c.tgz", "/helmchart/ns/n/c.tgz"),
        ("../../etc/passwd", "/etc/passwd"),
        ("helmchart/../../../x", "/x"),
        ("/abs/./y", "/abs/y"),
    ])
    func secureJoin(_ path: String, _ suffix: String) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        #expect(storage.localPath(path) == dir.path + suffix)
        #expect(storage.localPath("") == nil)
    }

    @Test("a storage root that is not a directory is refused")
    func invalidRoot() {
        #expect(throws: ArtifactStorageError(.invalidPath, "invalid dir path: /nonexistent/storage")) {
            try Storage(basePath: "/nonexistent/storage", hostname: "h")
        }
    }

    @Test("write stores atomically with the configured digest, size and mode", arguments: DigestAlgorithm.allCases)
    func write(_ algorithm: DigestAlgorithm) async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h", digestAlgorithm: algorithm)
        let path = Storage.artifactPath(kind: "HelmRepository", namespace: "ns", name: "repo", fileName: "index-abc.yaml")
        try await storage.makeDirectory(for: path)
        let bytes = Array("apiVersion: v1\n".utf8)
        let stored = try await storage.write(bytes, to: path, mode: 0o640)
        #expect(stored.digest == algorithm.digest(bytes).description)
        #expect(stored.size == Int64(bytes.count))
        #expect(stored.path == path)
        #expect(dir.read(path) == "apiVersion: v1\n")
        #expect(dir.permissions(path) == 0o640)
        #expect(dir.permissions("helmrepository/ns/repo") == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/helmrepository/ns/repo") == ["index-abc.yaml"])
        #expect(await storage.exists(path))
    }

    @Test("copy from a file streams it in and leaves mode 0600")
    func copyFromFile() async throws {
        let dir = TemporaryDirectory()
        let source = TemporaryDirectory("source")
        defer { dir.remove(); source.remove() }
        let big = (0..<300_000).map { UInt8($0 % 256) }
        try source.write("chart.tgz", big)
        let storage = try Storage(basePath: dir.path, hostname: "h")
        try await storage.makeDirectory(for: "helmchart/ns/c/chart.tgz")
        let stored = try await storage.copy(fromFile: source.path + "/chart.tgz", to: "helmchart/ns/c/chart.tgz")
        #expect(stored.digest == DigestAlgorithm.sha256.digest(big).description)
        #expect(stored.size == 300_000)
        #expect(dir.permissions("helmchart/ns/c/chart.tgz") == 0o600)
    }

    @Test("a failed write leaves neither the destination nor a temp file")
    func failedWrite() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        try await storage.makeDirectory(for: "helmchart/ns/c/x.tgz")
        await #expect(throws: ArtifactStorageError.self) {
            try await storage.copy(fromFile: "/nonexistent/file", to: "helmchart/ns/c/x.tgz")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/helmchart/ns/c").isEmpty)
    }

    @Test("verify accepts the stored digest and words every failure as source-controller")
    func verify() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        let path = "helmchart/ns/c/c-1.0.0.tgz"
        try await storage.makeDirectory(for: path)
        let stored = try await storage.copy(Array("chart".utf8), to: path)
        try await storage.verify(path, digest: stored.digest)
        let blake = DigestAlgorithm.blake3.digest(Array("chart".utf8)).description
        try await storage.verify(path, digest: blake)

        await #expect(throws: ArtifactStorageError(.invalidDigest, "artifact has no digest")) {
            try await storage.verify(path, digest: "")
        }
        await #expect(throws: ArtifactStorageError(.invalidDigest, "failed to parse artifact digest 'sha256:zz': invalid checksum digest length")) {
            try await storage.verify(path, digest: "sha256:zz")
        }
        let other = DigestAlgorithm.sha256.digest(Array("tampered".utf8)).description
        await #expect(throws: ArtifactStorageError(.digestMismatch, "computed digest doesn't match '\(other)'")) {
            try await storage.verify(path, digest: other)
        }
        try await storage.remove(path)
        await #expect(throws: ArtifactStorageError(.io, "open \(dir.path)/\(path): no such file or directory")) {
            try await storage.verify(path, digest: stored.digest)
        }
        #expect(await storage.exists(path) == false)
    }

    @Test("symlink points latest.tar.gz at the artifact and returns its http URL")
    func symlink() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "127.0.0.1:9090")
        for version in ["1.0.0", "1.1.0"] {
            let path = "helmchart/ns/c/c-\(version).tgz"
            try await storage.makeDirectory(for: path)
            _ = try await storage.copy(Array(version.utf8), to: path)
            let url = try await storage.symlink(path, linkName: "latest.tar.gz")
            #expect(url == "http://127.0.0.1:9090/helmchart/ns/c/latest.tar.gz")
            #expect(dir.read("helmchart/ns/c/latest.tar.gz") == version)
        }
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/helmchart/ns/c/latest.tar.gz")
        #expect(target == dir.path + "/helmchart/ns/c/c-1.1.0.tgz")
        #expect(!dir.exists("helmchart/ns/c/latest.tar.gz.tmp"))
        #expect(await storage.exists("helmchart/ns/c/latest.tar.gz") == false)
    }

    @Test("removeAllButCurrent keeps the current file and symlinks; removeAll drops the directory")
    func removals() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let storage = try Storage(basePath: dir.path, hostname: "h")
        for name in ["a.tgz", "b.tgz", "c.tgz"] {
            try await storage.makeDirectory(for: "helmchart/ns/c/\(name)")
            _ = try await storage.copy(Array(name.utf8), to: "helmchart/ns/c/\(name)")
        }
        _ = try await storage.symlink("helmchart/ns/c/c.tgz", linkName: "latest.tar.gz")
        let deleted = try await storage.removeAllButCurrent("helmchart/ns/c/c.tgz")
        #expect(deleted.map { ($0 as NSString).lastPathComponent }.sorted() == ["a.tgz", "b.tgz"])
        #expect(dir.exists("helmchart/ns/c/c.tgz") && dir.exists("helmchart/ns/c/latest.tar.gz"))
        #expect(try await storage.removeAll("helmchart/ns/c/c.tgz") == dir.path + "/helmchart/ns/c")
        #expect(!dir.exists("helmchart/ns/c"))
        #expect(try await storage.removeAll("helmchart/ns/c/c.tgz") == nil)
    }
}
