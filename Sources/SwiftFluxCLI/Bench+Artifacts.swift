import ArgumentParser
import ArtifactStorage
import Foundation
import HelmEngine
import HelmRepo

/// `swiftflux bench artifacts`: the source-controller artifact path without the network —
/// digest throughput per algorithm, the per-HelmChart storage sequence (lock, copy, symlink,
/// integrity re-check, garbage collection) for many charts, values-files packaging of a chart,
/// and index parsing, with the process's peak RSS.
struct BenchArtifactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artifacts",
        abstract: "Measure artifact storage, digest and chart packaging throughput"
    )

    @Option(help: "Chart directory to package and store.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    @Option(help: "How many HelmChart artifacts to store.")
    var charts: Int = 1000

    @Option(help: "Megabytes hashed per digest algorithm.")
    var megabytes: Int = 64

    func run() async throws {
        let data = [UInt8](repeating: 0x5a, count: megabytes << 20)
        for algorithm in DigestAlgorithm.allCases {
            let start = ContinuousClock.now
            _ = algorithm.digest(data)
            let seconds = Self.seconds(ContinuousClock.now - start)
            print(String(format: "digest %@: %.0f MB/s", algorithm.rawValue, Double(megabytes) * 1.048576 / seconds))
        }

        let archive = try Self.archive(chart)
        let root = FileManager.default.temporaryDirectory.path + "/swiftflux-bench-artifacts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let storage = try Storage(basePath: root, hostname: "127.0.0.1:9090")
        var start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for i in stride(from: worker, to: charts, by: 4) {
                        let path = Storage.artifactPath(kind: "HelmChart", namespace: "bench", name: "chart-\(i)", fileName: "podinfo-6.5.3.tgz")
                        try await storage.makeDirectory(for: path)
                        let lock = try await storage.lock(path)
                        let stored = try await storage.copy(archive, to: path)
                        _ = try await storage.symlink(path, linkName: "latest.tar.gz")
                        lock.unlock()
                        try await storage.verify(path, digest: stored.digest)
                        _ = try await storage.garbageCollect(currentPath: path)
                    }
                }
            }
            try await group.waitForAll()
        }
        var seconds = Self.seconds(ContinuousClock.now - start)
        print(String(format: "store %d charts of %d bytes (lock, atomic copy, symlink, verify, gc; 4 workers): %.2f s, %.0f charts/s",
                     charts, archive.count, seconds, Double(charts) / seconds))

        let repo = MemoryRepository(archive: archive, name: "podinfo", version: "6.5.3")
        var options = ChartBuildOptions()
        options.valuesFiles = ["values.yaml", "values-prod.yaml"]
        options.versionMetadata = "1"
        let builds = 200
        start = ContinuousClock.now
        for i in 0..<builds {
            _ = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "*"),
                                                                    to: root + "/built-\(i % 4).tgz", options: options)
        }
        seconds = Self.seconds(ContinuousClock.now - start)
        print(String(format: "package with values files (load, merge, re-package): %.0f charts/s", Double(builds) / seconds))

        let index = Self.syntheticIndex(charts: 200, versions: 50)
        start = ContinuousClock.now
        let parsed = try IndexFile(bytes: index)
        let json = parsed.jsonBytes()
        seconds = Self.seconds(ContinuousClock.now - start)
        print(String(format: "index of %d entries (%.1f MB YAML): parse + sort + JSON in %.2f s (%d bytes stored)",
                     200 * 50, Double(index.count) / 1e6, seconds, json.count))
        print("peak RSS: \(Self.peakRSS())")
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    /// The chart directory as a `.tgz` (files under `<name>/`, sorted), plus a values-prod.yaml.
    static func archive(_ directory: String) throws -> [UInt8] {
        var builder = TarGzBuilder()
        let name = (directory as NSString).lastPathComponent.components(separatedBy: "-").first ?? "chart"
        for relative in try FileManager.default.subpathsOfDirectory(atPath: directory).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            builder.addFile(name + "/" + relative, Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relative))))
        }
        builder.addFile(name + "/values-prod.yaml", Array("replicaCount: 3\n".utf8))
        return try builder.build()
    }

    static func syntheticIndex(charts: Int, versions: Int) -> [UInt8] {
        var text = "apiVersion: v1\nentries:\n"
        for c in 0..<charts {
            text += "  chart-\(c):\n"
            for v in 0..<versions {
                text += "  - apiVersion: v2\n    name: chart-\(c)\n    version: 1.\(v).0\n    created: \"2023-11-07T10:19:36.215213Z\"\n    digest: \(String(repeating: "a", count: 64))\n    urls:\n    - https://charts.example/chart-\(c)-1.\(v).0.tgz\n"
            }
        }
        return Array((text + "generated: \"2023-12-01T10:00:00Z\"\n").utf8)
    }

    static func peakRSS() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}

/// One chart served from memory (no network in the benchmark).
private struct MemoryRepository: ChartDownloader {
    let archive: [UInt8]
    let name: String
    let version: String

    func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion {
        var metadata = ChartMetadata()
        metadata.name = self.name
        metadata.version = self.version
        return ChartVersion(metadata: metadata, urls: ["mem://\(self.name)"])
    }

    func verify(_ chart: ChartVersion) async throws(HelmRepoError) {}

    func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8] { archive }
}
