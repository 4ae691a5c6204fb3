import Foundation
import StructuredData
import Kustomize
import SharedTestData
import SwiftFluxTesting
import Testing

/// `kubectl.1.31 kustomize` (Kustomize v5.4.2) and this engine on the same directories, on disk.
/// Skipped where that binary is absent.
@Suite struct KustomizeDifferentialTests {
    static let kubectl: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/kubectl.1.31"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("our overlays build as kubectl kustomize builds them", .enabled(if: kubectl != nil),
          arguments: ["overlay/overlays/dev", "overlay/overlays/prod", "overlay/base"])
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
        // Error cases and cases the upstream binary itself does not match are compared elsewhere.
        guard meta.contains("\"expect_error\": false"), meta.contains("\"v5.4.2\": true") else { return }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kdiff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(at: c.dir.appendingPathComponent("input"), to: tmp)
        let result = try ConformanceRunner.run(c.dir)
        let flags = ConformanceFlags(json: meta)
        let sub = flags.dir == "." ? tmp.path : tmp.appendingPathComponent(flags.dir).path
        let theirs = try await ProcessRunner.run(try #require(Self.kubectl), ["kustomize"] + flags.flags + [sub])
        let ours = try? Kustomizer.build(fs: try DiskFileSystem(root: "/"), path: KustomizePath.clean(sub), options: flags.options)
        if KustomizeConformanceTests.knownFailures[c.name] != nil || !result.passed {
            withKnownIssue(isIntermittent: true) { #expect(ours == theirs.stdout) }
        } else {
            #expect(ours == theirs.stdout)
        }
    }
}

/// The build options and CLI flags of a case.json.
struct ConformanceFlags {
    var flags: [String] = []
    var dir = "."
    var options = BuildOptions()

    init(json: String) {
        guard let value = try? JSONParser.parse(json) else { return }
        flags = (value["kustomize_flags"]?.arrayValue ?? []).compactMap(\.stringValue)
        dir = value["dir"]?.stringValue ?? "."
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
