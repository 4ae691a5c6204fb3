import Foundation
import SharedTestData
import Testing

/// `helm template` against `swiftflux helm template`: the same chart must print the same bytes
/// on stdout and stderr with the same exit status. Skipped only when the Helm binary (or the
/// built `swiftflux` executable) is absent.
@Suite("helm template parity with the real Helm v3.13.2", .enabled(if: HelmOracle.isAvailable, "helm binary or swiftflux executable is absent"))
struct RenderParityTests {
    /// The charts written for this suite (one per Sprig/Helm function family) plus the shared
    /// conformance charts.
    static let charts: [String] = {
        let fm = FileManager.default
        let own = (try? fm.contentsOfDirectory(atPath: HelmOracle.fixtures + "/charts")) ?? []
        var paths = own.sorted().map { HelmOracle.fixtures + "/charts/" + $0 }
        let shared = SharedConformance.path("charts")
        for name in ((try? fm.contentsOfDirectory(atPath: shared)) ?? []).sorted() { paths.append(shared + "/" + name) }
        return paths
    }()

    static let cases: [String] = {
        let dir = HelmOracle.fixtures + "/cases"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static let caseValues = "x: 1\nname: parity\na:\n  b: null\nlist: [1, 2]\n"

    static func expectSame(_ args: [String], home: String, directory: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var (helm, swiftflux) = try await HelmOracle.both(args, home: home, directory: directory)
        helm.stdout = maskRandomNames(helm.stdout)
        swiftflux.stdout = maskRandomNames(swiftflux.stdout)
        #expect(swiftflux == helm, "helm \(args.joined(separator: " "))", sourceLocation: sourceLocation)
    }

    /// podinfo names its test pods `…-test-` plus `randAlphaNum 5 | lower`: the only bytes
    /// that differ between two runs of the same program.
    static func maskRandomNames(_ text: String) -> String {
        text.replacing(#/-test-[a-z0-9]{5}\n/#, with: "-test-XXXXX\n")
    }

    @Test("each fixture and conformance chart renders to the same bytes", arguments: charts)
    func chart(_ path: String) async throws {
        let home = try HelmOracle.scratch("chart")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try await Self.expectSame(["template", "parity", path, "--namespace", "parity-ns"], home: home)
        try await Self.expectSame(["template", "parity", path, "--is-upgrade", "--set", "extra=1", "--kube-version", "1.27.3"], home: home)
    }

    @Test("each single-template case renders or fails with the same bytes", arguments: cases)
    func templateCase(_ file: String) async throws {
        let home = try HelmOracle.scratch("case")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let text = try String(contentsOfFile: HelmOracle.fixtures + "/cases/" + file, encoding: .utf8)
        let chart = try ChartWriter.write(["templates/t.yaml": text, "values.yaml": Self.caseValues], to: home)
        try await Self.expectSame(["template", "parity", chart], home: home)
    }
}
