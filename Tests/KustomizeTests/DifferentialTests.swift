import Foundation
import StructuredData
import Kustomize
import SharedTestData
import SwiftFluxTesting
import Testing

/// `kubectl.1.31 kustomize` (Kustomize v5.4.2) and this engine on the same directories, on disk.
/// Skipped where that binary is absent.
@Suite struct KustomizeDifferentialTests {
    /// `kubectl.1.31` from `PATH`, else from the Google Cloud SDK's directory where this machine
    /// keeps the versioned kubectl binaries.
    static let kubectl: String? = {
        var dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        dirs.append("/usr/lib/google-cloud-sdk/bin")
        for dir in dirs {
            let p = "\(dir)/kubectl.1.31"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("our overlays build as kubectl kustomize builds them", .enabled(if: kubectl != nil),
          arguments: ["overlay/overlays/dev", "overlay/overlays/prod", "overlay/overlays/staging", "overlay/overlays/legacy", "overlay/base", "schema"])
    func overlay(_ dir: String) async throws {
        let path = Self.fixtures.appendingPathComponent(dir).path
        let theirs = try await ProcessRunner.run(try #require(Self.kubectl), ["kustomize", path])
        #expect(theirs.status == 0)
        let ours = try Kustomizer.build(fs: try DiskFileSystem(root: "/"), path: KustomizePath.clean(path))
        #expect(ours == theirs.stdout)
    }

    static let corpus: [KustomizeConformanceTests.Case] = KustomizeConformanceTests.cases

    @Test("corpus cases build as kubectl kustomize builds them", .enabled(if: kubectl != nil), arguments: corpus)
    func corpusCase(_ c: KustomizeConformanceTests.Case) async throws {
        let meta = try String(contentsOf: c.dir.appendingPathComponent("case.json"), encoding: .utf8)
        // Cases the upstream binary itself does not match are left out (see the corpus README).
        guard meta.contains("\"v5.4.2\": true") else { return }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kdiff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(at: c.dir.appendingPathComponent("input"), to: tmp)
        let flags = ConformanceFlags(json: meta)
        for d in flags.emptyDirs { try FileManager.default.createDirectory(at: tmp.appendingPathComponent(d), withIntermediateDirectories: true) }
        let sub = flags.dir == "." ? tmp.path : tmp.appendingPathComponent(flags.dir).path
        let theirs = try await ProcessRunner.run(try #require(Self.kubectl), ["kustomize"] + flags.flags + [sub])
        let ours: String?
        do { ours = try Kustomizer.build(fs: try DiskFileSystem(root: "/"), path: KustomizePath.clean(sub), options: flags.options) } catch {
            ours = nil
        }
        if meta.contains("\"expect_error\": true") {
            // Both refuse the input (the wording is checked by the conformance suite).
            #expect(theirs.status != 0)
            #expect(ours == nil)
        } else {
            #expect(theirs.status == 0)
            #expect(ours == theirs.stdout)
        }
    }
}

/// The build options and CLI flags of a case.json.
struct ConformanceFlags {
    var flags: [String] = []
    var dir = "."
    var emptyDirs: [String] = []
    var options = BuildOptions()

    init(json: String) {
        guard let value = try? JSONParser.parse(json) else { return }
        flags = (value["kustomize_flags"]?.arrayValue ?? []).compactMap(\.stringValue)
        dir = value["dir"]?.stringValue ?? "."
        emptyDirs = (value["empty_dirs"]?.arrayValue ?? []).compactMap(\.stringValue)
        if let i = flags.firstIndex(of: "--reorder"), i + 1 < flags.count {
            options.reorder = flags[i + 1] == "none" ? .none : .legacy
        }
        if let i = flags.firstIndex(of: "--load-restrictor"), i + 1 < flags.count {
            options.loadRestrictions = flags[i + 1] == "LoadRestrictionsNone" ? .none : .rootOnly
        }
        if flags.contains("--enable-managedby-label") {
            options.addManagedByLabel = true
            options.managedByVersion = "(devel)"
        }
    }
}
