import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// Simulation knobs that let failure paths be tested: never-ready workloads, suspended Jobs,
/// failing Job pod templates.
@Suite("Simulated failures")
struct SimulationFailureTests {
    static func deployment(annotateTemplate: Bool) -> JSONValue {
        var d = DefaultingTests.deployment
        if annotateTemplate {
            d.set(["spec", "template", "metadata", "annotations", "swiftflux.dev/simulate"], "never-ready")
        } else {
            d.set(["metadata", "annotations", "swiftflux.dev/simulate"], "never-ready")
        }
        return d
    }

    @Test("a never-ready Deployment is observed but never available", arguments: [true, false])
    func neverReadyDeployment(annotateTemplate: Bool) async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", Self.deployment(annotateTemplate: annotateTemplate))
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        #expect(await eventually { await api.call("GET", path).body["status"]?["observedGeneration"] == 1 })
        await api.simulator.idle()
        let status = await api.call("GET", path).body["status"] ?? .null
        #expect(status["readyReplicas"] == nil && status["availableReplicas"] == nil)
        #expect(status["unavailableReplicas"] == 1)
        let available = status["conditions"]?.arrayValue?.first { $0["type"] == "Available" }
        #expect(available?["status"] == "False" && available?["reason"] == "MinimumReplicasUnavailable")
    }

    @Test("a never-ready Pod runs but is not Ready")
    func neverReadyPod() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/pods", [
            "metadata": ["name": "p", "annotations": ["swiftflux.dev/simulate": "never-ready"]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.25"]]],
        ])
        let path = "/api/v1/namespaces/default/pods/p"
        #expect(await eventually { await api.call("GET", path).body["status"]?["phase"] == "Running" })
        await api.simulator.idle()
        let status = await api.call("GET", path).body["status"] ?? .null
        let ready = status["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
        #expect(ready?["status"] == "False")
        #expect(ready?["message"] == "containers with unready status: [app]")
        #expect(status["containerStatuses"]?[0]?["ready"] == false)
    }

    @Test("suspended and never-ready Jobs never complete; a failing pod template fails the Job", arguments: [
        ("suspend", "Suspended"), ("never-ready", nil), ("template-fail", "Failed"),
    ] as [(String, String?)])
    func jobs(variant: String, condition: String?) async throws {
        let api = try await KubeAPI.inMemory()
        var job: JSONValue = [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]],
        ]
        switch variant {
        case "suspend": job.set(["spec", "suspend"], true)
        case "never-ready": job.set(["metadata", "annotations", "swiftflux.dev/simulate"], "never-ready")
        default: job.set(["spec", "template", "metadata", "annotations", "swiftflux.dev/simulate"], "fail")
        }
        _ = await api.call("POST", "/apis/batch/v1/namespaces/default/jobs", job)
        #expect(await eventually { await api.call("GET", "/apis/batch/v1/namespaces/default/jobs/j").body["status"] != nil })
        await api.simulator.idle()
        let status = await api.call("GET", "/apis/batch/v1/namespaces/default/jobs/j").body["status"] ?? .null
        let types = status["conditions"]?.arrayValue?.compactMap { $0["status"] == "True" ? $0["type"]?.stringValue : nil } ?? []
        #expect(!types.contains("Complete"))
        if let condition { #expect(types.contains(condition)) } else { #expect(status["active"] == 1) }
    }
}
