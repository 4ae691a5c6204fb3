import Foundation
import Testing
@testable import ArtifactStorage

@Suite("Safe untar of fetched artifacts")
struct UntarTests {
    func tarball(_ entries: [TarGzBuilder.Entry]) throws -> [UInt8] {
        var builder = TarGzBuilder()
        for entry in entries { builder.add(entry) }
        return try builder.build()
    }

    @Test("files and directories are extracted with their permissions")
    func extracts() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        let bytes = try tarball([
            .init(name: "dir", kind: .directory, mode: 0o755),
            .init(name: "dir/a.yaml", data: Array("a: 1\n".utf8), mode: 0o600),
            .init(name: "implicit/parent/b.txt", data: Array("b".utf8), mode: 0o644),
            .init(name: "empty", data: []),
        ])
        try await Untar.extract(gzipBytes: bytes, into: out.path + "/target")
        #expect(out.read("target/dir/a.yaml") == "a: 1\n")
        #expect(out.permissions("target/dir/a.yaml") == 0o600)
        #expect(out.read("target/implicit/parent/b.txt") == "b")
        #expect(out.read("target/empty") == "")
        #expect(out.permissions("target/dir") == 0o750)
    }

    @Test("unsafe names are refused before anything is written", arguments: [
        "../escape.txt", "a/../../escape.txt", "/etc/passwd", "..", "a/..", "win\\path.txt",
    ])
    func unsafeNames(_ name: String) async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        let bytes = try tarball([.init(name: name, data: Array("x".utf8))])
        await #expect(throws: ArtifactStorageError(.invalidPath, "tar contained invalid name error \(Extractor.goQuote(name))")) {
            try await Untar.extract(gzipBytes: bytes, into: out.path + "/target")
        }
        #expect(!out.exists("escape.txt"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path + "/target"))?.isEmpty ?? true)
    }

    @Test("symlinks are skipped by default and refused when not allowed")
    func symlinks() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        let bytes = try tarball([
            .init(name: "link", kind: .symlink(target: "/etc/passwd")),
            .init(name: "link/through.txt", data: Array("x".utf8)),
        ])
        // Skipped: the link is not created, so the second entry lands in a real directory.
        try await Untar.extract(gzipBytes: bytes, into: out.path + "/skip")
        #expect(!FileManager.default.fileExists(atPath: "/etc/passwd/through.txt"))
        #expect(out.read("skip/link/through.txt") == "x")
        await #expect(throws: ArtifactStorageError(.invalidPath, "tar file entry link is a symlink, which is not allowed in this context")) {
            try await Untar.extract(gzipBytes: bytes, into: out.path + "/strict", options: .init(skipSymlinks: false))
        }
    }

    @Test("the sum of member sizes is capped")
    func sizeLimit() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        let bytes = try tarball([
            .init(name: "a.bin", data: [UInt8](repeating: 1, count: 600)),
            .init(name: "b.bin", data: [UInt8](repeating: 2, count: 600)),
        ])
        await #expect(throws: ArtifactStorageError(.sizeLimit, "tar \"b.bin\" is bigger than max archive size of 1000 bytes")) {
            try await Untar.extract(gzipBytes: bytes, into: out.path + "/t", options: .init(maxUntarSize: 1000))
        }
        try await Untar.extract(gzipBytes: bytes, into: out.path + "/u", options: .init(maxUntarSize: -1))
        #expect(out.read("u/b.bin")?.count == 600)
    }

    @Test("a member claiming a huge size is refused at its header, before any data is inflated")
    func sizeBomb() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        // 64 MiB of zeros compresses to ~64 KiB.
        var compressed: [UInt8] = []
        let deflater = try GzipDeflater { chunk in compressed += chunk }
        try deflater.write(TarHeader(name: "bomb.bin", kind: .regular, mode: 0o644, size: 64 << 20).encoded())
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<64 { try deflater.write(zeros) }
        try deflater.write([UInt8](repeating: 0, count: 1024))
        try deflater.finish()
        #expect(compressed.count < 1 << 20)
        await #expect(throws: ArtifactStorageError(.sizeLimit, "tar \"bomb.bin\" is bigger than max archive size of 1048576 bytes")) {
            try await Untar.extract(gzipBytes: compressed, into: out.path + "/t", options: .init(maxUntarSize: 1 << 20))
        }
        #expect(!out.exists("t/bomb.bin"))
    }

    @Test("a gzip bomb of empty members stops at the decompression cap")
    func headerBomb() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        var compressed: [UInt8] = []
        let deflater = try GzipDeflater { chunk in compressed += chunk }
        let header = TarHeader(name: "d", kind: .directory, mode: 0o755, size: 0).encoded()
        for _ in 0..<40_000 { try deflater.write(header) }
        try deflater.finish()
        await #expect(throws: ArtifactStorageError(.sizeLimit, "tar error: gzip: decompressed size exceeds 18874368 bytes")) {
            try await Untar.extract(gzipBytes: compressed, into: out.path + "/t", options: .init(maxUntarSize: 1 << 20))
        }
    }

    @Test("data after the end-of-archive marker is not inflated")
    func trailingData() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        var builder = TarGzBuilder()
        builder.addFile("a.txt", Array("a".utf8))
        let tar = builder.tarBytes() + [UInt8](repeating: 0, count: 64 << 20)
        try await Untar.extract(gzipBytes: try TarGzBuilder.gzip(tar), into: out.path + "/t", options: .init(maxUntarSize: 1 << 20))
        #expect(out.read("t/a.txt") == "a")
    }

    @Test("garbage, truncation and a non-directory target fail with fluxcd/pkg's wording")
    func malformed() async throws {
        let out = TemporaryDirectory("out")
        defer { out.remove() }
        await #expect(throws: ArtifactStorageError(.archive, "requires gzip-compressed body: gzip: invalid header")) {
            try await Untar.extract(gzipBytes: Array("<html>not found</html>".utf8), into: out.path + "/t")
        }
        let good = try tarball([.init(name: "a.txt", data: [UInt8](repeating: 65, count: 5000))])
        let tarOnly = try TarGzBuilder.gzip(Array(TarGzBuilderTestAccess.tar(good).prefix(700)))
        await #expect(throws: ArtifactStorageError(.archive, "tar error: unexpected EOF")) {
            try await Untar.extract(gzipBytes: tarOnly, into: out.path + "/t2")
        }
        await #expect(throws: ArtifactStorageError(.archive, "tar error: unexpected EOF")) {
            try await Untar.extract(gzipBytes: Array(good.prefix(good.count / 2)), into: out.path + "/t3")
        }
        try out.write("file", "x")
        await #expect(throws: ArtifactStorageError(.invalidPath, "dir '\(out.path)/file' must be a directory")) {
            try await Untar.extract(gzipBytes: good, into: out.path + "/file")
        }
        var header = TarHeader(name: "x", kind: .regular, mode: 0o644, size: 1).encoded()
        header[148] = UInt8(ascii: "9")
        await #expect(throws: ArtifactStorageError(.archive, "tar error: archive/tar: invalid tar header")) {
            try await Untar.extract(gzipBytes: try TarGzBuilder.gzip(header + [UInt8](repeating: 0, count: 1536)), into: out.path + "/t4")
        }
    }
}

/// Decompresses a tarball back to its tar stream (test helper).
enum TarGzBuilderTestAccess {
    static func tar(_ gzip: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        let inflater = try GzipInflater(limit: 1 << 30) { chunk in out += chunk }
        try inflater.write(gzip[...])
        try inflater.finish()
        return out
    }
}
