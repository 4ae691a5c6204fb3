import Foundation
import StructuredData
import SwiftFluxTesting
import Testing
@testable import APIServerCore

@Suite("kubectl against the embedded server", .serialized)
struct KubectlTests {
    @Test("version, create, apply, label, annotate, patch, describe and delete work", arguments: Kubectl.available)
    func everyday(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let version = try await kubectl.run(server, ["version"])
        #expect(version.stdout.contains("v1.28.0"), "\(version.stderr)")

        let created = try await kubectl.run(server, ["create", "configmap", "c1", "--from-literal=a=1"])
        #expect(created.stdout.contains("configmap/c1 created"), "\(created.stderr)")
        let applied = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("deployment.yaml"))
        #expect(applied.stdout.contains("deployment.apps/web created"), "\(applied.stderr)")
        let reapplied = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("deployment.yaml").replacingOccurrences(of: "nginx:1.25", with: "nginx:1.26"))
        #expect(reapplied.stdout.contains("deployment.apps/web configured"), "\(reapplied.stderr)")
        let image = try await kubectl.run(server, ["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}"])
        #expect(image.stdout == "nginx:1.26 2")

        for args in [["label", "cm", "c1", "team=a"], ["annotate", "cm", "c1", "note=x"],
                     ["patch", "cm", "c1", "--type=merge", "-p", #"{"data":{"b":"2"}}"#],
                     ["patch", "cm", "c1", "--type=json", "-p", #"[{"op":"remove","path":"/data/a"}]"#]] {
            let result = try await kubectl.run(server, args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        let shown = try await kubectl.run(server, ["get", "cm", "c1", "-o", "jsonpath={.metadata.labels.team} {.metadata.annotations.note} {.data}"])
        #expect(shown.stdout == #"a x {"b":"2"}"#)
        let listed = try await kubectl.run(server, ["get", "cm", "-l", "team=a"])
        #expect(listed.stdout.contains("c1"))

        let web = await server.api.call("GET", "/apis/apps/v1/namespaces/default/deployments/web").body
        let event: JSONValue = [
            "apiVersion": "v1", "kind": "Event", "metadata": ["name": "web.1", "namespace": "default"],
            "involvedObject": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "namespace": "default",
                               "uid": web["metadata"]?["uid"] ?? ""],
            "reason": "ScalingReplicaSet", "message": "Scaled up replica set web-1 to 1", "type": "Normal",
            "source": ["component": "deployment-controller"], "count": 1,
            "firstTimestamp": "2026-01-01T00:00:00Z", "lastTimestamp": "2026-01-01T00:00:00Z",
        ]
        #expect(await server.api.call("POST", "/api/v1/namespaces/default/events", event).code == 201)
        let described = try await kubectl.run(server, ["describe", "deployment", "web"])
        #expect(described.stdout.contains("ScalingReplicaSet"), "\(described.stdout)")
        #expect(described.status == 0, "\(described.stderr)")
        #expect(described.stdout.contains("nginx:1.26"))

        let scaled = try await kubectl.run(server, ["scale", "deployment", "web", "--replicas=3"])
        #expect(scaled.stdout.contains("scaled"), "\(scaled.stderr)")
        let replicas = try await kubectl.run(server, ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])
        #expect(replicas.stdout == "3")

        let deleted = try await kubectl.run(server, ["delete", "cm", "c1"])
        #expect(deleted.stdout.contains("configmap \"c1\" deleted"), "\(deleted.stderr)")
        let gone = try await kubectl.run(server, ["get", "cm", "c1"])
        #expect(gone.stderr.contains("configmaps \"c1\" not found"))
    }

    @Test("get -w streams changes and wait sees conditions and deletions", arguments: Kubectl.available)
    func watching(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        _ = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("deployment.yaml"))
        async let watched = kubectl.run(server, ["get", "configmaps", "-w", "--output-watch-events"], timeout: 6)
        async let waitedDelete = kubectl.run(server, ["wait", "--for=delete", "deployment/web", "--timeout=20s"], timeout: 30)
        async let waitedCondition = kubectl.run(server, ["wait", "--for=condition=Available", "deployment/web", "--timeout=20s"], timeout: 30)
        let ready = await eventually(within: 10) {
            // Mark the deployment Available through the status subresource, as a controller would.
            let result = await server.api.call("PATCH", "/apis/apps/v1/namespaces/default/deployments/web/status",
                                               ["status": ["conditions": [["type": "Available", "status": "True"]]]],
                                               contentType: "application/merge-patch+json")
            return result.code == 200
        }
        #expect(ready)
        try await Task.sleep(for: .seconds(1))
        _ = try await kubectl.run(server, ["create", "configmap", "seen-by-watch"])
        let condition = try await waitedCondition
        #expect(condition.stdout.contains("condition met"), "\(condition.stderr)")
        _ = try await kubectl.run(server, ["delete", "deployment", "web"])
        let deletion = try await waitedDelete
        #expect(deletion.status == 0, "\(deletion.stdout) \(deletion.stderr)")
        let stream = try await watched
        #expect(stream.stdout.contains("ADDED") && stream.stdout.contains("seen-by-watch"), "\(stream.stdout) \(stream.stderr)")
    }

    @Test("a CRD serves its kind with defaults and pruning, and deleting it removes its objects", arguments: Kubectl.available)
    func customResources(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let crd = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("widgets-crd.yaml"))
        #expect(crd.status == 0, "\(crd.stderr)")
        let established = try await kubectl.run(server, ["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=20s"])
        #expect(established.stdout.contains("condition met"), "\(established.stderr)")
        // `spec.unknown` is not in the schema: kubectl's client-side validation (against /openapi/v2)
        // would reject it, as with kube-apiserver; without it the server prunes the field.
        let rejected = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("widget.yaml"))
        #expect(rejected.stderr.contains(#"unknown field "unknown" in com.example.v1.Widget.spec"#), "\(rejected.stderr)")
        let created = try await kubectl.run(server, ["apply", "--validate=false", "-f", "-"], stdin: fixture("widget.yaml"))
        #expect(created.stdout.contains("widget.example.com/w1 created"), "\(created.stderr)")
        let spec = try await kubectl.run(server, ["get", "wd", "w1", "-o", "jsonpath={.spec}"])
        let value = try JSONParser.parse(spec.stdout)
        #expect(value == ["size": 3, "color": "blue", "extra": ["kept": true]], "\(spec.stderr)")
        let deleted = try await kubectl.run(server, ["delete", "crd", "widgets.example.com"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let emptied = await eventually(within: 10) {
            await server.api.store.count(QualifiedResource(group: "example.com", resource: "widgets"), namespace: nil) == 0
        }
        #expect(emptied)
        let unknown = await server.api.call("GET", "/apis/example.com/v1/namespaces/default/widgets")
        #expect(unknown.code == 404)
    }
}
