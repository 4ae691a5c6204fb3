import Foundation
import GoCompat
import HelmEngine
import KubeClient
import KubeModel
import StructuredData
import SharedTestData
import Testing
@testable import HelmActions

/// podinfo 6.5.3 rendered by HelmEngine and driven through every action on the embedded API server.
@Suite("podinfo 6.5.3 end to end", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct PodinfoTests {
    static let chartPath = SharedConformance.path("charts/podinfo-6.5.3")
    static let deployments = APIResource(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)

    static func render(_ values: JSONObject, revision: Int, upgrade: Bool) throws -> RenderedChart {
        let chart = try ChartLoader().load(path: chartPath)
        return try RenderedChart.render(chart, values: values, releaseName: "podinfo", namespace: "default",
                                        revision: revision, isUpgrade: upgrade)
    }

    static func replicas(_ client: KubeClient) async throws -> Int64? {
        try await client.get(deployments, namespace: "default", name: "podinfo").raw[path: ["spec", "replicas"]]?.intValue
    }

    @Test("install, test, upgrade, rollback and uninstall podinfo with --wait", .enabled(if: FileManager.default.fileExists(atPath: chartPath)))
    func lifecycle() async throws {
        try await TestCluster.with { client in
            var config = ActionConfiguration(client: client, namespace: "default")
            let lines = LogLines()
            config.log = HelmLog { lines.append($0) }
            config.hookInterval = .milliseconds(50)
            config.waitInterval = .milliseconds(200)
            let waiting = WaitOptions(wait: true, waitForJobs: true, timeout: GoDuration(nanoseconds: 60_000_000_000))
            let kubelet = FakeKubelet(client: client, namespace: "default")
            defer { kubelet.task.cancel() }

            let v1 = try Self.render([:], revision: 1, upgrade: false)
            #expect(v1.chart.name == "podinfo" && v1.chart.version == "6.5.3" && v1.chart.appVersion == "6.5.3")
            #expect(v1.manifest.contains("# Source: podinfo/templates/deployment.yaml"))
            #expect(v1.hooks.allSatisfy { $0.runs(on: .test) } && !v1.hooks.isEmpty)
            var install = Install(releaseName: "podinfo", namespace: "default")
            install.wait = waiting
            let installed = try await install.run(config, chart: v1)
            #expect(installed.status == .deployed && installed.info?.notes.contains("podinfo") == true)
            let deployment = try await client.get(Self.deployments, namespace: "default", name: "podinfo")
            #expect(deployment.labels["app.kubernetes.io/managed-by"] == "Helm")
            #expect(try await Self.replicas(client) == 1)
            // --wait returned only once the Deployment's new ReplicaSet was ready.
            let replicaSets = try await client.listAll(APIResource(group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true), in: .named("default"))
            #expect(replicaSets.items.contains { $0.raw[path: ["status", "readyReplicas"]]?.intValue == 1 })

            // The record read back by a fresh reader equals what was written, field for field.
            let reread = try await SecretDriver(client: client, namespace: "default").get("sh.helm.release.v1.podinfo.v1")
            // (An empty config is omitted from the JSON, as Go's omitempty does, so compare the JSON.)
            #expect(reread.jsonBytes() == installed.jsonBytes())
            // (Values are Go float64s: HelmEngine's 1.0 re-reads as the integer 1, same JSON.)
            #expect(reread.hooks == installed.hooks && reread.info == installed.info)
            #expect(reread.chart?.metadata == installed.chart?.metadata && reread.chart?.templates == installed.chart?.templates)

            let tested = try await ReleaseTesting(releaseName: "podinfo").run(config)
            #expect(tested.hooks.allSatisfy { $0.lastRun.phase == .succeeded })

            let v2 = try Self.render(["replicaCount": 2], revision: 2, upgrade: true)
            var upgrade = Upgrade(releaseName: "podinfo", namespace: "default")
            upgrade.wait = waiting
            let upgraded = try await upgrade.run(config, chart: v2, values: ["replicaCount": 2])
            #expect(upgraded.version == 2 && upgraded.config == ["replicaCount": 2])
            #expect(try await Self.replicas(client) == 2)
            // Helm's debug lines, in Helm's order (readiness lines may repeat in between).
            let logged = lines.all.filter { !$0.contains("is not ready") && !$0.hasPrefix("Pod ") && !$0.contains("Watching for changes") }
            #expect(Array(logged.prefix(2)) == ["creating 2 resource(s)", "beginning wait for 2 resources with timeout of 1m0s"])
            #expect(logged.contains("preparing upgrade for podinfo"))
            #expect(logged.contains("Patch Deployment \"podinfo\" in namespace default"))
            #expect(logged.contains("Looks like there are no changes for Service \"podinfo\""))
            #expect(logged.last == "updating status for upgraded release for podinfo")

            var rollback = Rollback(releaseName: "podinfo")
            rollback.wait = waiting
            let rolled = try await rollback.run(config)
            #expect(rolled.version == 3 && rolled.info?.description == "Rollback to 1")
            #expect(try await Self.replicas(client) == 1)
            #expect(try await config.storage.history("podinfo").map(\.status) == [.superseded, .superseded, .deployed])

            var uninstall = Uninstall(releaseName: "podinfo")
            uninstall.wait = waiting
            try await uninstall.run(config)
            await #expect(throws: KubeClientError.self) { try await client.get(Self.deployments, namespace: "default", name: "podinfo") }
            await #expect(throws: HelmActionsError.releaseNotFound) { try await config.storage.history("podinfo") }
            await kubelet.stop()
        }
    }
}

/// Collects Helm debug lines from any task.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
