import Foundation
import StructuredData
import Testing
@testable import APIServerCore

@Suite("Workload simulation")
struct SimulationTests {
    static func get(_ api: KubeAPI, _ path: String) async -> JSONValue {
        await api.call("GET", path).body
    }

    @Test("a Deployment gets an owned ReplicaSet and becomes Available with observedGeneration current")
    func deployment() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", DefaultingTests.deployment)
        #expect(created.code == 201)
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        let ready = await eventually {
            let d = await Self.get(api, path)
            return d["status"]?["observedGeneration"] == 1 && d["status"]?["availableReplicas"] == 1
        }
        #expect(ready)
        let deployment = await Self.get(api, path)
        let conditions = deployment["status"]?["conditions"]?.arrayValue ?? []
        #expect(conditions.contains { $0["type"] == "Available" && $0["status"] == "True" })
        #expect(conditions.contains { $0["type"] == "Progressing" && $0["reason"] == "NewReplicaSetAvailable" })
        let listed = await eventually {
            await api.call("GET", "/apis/apps/v1/namespaces/default/replicasets").body["items"]?[0]?["status"]?["readyReplicas"] == 1
        }
        #expect(listed)
        let rs = await api.call("GET", "/apis/apps/v1/namespaces/default/replicasets").body["items"]?[0]
        #expect(rs?["metadata"]?["ownerReferences"]?[0]?["uid"] == deployment["metadata"]?["uid"])
        #expect(rs?["metadata"]?["labels"]?["pod-template-hash"] != nil)
        #expect(rs?["status"]?["observedGeneration"] == rs?["metadata"]?["generation"])

        // A template change makes a new ReplicaSet and scales the old one to zero.
        let patched = await api.call("PATCH", path, ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "nginx:2"]]]]]],
                                     contentType: "application/strategic-merge-patch+json")
        #expect(patched.body["metadata"]?["generation"] == 2)
        let rolled = await eventually {
            let d = await Self.get(api, path)
            let sets = await api.call("GET", "/apis/apps/v1/namespaces/default/replicasets").body["items"]?.arrayValue ?? []
            return d["status"]?["observedGeneration"] == 2 && sets.count == 2
                && sets.contains { $0["spec"]?["replicas"] == 0 }
        }
        #expect(rolled)
    }

    @Test("Jobs complete, or fail when annotated", arguments: [("", "Complete"), ("fail", "Failed")])
    func job(annotation: String, condition: String) async throws {
        let api = try await KubeAPI.inMemory()
        var body: JSONValue = [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]],
        ]
        if !annotation.isEmpty { body.set(["metadata", "annotations", SimulationRules.failAnnotation], .string(annotation)) }
        _ = await api.call("POST", "/apis/batch/v1/namespaces/default/jobs", body)
        let done = await eventually {
            let job = await Self.get(api, "/apis/batch/v1/namespaces/default/jobs/j")
            return job["status"]?["conditions"]?.arrayValue?.contains { $0["type"]?.stringValue == condition && $0["status"] == "True" } ?? false
        }
        #expect(done)
    }

    @Test("a delayed Pod is Pending first, then Succeeded; watchers see MODIFIED")
    func delayedPod() async throws {
        let api = try await KubeAPI.inMemory()
        let events = await api.watchEvents("/api/v1/namespaces/default/pods", query: [:])
        let body: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "p", "annotations": [.init(stringLiteral: SimulationRules.delayAnnotation): "300ms"]],
            "spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]],
        ]
        let start = Date()
        _ = await api.call("POST", "/api/v1/namespaces/default/pods", body)
        let seen = await collect(events, count: 3, within: 30)
        let phases = seen.compactMap { $0["object"]?["status"]?["phase"]?.stringValue }
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "MODIFIED", "MODIFIED"])
        #expect(phases == ["Pending", "Succeeded"])
        #expect(Date().timeIntervalSince(start) >= 0.3)
    }

    @Test("Pods run, complete or fail by restart policy and annotation", arguments: [
        ("Always", "", "Running"), ("Never", "", "Succeeded"), ("OnFailure", "", "Succeeded"),
        ("Never", "fail", "Failed"), ("Always", "fail", "Failed"),
    ])
    func podOutcome(restartPolicy: String, annotation: String, phase: String) async throws {
        let api = try await KubeAPI.inMemory()
        var body: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"],
                               "spec": ["restartPolicy": .string(restartPolicy), "containers": [["name": "c", "image": "i:1"]]]]
        if !annotation.isEmpty { body.set(["metadata", "annotations", SimulationRules.failAnnotation], .string(annotation)) }
        #expect(await api.call("POST", "/api/v1/namespaces/default/pods", body).code == 201)
        let reached = await eventually { await Self.get(api, "/api/v1/namespaces/default/pods/p")["status"]?["phase"]?.stringValue == phase }
        #expect(reached)
        await api.waitForSimulation()
        let pod = await Self.get(api, "/api/v1/namespaces/default/pods/p")
        #expect(pod["status"]?["phase"]?.stringValue == phase)
        let ready = pod["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["status"]?.stringValue
        #expect(ready == (phase == "Running" ? "True" : "False"))
    }

    @Test("a delayed Job is started first and completes after the delay")
    func delayedJob() async throws {
        let api = try await KubeAPI.inMemory()
        let events = await api.watchEvents("/apis/batch/v1/namespaces/default/jobs", query: [:])
        let body: JSONValue = [
            "apiVersion": "batch/v1", "kind": "Job",
            "metadata": ["name": "j", "annotations": [.init(stringLiteral: SimulationRules.delayAnnotation): "200ms"]],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "i:1"]]]]],
        ]
        _ = await api.call("POST", "/apis/batch/v1/namespaces/default/jobs", body)
        let seen = await collect(events, count: 3, within: 30)
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "MODIFIED", "MODIFIED"])
        #expect(seen.dropFirst().first?["object"]?["status"]?["active"] == 1)
        #expect(seen.last?["object"]?["status"]?["succeeded"] == 1)
        #expect(seen.last?["object"]?["status"]?["conditions"]?[0]?["type"] == "Complete")
    }

    @Test("long-running Pods become Ready; Services, StatefulSets, DaemonSets and PVCs report ready", arguments: [
        ("/api/v1/namespaces/default/pods", ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "x"],
          "spec": ["containers": [["name": "c", "image": "nginx:1"]]]] as JSONValue, "status.phase", "Running" as JSONValue),
        ("/api/v1/namespaces/default/persistentvolumeclaims", ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "x"],
          "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]], "status.phase", "Bound"),
        ("/apis/apps/v1/namespaces/default/statefulsets", ["apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "x"],
          "spec": ["replicas": 2, "selector": ["matchLabels": ["a": "b"]], "serviceName": "x",
                   "template": ["metadata": ["labels": ["a": "b"]], "spec": ["containers": [["name": "c", "image": "i:1"]]]]]],
         "status.readyReplicas", 2),
        ("/apis/apps/v1/namespaces/default/daemonsets", ["apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "x"],
          "spec": ["selector": ["matchLabels": ["a": "b"]],
                   "template": ["metadata": ["labels": ["a": "b"]], "spec": ["containers": [["name": "c", "image": "i:1"]]]]]],
         "status.numberReady", 1),
    ] as [(String, JSONValue, String, JSONValue)])
    func ready(collection: String, body: JSONValue, field: String, value: JSONValue) async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", collection, body)
        #expect(created.code == 201)
        let path = collection + "/x"
        let ok = await eventually { await Self.get(api, path)[dotted: field] == value }
        #expect(ok, "\(path) \(field)")
    }
}

@Suite("Leases and events")
struct LeaseAndEventTests {
    @Test("lease updates are exact optimistic concurrency: a stale resourceVersion loses")
    func leaseConcurrency() async throws {
        let api = try await KubeAPI.inMemory()
        let path = "/apis/coordination.k8s.io/v1/namespaces/default/leases"
        let lease: JSONValue = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "leader"],
            "spec": ["holderIdentity": "a", "leaseDurationSeconds": 35, "acquireTime": "2026-01-01T00:00:00.000000Z",
                     "renewTime": "2026-01-01T00:00:00.000000Z", "leaseTransitions": 0],
        ]
        let created = await api.call("POST", path, lease)
        #expect(created.code == 201)
        #expect(created.body["spec"]?["renewTime"] == "2026-01-01T00:00:00.000000Z")
        var first = created.body
        first.set(["spec", "holderIdentity"], "b")
        var second = created.body
        second.set(["spec", "holderIdentity"], "c")
        let won = await api.call("PUT", path + "/leader", first)
        let lost = await api.call("PUT", path + "/leader", second)
        #expect(won.code == 200)
        #expect(lost.code == 409)
        #expect(await api.call("GET", path + "/leader").body["spec"]?["holderIdentity"] == "b")
    }

    @Test("events older than one hour are swept; recent ones stay")
    func eventExpiry() async throws {
        let api = try await KubeAPI.inMemory()
        let event: JSONValue = ["apiVersion": "v1", "kind": "Event", "metadata": ["name": "e1"],
                                "involvedObject": ["kind": "Pod", "name": "p"], "reason": "R", "message": "m"]
        #expect(await api.call("POST", "/api/v1/namespaces/default/events", event).code == 201)
        #expect(await api.expireEvents(now: Date()) == 0)
        #expect(await api.expireEvents(now: Date().addingTimeInterval(3700)) == 1)
        #expect(await api.call("GET", "/api/v1/namespaces/default/events/e1").code == 404)
    }
}
