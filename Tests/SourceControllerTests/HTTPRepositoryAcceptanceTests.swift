import ArtifactStorage
import AsyncHTTPClient
import FluxAPI
import Foundation
import HelmEngine
import HelmRepo
import KubeModel
import RegistryTesting
import SharedTestData
import Testing

@Suite("HelmRepository over HTTP and its HelmChart on the embedded API server", .serialized,
       .enabled(if: TestTools.helm() != nil && SharedConformance.isAvailable))
struct HTTPRepositoryAcceptanceTests {
    static func sha256(_ bytes: [UInt8]) -> String { DigestAlgorithm.sha256.digest(bytes).description }

    /// GETs `url` (the artifact server is plain HTTP on loopback).
    static func download(_ url: String) async throws -> (status: Int, body: [UInt8]) {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 64 << 20)
            try await http.shutdown()
            return (Int(response.status.code), Array(body.readableBytesView))
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    @Test("an HTTP repository yields a Ready chart whose artifact downloads, matches its digest and loads; a re-reconcile writes nothing new")
    func readyChart() async throws {
        let podinfo = try await Podinfo.shared.package()
        let repo = ChartRepositoryServer(files: ["index.yaml": podinfo.index, "podinfo-6.5.3.tgz": podinfo.tgz])
        try await repo.run { base in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("podinfo", source: "podinfo"))
                let chart = try await h.waitForChart("podinfo") { $0.isReady }
                let repository = try await h.helmRepository("podinfo")
                let adv = h.handle.advertisedAddress

                // HelmRepository status, field by field.
                let revision = Self.sha256(podinfo.index)
                let hex = String(revision.dropFirst("sha256:".count))
                let stored = try #require(repository.status.artifact)
                #expect(repository.summary == [
                    C("Ready", "True", "Succeeded", "stored artifact: revision '\(revision)'"),
                    C("ArtifactInStorage", "True", "Succeeded", "stored artifact: revision '\(revision)'"),
                ])
                #expect(repository.status.observedGeneration == 1)
                #expect(stored.revision == revision)
                #expect(stored.path == "helmrepository/flux-test/podinfo/index-\(hex).yaml")
                #expect(stored.url == "http://\(adv)/helmrepository/flux-test/podinfo/index-\(hex).yaml")
                #expect(repository.status.url == "http://\(adv)/helmrepository/flux-test/podinfo/index.yaml")
                let index = try await Self.download(stored.url)
                #expect(index.status == 200 && Self.sha256(index.body) == stored.digest && Int64(index.body.count) == stored.size)
                #expect(try await h.events("HelmRepository", "podinfo", reason: "NewArtifact") == [
                    .init(type: "Normal", reason: "NewArtifact",
                          message: "stored fetched index of size \(HumanSize.string(stored.size ?? 0)) from '\(base)/charts/'",
                          annotations: ["source.toolkit.fluxcd.io/revision": revision, "source.toolkit.fluxcd.io/digest": stored.digest ?? ""],
                          count: 1),
                ])

                // HelmChart status, field by field.
                let artifact = try #require(chart.status.artifact)
                #expect(chart.summary == [
                    C("Ready", "True", "ChartPullSucceeded", "pulled 'podinfo' chart with version '6.5.3'"),
                    C("ArtifactInStorage", "True", "ChartPullSucceeded", "pulled 'podinfo' chart with version '6.5.3'"),
                ])
                #expect(chart.status.observedGeneration == 1)
                #expect(chart.conditions.allSatisfy { $0.observedGeneration == 1 && !$0.lastTransitionTime.isEmpty })
                #expect(repository.conditions.allSatisfy { $0.observedGeneration == 1 && !$0.lastTransitionTime.isEmpty })
                #expect(chart.status.observedChartName == "podinfo")
                #expect(chart.status.observedSourceArtifactRevision == revision)
                #expect(artifact.revision == "6.5.3")
                #expect(artifact.path == "helmchart/flux-test/podinfo/podinfo-6.5.3.tgz")
                #expect(artifact.url == "http://\(adv)/helmchart/flux-test/podinfo/podinfo-6.5.3.tgz")
                #expect(chart.status.url == "http://\(adv)/helmchart/flux-test/podinfo/latest.tar.gz")
                #expect(artifact.digest == Self.sha256(podinfo.tgz))
                #expect(artifact.size == Int64(podinfo.tgz.count))
                let served = try await Self.download(artifact.url)
                #expect(served.status == 200 && Self.sha256(served.body) == artifact.digest)
                #expect(try ChartLoader().loadArchive(served.body).metadata.version == "6.5.3")
                let latest = try await Self.download(chart.status.url ?? "")
                #expect(latest.body == served.body)
                let pulled = SourceHarness.RecordedEvent(
                    type: "Normal", reason: "ChartPullSucceeded", message: "pulled 'podinfo' chart with version '6.5.3'",
                    annotations: ["source.toolkit.fluxcd.io/revision": "6.5.3", "source.toolkit.fluxcd.io/digest": artifact.digest ?? ""],
                    count: 1)
                #expect(try await h.events("HelmChart", "podinfo", reason: "ChartPullSucceeded") == [pulled])

                // Nothing new: no new file, no new event but the Trace ArtifactUpToDate.
                try await h.requestReconcile(HelmChart.self, "podinfo", token: "again")
                let again = try await h.waitForChart("podinfo") { $0.status.lastHandledReconcileAt == "again" && $0.isReady }
                #expect(again.status.artifact == artifact)
                #expect(try await h.events("HelmChart", "podinfo", reason: "ChartPullSucceeded") == [pulled])
                #expect(try await h.events("HelmChart", "podinfo", reason: "ArtifactUpToDate").map(\.message)
                        == ["artifact up-to-date with remote revision: '6.5.3'"])
                let files = try FileManager.default.contentsOfDirectory(atPath: h.storage + "/helmchart/flux-test/podinfo").sorted()
                #expect(files == ["latest.tar.gz", "podinfo-6.5.3.tgz", "podinfo-6.5.3.tgz.lock"])

                try await h.requestReconcile(HelmRepository.self, "podinfo", token: "again")
                _ = try await h.waitForRepository("podinfo") { $0.status.lastHandledReconcileAt == "again" && $0.isReady }
                #expect(try await h.events("HelmRepository", "podinfo", reason: "NewArtifact").count == 1)
                #expect(try await h.events("HelmRepository", "podinfo", reason: "ArtifactUpToDate").map(\.message)
                        == ["artifact up-to-date with remote revision: '\(revision)'"])
            }
        }
    }
}
