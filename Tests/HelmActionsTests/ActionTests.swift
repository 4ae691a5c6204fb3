import GoCompat
import KubeClient
import KubeModel
import StructuredData
import Testing
@testable import HelmActions

/// Manifests written for these tests, shaped like rendered Helm output.
enum Manifests {
    static func configMap(_ name: String, _ data: String, annotations: String = "") -> String {
        "---\n# Source: demo/templates/\(name).yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n\(annotations)data:\n  key: \(data)\n"
    }

    static func hook(_ name: String, kind: String = "ConfigMap", events: [HookEvent], weight: Int = 0,
                     policies: [HookDeletePolicy] = [], fail: Bool = false) -> Hook {
        let body: String
        if kind == "Pod" {
            body = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\n  annotations:\n    swiftflux.dev/simulate: \"\(fail ? "fail" : "no")\"\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: busybox\n"
        } else {
            body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  hook: \"yes\"\n"
        }
        return Hook(name: name, kind: kind, path: "demo/templates/\(name).yaml", manifest: body, events: events,
                    weight: weight, deletePolicies: policies)
    }

    static func chart(_ version: String = "1.0.0") -> ChartRecord {
        ChartRecord(metadata: ChartRecord.goOrderedMetadata(["apiVersion": "v2", "name": "demo", "version": .string(version)]))
    }
}

@Suite("Helm actions against the embedded API server")
struct ActionTests {
    static let cms = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)

    static func config(_ client: KubeClient) -> ActionConfiguration {
        var c = ActionConfiguration(client: client, namespace: "default")
        c.waitInterval = .milliseconds(100)
        c.hookInterval = .milliseconds(50)
        return c
    }

    static func data(_ client: KubeClient, _ name: String) async throws -> String? {
        try await client.get(cms, namespace: "default", name: name).raw[path: ["data", "key"]]?.stringValue
    }

    @Test("install, upgrade, rollback and uninstall keep Helm's statuses, descriptions and objects")
    func lifecycle() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            let keep = "  annotations:\n    helm.sh/resource-policy: keep\n"
            let v1 = RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one") + Manifests.configMap("b", "bee")
                                   + Manifests.configMap("kept", "k", annotations: keep), notes: "hello")
            let installed = try await Install(releaseName: "demo", namespace: "default").run(config, chart: v1, values: ["x": 1])
            #expect(installed.status == .deployed && installed.info?.description == "Install complete" && installed.version == 1)
            let live = try await client.get(Self.cms, namespace: "default", name: "a")
            #expect(live.labels["app.kubernetes.io/managed-by"] == "Helm")
            #expect(live.annotations["meta.helm.sh/release-name"] == "demo" && live.annotations["meta.helm.sh/release-namespace"] == "default")

            await #expect(throws: HelmActionsError.message("cannot re-use a name that is still in use")) {
                try await Install(releaseName: "demo", namespace: "default").run(config, chart: v1)
            }

            // Live drift on a field the chart never set survives the three-way patch.
            _ = try await client.patch(Self.cms, namespace: "default", name: "a", type: .merge, body: ["data": ["extra": "live"]])
            let v2 = RenderedChart(chart: Manifests.chart("2.0.0"), manifest: Manifests.configMap("a", "two") + Manifests.configMap("c", "sea")
                               + Manifests.configMap("kept", "k", annotations: keep))
            let upgraded = try await Upgrade(releaseName: "demo", namespace: "default").run(config, chart: v2)
            #expect(upgraded.version == 2 && upgraded.status == .deployed && upgraded.info?.description == "Upgrade complete")
            #expect(upgraded.config == ["x": 1])  // no new values: the current config is reused
            #expect(try await Self.data(client, "a") == "two")
            #expect(try await client.get(Self.cms, namespace: "default", name: "a").raw[path: ["data", "extra"]] == "live")
            await #expect(throws: KubeClientError.self) { try await client.get(Self.cms, namespace: "default", name: "b") }
            #expect(try await Self.data(client, "kept") == "k")
            #expect(try await config.storage.history("demo").map(\.status) == [.superseded, .deployed])

            let rolled = try await Rollback(releaseName: "demo").run(config)
            #expect(rolled.version == 3 && rolled.status == .deployed && rolled.info?.description == "Rollback to 1")
            #expect(rolled.info?.notes == "hello" && rolled.chart?.version == "1.0.0")
            #expect(try await Self.data(client, "a") == "one")
            #expect(try await Self.data(client, "b") == "bee")
            #expect(try await config.storage.history("demo").map(\.status) == [.superseded, .superseded, .deployed])
            await #expect(throws: HelmActionsError.message("release has no 9 version")) {
                var r = Rollback(releaseName: "demo")
                r.version = 9
                try await r.run(config)
            }

            var uninstall = Uninstall(releaseName: "demo")
            uninstall.wait = WaitOptions(wait: true, timeout: GoDuration(nanoseconds: 10_000_000_000))
            let response = try await uninstall.run(config)
            #expect(response.info == "These resources were kept due to the resource policy:\n[ConfigMap] kept\n")
            #expect(response.release.status == .uninstalled && response.release.info?.description == "Uninstallation complete")
            await #expect(throws: HelmActionsError.releaseNotFound) { try await config.storage.history("demo") }
            await #expect(throws: KubeClientError.self) { try await client.get(Self.cms, namespace: "default", name: "a") }
            #expect(try await Self.data(client, "kept") == "k")
        }
    }

    @Test("objects not owned by the release cannot be adopted, owned ones can")
    func adoption() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            _ = try await client.create(KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "default"]]))
            let chart = RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one"))
            await #expect(throws: HelmActionsError.message(#"Unable to continue with install: ConfigMap "a" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "demo"; annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "default""#)) {
                try await Install(releaseName: "demo", namespace: "default").run(config, chart: chart)
            }
            await #expect(throws: HelmActionsError.releaseNotFound) { try await config.storage.history("demo") }
            _ = try await client.patch(Self.cms, namespace: "default", name: "a", type: .merge, body: ["metadata": [
                "labels": ["app.kubernetes.io/managed-by": "Helm"],
                "annotations": ["meta.helm.sh/release-name": "demo", "meta.helm.sh/release-namespace": "default"]]])
            let installed = try await Install(releaseName: "demo", namespace: "default").run(config, chart: chart)
            #expect(installed.status == .deployed)
            #expect(try await Self.data(client, "a") == "one")
        }
    }

    @Test("hooks run by weight then name, delete policies apply, and a failing hook fails the release")
    func hooks() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            let kubelet = FakeKubelet(client: client, namespace: "default")
            defer { kubelet.task.cancel() }
            let hooks = [
                Manifests.hook("h-late", events: [.preInstall], weight: 5),
                Manifests.hook("h-b", events: [.preInstall], weight: -1, policies: [.hookSucceeded]),
                Manifests.hook("h-a", events: [.preInstall], weight: -1),
                Manifests.hook("h-pod", kind: "Pod", events: [.postInstall], policies: [.hookSucceeded]),
            ]
            let chart = RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one"), hooks: hooks)
            let installed = try await Install(releaseName: "demo", namespace: "default").run(config, chart: chart)
            #expect(installed.status == .deployed)
            let pre = installed.hooks.filter { $0.runs(on: .preInstall) }.sorted { $0.lastRun.startedAt < $1.lastRun.startedAt }
            #expect(pre.map(\.name) == ["h-a", "h-b", "h-late"])
            #expect(installed.hooks.allSatisfy { $0.lastRun.phase == .succeeded })
            #expect(installed.hooks.first { $0.name == "h-a" }?.deletePolicies == ["before-hook-creation"])
            // hook-succeeded hooks are gone, others stay; hooks never enter the manifest.
            await #expect(throws: KubeClientError.self) { try await client.get(Self.cms, namespace: "default", name: "h-b") }
            #expect(try await client.get(Self.cms, namespace: "default", name: "h-late").name == "h-late")
            #expect(try await config.storage.get("demo", version: 1).hooks.count == 4)

            // A failing post-upgrade Pod hook leaves the new revision failed and the old one deployed.
            let failing = RenderedChart(chart: Manifests.chart("2.0.0"), manifest: Manifests.configMap("a", "two"),
                                        hooks: [Manifests.hook("bad", kind: "Pod", events: [.postUpgrade], fail: true)])
            var upgrade = Upgrade(releaseName: "demo", namespace: "default")
            upgrade.wait.timeout = GoDuration(nanoseconds: 20_000_000_000)
            await #expect(throws: HelmActionsError.message("post-upgrade hooks failed: pod bad failed")) {
                try await upgrade.run(config, chart: failing)
            }
            let history = try await config.storage.history("demo")
            #expect(history.map(\.status) == [.deployed, .failed])
            #expect(history.last?.info?.description == "Upgrade \"demo\" failed: post-upgrade hooks failed: pod bad failed")
            #expect(history.last?.hooks.first?.lastRun.phase == .failed)
            await kubelet.stop()
        }
    }

    @Test("atomic install uninstalls a failed release; atomic upgrade rolls back")
    func atomic() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            let kubelet = FakeKubelet(client: client, namespace: "default")
            defer { kubelet.task.cancel() }
            let bad = Manifests.hook("bad", kind: "Pod", events: [.preInstall, .preUpgrade], fail: true)
            var install = Install(releaseName: "demo", namespace: "default")
            install.atomic = true
            install.wait.timeout = GoDuration(nanoseconds: 20_000_000_000)
            await #expect(throws: HelmActionsError.message("release demo failed, and has been uninstalled due to atomic being set: failed pre-install: pod bad failed")) {
                try await install.run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one"), hooks: [bad]))
            }
            await #expect(throws: HelmActionsError.releaseNotFound) { try await config.storage.history("demo") }

            try await install.run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one")))
            var upgrade = Upgrade(releaseName: "demo", namespace: "default")
            upgrade.atomic = true
            upgrade.wait.timeout = GoDuration(nanoseconds: 20_000_000_000)
            await #expect(throws: HelmActionsError.message("release demo failed, and has been rolled back due to atomic being set: pre-upgrade hooks failed: pod bad failed")) {
                try await upgrade.run(config, chart: RenderedChart(chart: Manifests.chart("2"), manifest: Manifests.configMap("a", "two"), hooks: [bad]))
            }
            let history = try await config.storage.history("demo")
            #expect(history.map(\.status) == [.superseded, .failed, .deployed])
            #expect(history.last?.info?.description == "Rollback to 1")
            #expect(try await Self.data(client, "a") == "one")
            await kubelet.stop()
        }
    }

    @Test("test hooks pass and fail, with results recorded in the release")
    func testHooks() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            let kubelet = FakeKubelet(client: client, namespace: "default")
            defer { kubelet.task.cancel() }
            let chart = RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "one"), hooks: [
                Manifests.hook("t-pass", kind: "Pod", events: [.test]),
                Manifests.hook("t-fail", kind: "Pod", events: [.test], fail: true),
            ])
            try await Install(releaseName: "demo", namespace: "default").run(config, chart: chart)
            var passing = ReleaseTesting(releaseName: "demo")
            passing.exclude = ["t-fail"]
            let passed = try await passing.run(config)
            #expect(passed.hooks.map(\.name) == ["t-fail", "t-pass"])
            #expect(passed.hooks.map(\.lastRun.phase) == [HookPhase.none, .succeeded])

            await #expect(throws: HelmActionsError.message("pod t-fail failed")) { try await ReleaseTesting(releaseName: "demo").run(config) }
            let stored = try await config.storage.last("demo")
            #expect(stored.hooks.first { $0.name == "t-fail" }?.lastRun.phase == .failed)
            #expect(stored.hooks.first { $0.name == "t-pass" }?.lastRun.phase == .succeeded)
            await kubelet.stop()
        }
    }

    @Test("pending releases block upgrades and rollbacks, --wait waits for Pods, maxHistory prunes")
    func pendingWaitAndHistory() async throws {
        try await TestCluster.with { client in
            let config = Self.config(client)
            let kubelet = FakeKubelet(client: client, namespace: "default")
            defer { kubelet.task.cancel() }
            let pod = "---\n# Source: demo/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
            var install = Install(releaseName: "demo", namespace: "default")
            install.wait = WaitOptions(wait: true, waitForJobs: true, timeout: GoDuration(nanoseconds: 20_000_000_000))
            let installed = try await install.run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: pod))
            #expect(installed.status == .deployed)

            var upgrade = Upgrade(releaseName: "demo", namespace: "default")
            upgrade.maxHistory = 2
            for i in 2...4 {
                try await upgrade.run(config, chart: RenderedChart(chart: Manifests.chart("\(i)"), manifest: Manifests.configMap("a", "v\(i)")))
            }
            #expect(try await config.storage.history("demo").map(\.version) == [3, 4])

            var last = try await config.storage.last("demo")
            last.status = .pendingUpgrade
            try await config.storage.update(last)
            await #expect(throws: HelmActionsError.message("another operation (install/upgrade/rollback) is in progress")) {
                try await upgrade.run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: Manifests.configMap("a", "x")))
            }
            await #expect(throws: HelmActionsError.noDeployedReleases("nothing")) {
                try await Upgrade(releaseName: "nothing", namespace: "default").run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: ""))
            }
            await kubelet.stop()
        }
    }
}
