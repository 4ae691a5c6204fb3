import FluxAPI
import Foundation
import GoCompat
import HelmActions
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("helm-controller: drift, pending releases, force and reset", .serialized)
struct DriftAndRecoveryTests {
    static let deployments = APIResource(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)
    static let configMaps = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)

    static func requestReconcile(_ h: Harness, _ token: String, force: Bool = false, reset: Bool = false) async throws {
        var annotations: JSONObject = ["reconcile.fluxcd.io/requestedAt": .string(token)]
        if force { annotations["reconcile.fluxcd.io/forceAt"] = .string(token) }
        if reset { annotations["reconcile.fluxcd.io/resetAt"] = .string(token) }
        _ = try await h.client.patch(HelmRelease.apiResource, namespace: "default", name: "demo", type: .merge,
                                     body: ["metadata": ["annotations": .object(annotations)]])
    }

    static func withDrift(_ mode: DriftDetectionMode, ignore: [FluxAPI.IgnoreRule] = []) -> (inout HelmReleaseSpec) -> Void {
        { spec in
            var drift = DriftDetection()
            drift.mode = mode
            drift.ignore = ignore.isEmpty ? nil : ignore
            spec.driftDetection = drift
        }
    }

    @Test("drift is detected and corrected: a scaled Deployment is scaled back, a deleted ConfigMap recreated, without a new revision")
    func driftCorrected() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo", configure: Self.withDrift(.enabled)))
            try await h.waitFor("demo") { $0.isReady }
            // Suspended while both changes are made, so that one reconcile sees them together.
            try await h.patchSpec("demo", ["suspend": true])
            try await h.waitFor("demo") { $0.generation == $0.observedGeneration }
            _ = try await h.client.patch(Self.deployments, namespace: "default", name: "demo", type: .merge, body: ["spec": ["replicas": 3]])
            try await h.client.delete(Self.configMaps, namespace: "default", name: "demo-config")
            try await h.patchSpec("demo", ["suspend": false])
            try await Self.requestReconcile(h, "t1")
            try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "t1" }
            let replicas = try await h.client.get(Self.deployments, namespace: "default", name: "demo").raw[path: ["spec", "replicas"]]?.intValue
            #expect(replicas == 1)
            #expect((try? await h.client.get(Self.configMaps, namespace: "default", name: "demo-config")) != nil)
            let events = try await h.events(for: "demo")
            let detected = events.first { $0.reason == "DriftDetected" }
            #expect(detected?.type == "Warning")
            #expect(detected?.message == "Cluster state of release default/demo.v1 has drifted from the desired state:\nConfigMap/default/demo-config removed\nDeployment/default/demo changed (0 additions, 1 changes, 0 removals)")
            #expect(events.first { $0.reason == "DriftCorrected" }?.message == "Cluster state of release default/demo.v1 has been corrected:\nConfigMap/default/demo-config created\nDeployment/default/demo configured")
            #expect(try await h.storage().history("demo").count == 1, "no Helm upgrade")
        }
    }

    @Test("in warn mode drift is only reported, and ignored paths are not drift (no loop with an HPA-like writer)")
    func driftWarnAndIgnore() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            var rule = FluxAPI.IgnoreRule(paths: ["/spec/replicas"])
            var target = Selector()
            target.kind = "Deployment"
            rule.target = target
            _ = try await h.client.create(Harness.release("demo", configure: Self.withDrift(.warn, ignore: [rule])))
            try await h.waitFor("demo") { $0.isReady }
            _ = try await h.client.patch(Self.deployments, namespace: "default", name: "demo", type: .merge, body: ["spec": ["replicas": 5]])
            try await Self.requestReconcile(h, "t1")
            let hr = try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "t1" }
            #expect(hr.isReady && hr.condition("Reconciling") == nil)
            #expect(try await h.client.get(Self.deployments, namespace: "default", name: "demo").raw[path: ["spec", "replicas"]]?.intValue == 5)
            #expect(try await h.events(for: "demo").contains { $0.reason == "DriftDetected" } == false, "ignored path: no drift")
            _ = try await h.client.patch(Self.configMaps, namespace: "default", name: "demo-config", type: .merge, body: ["data": ["message": "edited"]])
            try await Self.requestReconcile(h, "t2")
            try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "t2" }
            #expect(try await h.events(for: "demo").contains { $0.reason == "DriftDetected" })
            let cm = try await h.client.get(ConfigMap.self, namespace: "default", name: "demo-config")
            #expect(cm.data?["message"] == "edited", "warn mode does not correct")
        }
    }

    @Test("a release left pending by a killed controller is unlocked and upgraded")
    func pendingUnlock() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo"))
            try await h.waitFor("demo") { $0.isReady }
            // What a controller killed after writing the pending record leaves behind.
            var pending = try await h.storage().last("demo")
            pending.version = 2
            pending.setStatus(.pendingUpgrade, "Preparing upgrade")
            try await h.storage().create(pending)
            try await Self.requestReconcile(h, "t1")
            let hr = try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "t1" && $0.isReady }
            let history = try await h.storage().history("demo")
            #expect(history.map(\.status) == [.superseded, .failed, .deployed])
            #expect(history[1].info?.description == "Release unlocked from stale 'pending-upgrade' state")
            #expect(hr.status.history?.first?.version == 3)
            #expect(try await h.events(for: "demo").contains { $0.reason == "PendingRelease"
                && $0.message == "Unlocked Helm release default/demo.v2 with chart demo@0.1.0 in pending-upgrade state" })
        }
    }

    @Test("force upgrades an in-sync release once per token; requestedAt alone never forces")
    func force() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo"))
            try await h.waitFor("demo") { $0.isReady }
            try await Self.requestReconcile(h, "a")
            try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "a" }
            #expect(try await h.storage().history("demo").count == 1)
            try await Self.requestReconcile(h, "b", force: true)
            let forced = try await h.waitFor("demo") { $0.status.lastHandledReconcileAt == "b" && $0.isReady }
            #expect(forced.status.lastHandledForceAt == "b")
            #expect(try await h.storage().history("demo").count == 2)
            // The same token again (e.g. a manifest that carries it statically) does not force.
            try await h.patchSpec("demo", ["interval": "11m"])
            try await h.waitFor("demo") { $0.observedGeneration == $0.generation && $0.isReady }
            #expect(try await h.storage().history("demo").count == 2)
        }
    }

    @Test("reset clears the failure counters so a stalled release is retried")
    func reset() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { $0.values = ["failInstall": true] })
            try await h.waitFor("demo", within: .seconds(90)) { $0.isStalled }
            try await Self.requestReconcile(h, "r1", reset: true)
            // With the counters reset, the failed release is upgraded (as upstream: a failure count of
            // zero means conditions changed since the failure); the pre-upgrade path has no failing hook.
            let retried = try await h.waitFor("demo", within: .seconds(90)) { $0.status.lastHandledResetAt == "r1" && $0.isReady }
            #expect(retried.summary("Ready") == "True UpgradeSucceeded")
            #expect(retried.status.installFailures == nil && retried.status.upgradeFailures == nil)
            #expect(retried.condition("Stalled") == nil)
        }
    }
}
