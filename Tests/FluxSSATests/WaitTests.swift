import FluxSSA
import KStatus
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("Health waits with kstatus on the embedded API server", .serialized)
struct WaitTests {
    static func job(_ name: String, annotations: [String: String]) -> KubeObject {
        var job = KubeObject(apiVersion: "batch/v1", kind: "Job", name: name, namespace: "default")
        job.annotations = annotations
        job.raw["spec"] = ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox"]]]]]
        return job
    }

    static func id(_ group: String, _ kind: String, _ name: String, _ namespace: String = "default") -> ObjMetadata {
        ObjMetadata(namespace: namespace, name: name, groupKind: GroupKind(group: group, kind: kind))
    }

    @Test("applied workloads become Current and the wait returns")
    func waitsForCurrent() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var objects = try Cluster.objects(Manifests.app)
            Normalize.objects(&objects)
            let changes = try await cluster.manager.applyAllStaged(objects, options: Cluster.applyOptions())
            try await cluster.manager.waitForSet(changes.objMetadataSet, options: Cluster.quickWait)
            let status = await cluster.manager.observe(Self.id("apps", "Deployment", "podinfo", "apps"))
            #expect(status.status == .current && status.message == "Deployment is available. Replicas: 1")
        }
    }

    @Test("a timeout names each object that is not ready and its status")
    func timeout() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            _ = try await cluster.manager.apply(Self.job("slow", annotations: ["swiftflux.dev/simulate-delay": "1h"]),
                                                options: Cluster.applyOptions())
            _ = try await cluster.client.create(KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "ready", namespace: "default"))
            let set = [Self.id("", "ConfigMap", "ready"), Self.id("batch", "Job", "slow"), Self.id("", "ConfigMap", "missing")]
            await #expect(throws: FluxSSAError(.wait, "timeout waiting for: [Job/default/slow status: 'InProgress', ConfigMap/default/missing status: 'NotFound']")) {
                try await cluster.manager.waitForSet(set, options: WaitOptions(interval: .milliseconds(50), timeout: .milliseconds(600)))
            }
        }
    }

    @Test("a failed Job stops the wait early with fail-fast")
    func failFast() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            _ = try await cluster.manager.apply(Self.job("bad", annotations: ["swiftflux.dev/simulate": "fail"]), options: Cluster.applyOptions())
            _ = try await cluster.manager.apply(Self.job("slow", annotations: ["swiftflux.dev/simulate-delay": "1h"]), options: Cluster.applyOptions())
            let set = [Self.id("batch", "Job", "bad"), Self.id("batch", "Job", "slow")]
            await #expect(throws: FluxSSAError(.wait, "failed early due to stalled resources: [Job/default/bad status: 'Failed']")) {
                try await cluster.manager.waitForSet(set, options: WaitOptions(interval: .milliseconds(50), timeout: .seconds(30), failFast: true))
            }
            await #expect(throws: FluxSSAError(.wait, "timeout waiting for: [Job/default/bad status: 'Failed', Job/default/slow status: 'InProgress']")) {
                try await cluster.manager.waitForSet(set, options: WaitOptions(interval: .milliseconds(50), timeout: .milliseconds(500)))
            }
        }
    }

    @Test("an object whose status cannot be computed is Unknown with the error")
    func unknownStatus() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var manager = cluster.manager
            manager.statusFunction = { _ throws(KStatusError) in throw KStatusError("unknown phase Exploded") }
            _ = try await cluster.client.create(KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "c", namespace: "default"))
            await #expect(throws: FluxSSAError(.wait, "timeout waiting for: [ConfigMap/default/c status: 'Unknown': unknown phase Exploded]")) {
                try await manager.waitForSet([Self.id("", "ConfigMap", "c")], options: WaitOptions(interval: .milliseconds(50), timeout: .milliseconds(300)))
            }
        }
    }

    @Test("waiting for termination returns once objects are gone")
    func termination() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "temp", namespace: "default")
            _ = try await cluster.client.create(cm)
            _ = try await cluster.manager.deleteAll([cm])
            try await cluster.manager.waitForTermination([cm], options: Cluster.quickWait)
        }
    }
}
