import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// Simulated Pods and controller events: what `kubectl get pods` and `describe` show.
@Suite("Simulated pods and events")
struct SimulationPodTests {
    static func items(_ api: KubeAPI, _ path: String) async -> [JSONValue] {
        await api.call("GET", path).body["items"]?.arrayValue ?? []
    }

    static func reasons(_ api: KubeAPI) async -> [String] {
        await items(api, "/api/v1/namespaces/default/events").compactMap { $0["reason"]?.stringValue }
    }

    @Test("a Deployment gets a ReplicaSet whose Pods run and follow scaling, with the controllers' events")
    func deploymentPods() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", DefaultingTests.deployment)
        let running = await eventually {
            let pods = await Self.items(api, "/api/v1/namespaces/default/pods")
            return pods.count == 1 && pods[0]["status"]?["phase"] == "Running"
        }
        #expect(running)
        let pod = await Self.items(api, "/api/v1/namespaces/default/pods").first ?? .null
        let rs = await Self.items(api, "/apis/apps/v1/namespaces/default/replicasets").first ?? .null
        #expect(pod["metadata"]?["ownerReferences"]?[0]?["uid"] == rs["metadata"]?["uid"])
        #expect(pod["metadata"]?["labels"]?["pod-template-hash"] == rs["metadata"]?["labels"]?["pod-template-hash"])
        #expect(pod.metadataString("name").hasPrefix(rs.metadataString("name") + "-"))
        _ = await api.call("PATCH", "/apis/apps/v1/namespaces/default/deployments/web", ["spec": ["replicas": 3]],
                           contentType: "application/merge-patch+json")
        let scaled = await eventually { await Self.items(api, "/api/v1/namespaces/default/pods").count == 3 }
        let pods = await Self.items(api, "/api/v1/namespaces/default/pods").map { $0.metadataString("name") }
        let sets = await Self.items(api, "/apis/apps/v1/namespaces/default/replicasets").map { "\($0.metadataString("name"))=\($0["spec"]?["replicas"] ?? .null)" }
        #expect(scaled, "pods \(pods), replica sets \(sets)")
        await api.waitForSimulation()
        let reasons = await Self.reasons(api)
        #expect(reasons.contains("ScalingReplicaSet") && reasons.contains("SuccessfulCreate"))
    }

    @Test("a Job runs one Pod to completion and reports SuccessfulCreate and Completed")
    func jobPod() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/apis/batch/v1/namespaces/default/jobs", [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]],
        ])
        let done = await eventually {
            let pods = await Self.items(api, "/api/v1/namespaces/default/pods")
            return pods.count == 1 && pods[0]["status"]?["phase"] == "Succeeded"
        }
        #expect(done)
        let pod = await Self.items(api, "/api/v1/namespaces/default/pods").first ?? .null
        #expect(pod["metadata"]?["labels"]?["job-name"] == "j")
        await api.waitForSimulation()
        let reasons = await Self.reasons(api)
        #expect(reasons.contains("SuccessfulCreate") && reasons.contains("Completed"))
    }

    @Test("rolling back to an earlier template reuses its ReplicaSet, even with creationTimestamp null and empty resources")
    func rollbackReuse() async throws {
        let api = try await KubeAPI.inMemory()
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        _ = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", DefaultingTests.deployment)
        #expect(await eventually { await Self.items(api, "/apis/apps/v1/namespaces/default/replicasets").count == 1 })
        let original = await api.call("GET", path).body["spec"]?["template"] ?? .null
        _ = await api.call("PATCH", path, ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "nginx:2"]]]]]],
                           contentType: "application/strategic-merge-patch+json")
        #expect(await eventually { await Self.items(api, "/apis/apps/v1/namespaces/default/replicasets").count == 2 })
        await api.waitForSimulation()
        var undo = original
        undo.set(["metadata", "creationTimestamp"], .null)
        if var containers = undo["spec"]?["containers"]?.arrayValue, !containers.isEmpty {
            containers[0].set(["resources"], .object([:]))
            undo.set(["spec", "containers"], .array(containers))
        }
        let current = await api.call("GET", path).body
        var rolled = current
        rolled.set(["spec", "template"], undo)
        #expect(await api.call("PUT", path, rolled).code == 200)
        await api.waitForSimulation()
        let sets = await Self.items(api, "/apis/apps/v1/namespaces/default/replicasets")
        #expect(sets.count == 2)
        let active = sets.filter { $0["spec"]?["replicas"] == 1 }
        #expect(active.count == 1)
        #expect(active.first?["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "3")
    }

    @Test("kubectl logs gets a clear answer: there is no kubelet")
    func logs() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/pods", ["metadata": ["name": "p"], "spec": ["containers": [["name": "c", "image": "x"]]]])
        let result = await api.call("GET", "/api/v1/namespaces/default/pods/p/log")
        #expect(result.code == 400)
        #expect(result.body["message"] == "container logs are not available: the swiftflux embedded API server simulates pods and has no kubelet")
        #expect(await api.call("GET", "/api/v1/namespaces/default/pods/missing/log").code == 404)
    }
}
