import ArtifactStorage
import FluxAPI
import Foundation
import KubeModel
import RegistryTesting
import SharedTestData
import Testing

@Suite("Bad input: clear conditions, bounded reads, nothing stored", .serialized,
       .enabled(if: TestTools.helm() != nil && SharedConformance.isAvailable))
struct BadInputTests {
    static func chartDirectoryExists(_ h: SourceHarness, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: h.storage + "/helmchart/flux-test/\(name)")
    }

    @Test("a 100 MB index is read only up to --helm-index-max-size and fails indexation")
    func hugeIndex() async throws {
        let repo = ChartRepositoryServer(files: [:], bigIndexSize: 100 << 20)
        try await repo.run { base in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("big", url: base + "/big"))
                let message = "failed to load Helm repository from index YAML: failed to load index: \(base)/big/index.yaml exceeds the maximum index file size of 52428800 bytes"
                _ = try await h.waitForRepository("big", within: .seconds(60)) {
                    $0.summary == [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                                   C("Ready", "False", "IndexationFailed", message),
                                   C("FetchFailed", "True", "IndexationFailed", message)]
                }
                #expect(!FileManager.default.fileExists(atPath: h.storage + "/helmrepository/flux-test/big"))
            }
        }
    }

    /// With `--helm-chart-max-size` at 1 MiB the 71 kB bomb downloads, and the scan of the
    /// archive stops at 64 MiB of decompressed data.
    @Test("charts that decompress past the limit or climb out of their directory are refused before storage")
    func hostileCharts() async throws {
        var bomb = TarGzBuilder()
        bomb.addFile("bomb/Chart.yaml", Array("apiVersion: v2\nname: bomb\nversion: 1.0.0\n".utf8))
        bomb.addFile("bomb/filler.bin", [UInt8](repeating: 0, count: 70 << 20))
        let bombArchive = try bomb.build()
        var escape = TarGzBuilder()
        escape.addFile("escape/Chart.yaml", Array("apiVersion: v2\nname: escape\nversion: 1.0.0\n".utf8))
        escape.addFile("escape/../../etc/evil.yaml", Array("kind: Evil\n".utf8))
        let escapeArchive = try escape.build()
        let repo = ChartRepositoryServer(files: ["index.yaml": Array(Self.hostileIndex.utf8),
                                                 "bomb-1.0.0.tgz": bombArchive, "escape-1.0.0.tgz": escapeArchive])
        try await repo.run { base in
            try await SourceHarness.with(configure: { $0.helmChartMaxSize = 1 << 20 }) { h in
                try await h.create(Objects.helmRepository("hostile", url: base + "/charts"))
                try await h.create(Objects.helmChart("bomb", chart: "bomb", version: "1.0.0", source: "hostile"))
                try await h.create(Objects.helmChart("escape", chart: "escape", version: "1.0.0", source: "hostile"))

                let bombed = try await h.waitForChart("bomb", within: .seconds(60)) { $0.condition("FetchFailed")?.reason == "ChartPullError" }
                let bombMessage = try #require(bombed.condition("FetchFailed")?.message)
                #expect(bombed.condition("FetchFailed")?.reason == "ChartPullError")
                #expect(bombMessage == "chart pull error: failed to load chart metadata from written chart: gzip: decompressed size exceeds 67108864 bytes",
                        "\(bombMessage)")
                let escaped = try await h.waitForChart("escape") { $0.condition("FetchFailed")?.reason == "ChartPullError" }
                #expect(escaped.condition("FetchFailed").map(C.init)
                        == C("FetchFailed", "True", "ChartPullError", "chart pull error: failed to load chart metadata from written chart: chart illegally references parent directory"))
                #expect(!Self.chartDirectoryExists(h, "bomb") && !Self.chartDirectoryExists(h, "escape"))
            }
        }
    }

    static let hostileIndex = """
        apiVersion: v1
        entries:
          bomb:
          - apiVersion: v2
            name: bomb
            version: 1.0.0
            urls:
            - bomb-1.0.0.tgz
          escape:
          - apiVersion: v2
            name: escape
            version: 1.0.0
            urls:
            - escape-1.0.0.tgz
        generated: "2023-12-01T00:00:00Z"

        """

    @Test("a registry answering garbage or a blob that does not match its digest fails the pull, nothing is stored",
          arguments: [FakeRegistry.Mode.garbageManifest, .wrongLayerDigest])
    func misbehavingRegistry(_ mode: FakeRegistry.Mode) async throws {
        try await FakeRegistry(mode: mode).run { host in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("fake", url: "oci://\(host)/charts", type: .oci, insecure: true))
                try await h.create(Objects.helmChart("podinfo", source: "fake"))
                let chart = try await h.waitForChart("podinfo") { $0.condition("FetchFailed") != nil && $0.isFalse("Ready") }
                let condition = try #require(chart.condition("FetchFailed"))
                let prefix = "chart pull error: failed to download chart for remote reference: failed to get 'oci://\(host)/charts/podinfo:6.5.3': "
                #expect(condition.reason == "ChartPullError")
                switch mode {
                case .garbageManifest:
                    #expect(condition.message == prefix + "invalid manifest: invalid character '<' looking for beginning of value (at offset 0)")
                case .wrongLayerDigest:
                    let promised = DigestAlgorithm.sha256.digest(Array("the chart the manifest promises".utf8)).description
                    let got = DigestAlgorithm.sha256.digest(Array("something else entirely".utf8)).description
                    #expect(condition.message == prefix + "GET \"http://\(host)/v2/charts/podinfo/blobs/\(promised)\": content digest mismatch: expected \(promised), got \(got)")
                }
                #expect(!Self.chartDirectoryExists(h, "podinfo"))
            }
        }
    }
}
