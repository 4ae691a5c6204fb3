import AsyncHTTPClient
import ArtifactStorage
import Foundation
import HelmEngine
import SharedTestData
import StructuredData
import Testing
@testable import HelmRepo

/// A repository held in memory: an index and chart archives by URL.
struct MemoryRepository: ChartDownloader {
    var index: IndexFile
    var charts: [String: [UInt8]]
    var downloads = Counter()

    final class Counter: @unchecked Sendable {
        var value = 0
    }

    func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion {
        try VersionResolution.chartVersion(in: index, name: name, version: version)
    }

    func verify(_ chart: ChartVersion) async throws(HelmRepoError) {}

    func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8] {
        downloads.value += 1
        guard let bytes = chart.urls?.first.flatMap({ charts[$0] }) else { throw HelmRepoError(.fetch, "failed to fetch \(chart.urls?.first ?? "") : 404 Not Found") }
        if bytes.count > maxSize { throw HelmRepoError(.sizeLimit, "size of chart '\(chart.name)-\(chart.version).tgz' exceeds '\(maxSize)' bytes limit") }
        return bytes
    }

    static func with(_ charts: [(name: String, version: String, archive: [UInt8])]) throws -> MemoryRepository {
        var entries: [String: [ChartVersion?]] = [:]
        var files: [String: [UInt8]] = [:]
        for chart in charts {
            var metadata = ChartMetadata()
            metadata.name = chart.name
            metadata.version = chart.version
            metadata.apiVersion = "v2"
            let url = "\(chart.name)-\(chart.version).tgz"
            entries[chart.name, default: []].append(ChartVersion(metadata: metadata, urls: [url]))
            files[url] = chart.archive
        }
        return MemoryRepository(index: IndexFile(entries: entries), charts: files)
    }
}

@Suite("Remote chart builds: pull, package with values files, cache, bad input", .enabled(if: SharedConformance.isAvailable))
struct ChartBuilderTests {
    @Test("without values files the chart is stored exactly as downloaded")
    func pull() async throws {
        let archive = try podinfoArchive()
        let repo = try MemoryRepository.with([("podinfo", "6.5.3", archive)])
        let out = TempDir()
        defer { out.remove() }
        let build = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "6.5.x"),
                                                                          to: out.path + "/podinfo.tgz", options: ChartBuildOptions())
        #expect(build == ChartBuild(name: "podinfo", version: "6.5.3", path: out.path + "/podinfo.tgz", valuesFiles: [], packaged: false))
        #expect(build.summary == "pulled 'podinfo' chart with version '6.5.3'")
        #expect(out.read("podinfo.tgz") == archive)
    }

    @Test("values files are merged into values.yaml and the version gets the generation")
    func packaged() async throws {
        let archive = try chartArchive(name: "demo", version: "1.2.0", files: [
            ("values.yaml", "replicaCount: 1\nimage:\n  repository: ghcr.io/demo\n  tag: \"1.2.0\"\nlist: [a, b]\n"),
            ("values-prod.yaml", "replicaCount: 3\nimage:\n  tag: \"1.2.0-prod\"\nlist: [c]\nextra: true\n"),
            ("templates/cm.yaml", "kind: ConfigMap\n"),
        ])
        let repo = try MemoryRepository.with([("demo", "1.2.0", archive)])
        let out = TempDir()
        defer { out.remove() }
        var options = ChartBuildOptions()
        options.valuesFiles = ["values.yaml", "values-prod.yaml"]
        options.versionMetadata = "3"
        let build = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "demo", version: ""), to: out.path + "/demo.tgz", options: options)
        #expect(build.version == "1.2.0+3")
        #expect(build.packaged)
        #expect(build.valuesFiles == ["values.yaml", "values-prod.yaml"])
        #expect(build.summary == "packaged 'demo' chart with version '1.2.0+3' and merged values files [values.yaml values-prod.yaml]")
        let chart = try ChartLoader().loadArchive(try #require(out.read("demo.tgz")))
        #expect(chart.metadata.version == "1.2.0+3")
        let files = try ChartLoader().archiveFiles(try #require(out.read("demo.tgz")))
        let values = String(decoding: try #require(files.first { $0.name == "values.yaml" }).data, as: UTF8.self)
        #expect(values == "extra: true\nimage:\n  repository: ghcr.io/demo\n  tag: 1.2.0-prod\nlist:\n- c\nreplicaCount: 3\n")
        let chartYAML = String(decoding: try #require(files.first { $0.name == "Chart.yaml" }).data, as: UTF8.self)
        #expect(chartYAML == "apiVersion: v2\nname: demo\nversion: 1.2.0+3\n")
        #expect(files.map(\.name) == ["Chart.yaml", "values.yaml", "templates/cm.yaml", "values-prod.yaml"])
    }

    @Test("a stored chart with the same name and version is reused without downloading")
    func cached() async throws {
        let archive = try podinfoArchive()
        let repo = try MemoryRepository.with([("podinfo", "6.5.3", archive)])
        let out = TempDir()
        defer { out.remove() }
        FileManager.default.createFile(atPath: out.path + "/stored.tgz", contents: Data(archive))
        var options = ChartBuildOptions()
        options.cachedChart = out.path + "/stored.tgz"
        let build = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "*"), to: out.path + "/new.tgz", options: options)
        #expect(build.path == out.path + "/stored.tgz")
        #expect(repo.downloads.value == 0)
        options.force = true
        let forced = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "*"), to: out.path + "/new.tgz", options: options)
        #expect(forced.path == out.path + "/new.tgz")
        #expect(repo.downloads.value == 1)
    }

    @Test("build failures carry source-controller's reasons and messages")
    func failures() async throws {
        let demo = try chartArchive(name: "demo", version: "1.0.0", files: [("values.yaml", "a: 1\n"), ("bad.yaml", "- not a map\n")])
        let noValues = try chartArchive(name: "novalues", version: "1.0.0")
        let repo = try MemoryRepository.with([("demo", "1.0.0", demo), ("novalues", "1.0.0", noValues)])
        let builder = RemoteChartBuilder(repository: repo)
        let out = TempDir()
        defer { out.remove() }
        func expectError(_ ref: RemoteReference, _ options: ChartBuildOptions, _ reason: ChartBuildReason, _ message: String) async {
            await #expect(throws: HelmRepoError(.build, message, buildReason: reason)) {
                try await builder.build(ref, to: out.path + "/x.tgz", options: options)
            }
            #expect(out.read("x.tgz") == nil)
        }
        await expectError(RemoteReference(name: "demo", version: "2.x"), ChartBuildOptions(), .chartReference,
                          "invalid chart reference: failed to get chart version for remote reference: no 'demo' chart with version matching '2.x' found")
        await expectError(RemoteReference(name: "Demo", version: ""), ChartBuildOptions(), .chartReference,
                          "invalid chart reference: invalid chart name 'Demo': a valid name must be lower case letters and numbers and MAY be separated with dashes (-) or slashes (/)")
        var missing = ChartBuildOptions()
        missing.valuesFiles = ["values.yaml", "nope.yaml"]
        missing.versionMetadata = "1"
        await expectError(RemoteReference(name: "demo", version: ""), missing, .valuesFilesMerge,
                          "values files merge error: failed to merge chart values: no values file found at path 'nope.yaml'")
        var bad = ChartBuildOptions()
        bad.valuesFiles = ["bad.yaml"]
        await expectError(RemoteReference(name: "demo", version: ""), bad, .valuesFilesMerge,
                          "values files merge error: failed to merge chart values: unmarshaling values from 'bad.yaml' failed: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}")
        var withValues = ChartBuildOptions()
        withValues.valuesFiles = ["values.yaml"]
        withValues.versionMetadata = "1"
        await expectError(RemoteReference(name: "novalues", version: ""), withValues, .valuesFilesMerge,
                          "values files merge error: failed to locate values file: values.yaml")
        var small = ChartBuildOptions()
        small.limits = ChartLoader.Limits(maxChartSize: 100, maxFileSize: 50)
        await expectError(RemoteReference(name: "demo", version: ""), small, .chartPull,
                          "chart pull error: failed to download chart for remote reference: size of chart 'demo-1.0.0.tgz' exceeds '100' bytes limit")
    }

    @Test("chart archives with ../ entries or that inflate into a bomb are refused and not stored")
    func hostileArchives() async throws {
        let traversal = try chartArchive(name: "evil", version: "1.0.0", rawEntries: [("evil/../../etc/cron.d/x", Array("x".utf8))])
        var bomb = TarGzBuilder()
        bomb.addFile("bomb/Chart.yaml", Array("apiVersion: v2\nname: bomb\nversion: 1.0.0\n".utf8))
        bomb.addFile("bomb/zeros.bin", [UInt8](repeating: 0, count: 24 << 20))
        let bombArchive = try bomb.build()
        #expect(bombArchive.count < 1 << 20)
        let repo = try MemoryRepository.with([("evil", "1.0.0", traversal), ("bomb", "1.0.0", bombArchive)])
        let builder = RemoteChartBuilder(repository: repo)
        let out = TempDir()
        defer { out.remove() }
        await #expect(throws: HelmRepoError(.build, "chart pull error: failed to load chart metadata from written chart: chart illegally references parent directory", buildReason: .chartPull)) {
            try await builder.build(RemoteReference(name: "evil", version: ""), to: out.path + "/evil.tgz", options: ChartBuildOptions())
        }
        var packaging = ChartBuildOptions()
        packaging.valuesFiles = ["values.yaml", "x.yaml"]
        await #expect(throws: HelmRepoError(.build, "chart package error: failed to load downloaded chart: decompressed chart is larger than the maximum size 10485760", buildReason: .chartPackage)) {
            try await builder.build(RemoteReference(name: "bomb", version: ""), to: out.path + "/bomb.tgz", options: packaging)
        }
        #expect(out.read("evil.tgz") == nil && out.read("bomb.tgz") == nil)
    }
}
