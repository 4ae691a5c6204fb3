import FluxAPI
import HelmActions
import KubeModel
import Testing

@Suite("helm-controller: install, test and upgrade", .serialized)
struct SeedScenarioTests {
    @Test("a HelmRelease with tests enabled installs, tests, and reaches Ready with Flux's events")
    func installAndTest() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            let hr = Harness.release("demo") { spec in
                var test = FluxAPI.Test()
                test.enable = true
                spec.test = test
            }
            _ = try await h.client.create(hr)
            let ready = try await h.waitFor("demo") { $0.isReady && $0.generation == $0.observedGeneration }
            #expect(ready.summary("Ready") == "True TestSucceeded")
            #expect(ready.condition("Ready")?.message == "Helm test succeeded for release default/demo.v1 with chart demo@0.1.0: 1 test hook completed successfully")
            #expect(ready.summary("Released") == "True InstallSucceeded")
            #expect(ready.condition("Released")?.message == "Helm install succeeded for release default/demo.v1 with chart demo@0.1.0")
            #expect(ready.condition("Reconciling") == nil && ready.condition("Stalled") == nil)
            #expect(ready.status.helmChart == "default/default-demo")
            #expect(ready.status.lastAttemptedRevision == "0.1.0")
            #expect(ready.status.lastAttemptedReleaseAction == .install)
            #expect(ready.status.storageNamespace == "default")
            let history = ready.status.history ?? []
            #expect(history.count == 1)
            #expect(history.first?.status == "deployed" && history.first?.version == 1 && history.first?.chartName == "demo")
            #expect(history.first?.testHooks?["demo-test"]?.phase == "Succeeded")
            #expect(history.first?.digest.hasPrefix("sha256:") == true)

            let events = try await h.events(for: "demo")
            let reasons = events.map(\.reason)
            #expect(reasons.contains("HelmChartCreated"))
            #expect(events.contains { $0.reason == "InstallSucceeded" && $0.type == "Normal"
                && $0.message == "Helm install succeeded for release default/demo.v1 with chart demo@0.1.0" })
            #expect(events.contains { $0.reason == "TestSucceeded"
                && $0.message == "Helm test succeeded for release default/demo.v1 with chart demo@0.1.0: 1 test hook completed successfully" })
            #expect(events.first { $0.reason == "HelmChartCreated" }?.message == "Created HelmChart/default/default-demo with SourceRef 'HelmRepository/default/repo'")

            let release = try await h.storage().last("demo")
            #expect(release.status == .deployed && release.version == 1)
            #expect(release.hooks.first { $0.name == "demo-test" }?.lastRun.phase == .succeeded)
        }
    }

    @Test("a values change upgrades the release; the history keeps the previous release")
    func upgradeOnValuesChange() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo"))
            try await h.waitFor("demo") { $0.isReady }
            try await h.patchSpec("demo", ["values": ["message": "changed"]])
            let upgraded = try await h.waitFor("demo") { $0.isReady && $0.status.history?.first?.version == 2 }
            #expect(upgraded.summary("Ready") == "True UpgradeSucceeded")
            #expect(upgraded.condition("Ready")?.message == "Helm upgrade succeeded for release default/demo.v2 with chart demo@0.1.0")
            #expect(upgraded.status.history?.map(\.version) == [2, 1])
            #expect(upgraded.status.history?.map(\.status) == ["deployed", "superseded"])
            let cm = try await h.client.get(ConfigMap.self, namespace: "default", name: "demo-config")
            #expect(cm.data?["message"] == "changed")
            #expect(cm.metadata.labels?["helm.toolkit.fluxcd.io/name"] == "demo")
        }
    }
}
