import ArtifactStorage
import Crypto
import FluxAPI
import Foundation
import GoCompat
import KubeClient
import KubeModel
import StructuredData

/// The chart versions the stand-in source-controller serves, by chart name.
actor PublishedCharts {
    struct Published: Sendable {
        var version: String
        var bytes: [UInt8]
        var digest: String
    }
    private var charts: [String: Published] = [:]
    func set(_ name: String, _ published: Published) { charts[name] = published }
    func get(_ name: String) -> Published? { charts[name] }
}

extension Harness {
    /// Packages `Fixtures/charts/<name>` as version `version` and makes it the chart's artifact.
    func publish(_ name: String, version: String = "0.1.0") async throws {
        let dir = Self.fixtures + "/" + name
        var builder = TarGzBuilder()
        let enumerator = FileManager.default.enumerator(atPath: dir)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String { files.append(path) }
        for path in files.sorted() {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            var data = Array(FileManager.default.contents(atPath: dir + "/" + path) ?? Data())
            if path == "Chart.yaml" {
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "version: 0.1.0", with: "version: \(version)")
                data = Array(text.utf8)
            }
            builder.addFile("\(name)/\(path)", data)
        }
        let bytes = try builder.build()
        let digest = "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        await charts.set(name, PublishedCharts.Published(version: version, bytes: bytes, digest: digest))
    }

    /// A stand-in source-controller: every 50 ms, HelmCharts whose artifact is not the published
    /// version get it (file written under the artifact root, status patched Ready).
    func startFakeSource() {
        let client = self.client, root = artifactRoot, charts = self.charts
        let port = artifactPort
        appendTask(Task {
            while !Task.isCancelled {
                if let list = try? await client.list(HelmChart.self, in: .all) {
                    for chart in list {
                        guard let published = await charts.get(chart.spec.chart) else { continue }
                        if chart.status.artifact?.revision == published.version && chart.observedGeneration == chart.generation { continue }
                        let path = "helmchart/\(chart.namespace)/\(chart.name)/\(chart.spec.chart)-\(published.version).tgz"
                        let file = root + "/" + path
                        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                        FileManager.default.createFile(atPath: file, contents: Data(published.bytes))
                        let now = GoTime.now().rfc3339
                        let status: JSONValue = [
                            "observedGeneration": .int(chart.generation),
                            "observedChartName": .string(chart.spec.chart),
                            "conditions": [["type": "Ready", "status": "True", "reason": "ChartPullSucceeded",
                                            "message": .string("pulled '\(chart.spec.chart)' chart with version '\(published.version)'"),
                                            "lastTransitionTime": .string(now), "observedGeneration": .int(chart.generation)]],
                            "artifact": ["path": .string(path), "url": .string("http://127.0.0.1:\(port)/\(path)"),
                                         "revision": .string(published.version), "digest": .string(published.digest),
                                         "lastUpdateTime": .string(now), "size": .int(Int64(published.bytes.count))],
                        ]
                        _ = try? await client.patch(HelmChart.apiResource, namespace: chart.namespace, name: chart.name, type: .merge,
                                                    body: ["status": status], subresource: "status")
                    }
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        })
    }
}
