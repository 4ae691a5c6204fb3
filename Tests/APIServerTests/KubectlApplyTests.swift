import Foundation
import StructuredData
import SwiftFluxTesting
import Testing
@testable import APIServerCore

@Suite("kubectl apply, rollout and diff against the embedded server", .serialized)
struct KubectlApplyTests {
    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"2\"\n"

    @Test("apply --server-side applies, reports conflicts, and --force-conflicts takes ownership", arguments: Kubectl.available)
    func serverSide(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let created = try await kubectl.run(server, ["create", "configmap", "c", "--from-literal=a=1"])
        #expect(created.status == 0, "\(created.stderr)")
        let conflicted = try await kubectl.run(server, ["apply", "--server-side", "-f", "-"], stdin: Self.configMap)
        #expect(conflicted.status != 0)
        #expect(conflicted.stderr.contains(#"conflict with "kubectl-create""#), "\(conflicted.stderr)")
        #expect(conflicted.stderr.contains(".data.a"), "\(conflicted.stderr)")
        let forced = try await kubectl.run(server, ["apply", "--server-side", "--force-conflicts", "-f", "-"], stdin: Self.configMap)
        #expect(forced.stdout.contains("configmap/c serverside-applied"), "\(forced.stderr)")
        let cm = await server.api.call("GET", "/api/v1/namespaces/default/configmaps/c").body
        #expect(cm["data"]?["a"] == "2")
        #expect(cm.fieldsV1(of: "kubectl") == #"{"f:data":{"f:a":{}}}"#)
        let rv = cm["metadata"]?["resourceVersion"]
        let again = try await kubectl.run(server, ["apply", "--server-side", "-f", "-"], stdin: Self.configMap)
        #expect(again.status == 0, "\(again.stderr)")
        let after = await server.api.call("GET", "/api/v1/namespaces/default/configmaps/c").body
        #expect(after["metadata"]?["resourceVersion"] == rv)
    }

    @Test("client-side apply of a changed Deployment removes a container and an env var; rollout status completes",
          arguments: Kubectl.available)
    func clientSideAndRollout(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let manifest = fixture("deployment-sidecar.yaml")
        let first = try await kubectl.run(server, ["apply", "-f", "-"], stdin: manifest)
        #expect(first.stdout.contains("deployment.apps/web created"), "\(first.stderr)")
        let changed = manifest.replacingOccurrences(of: "        - {name: B, value: \"2\"}\n", with: "        - {name: C, value: \"3\"}\n")
            .replacingOccurrences(of: "      - name: side\n        image: busybox:1.36\n", with: "")
            .replacingOccurrences(of: "nginx:1.25", with: "nginx:1.26")
        let second = try await kubectl.run(server, ["apply", "-f", "-"], stdin: changed)
        #expect(second.stdout.contains("deployment.apps/web configured"), "\(second.stderr)")
        let deployment = await server.api.call("GET", "/apis/apps/v1/namespaces/default/deployments/web").body
        let containers = deployment["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
        #expect(containers.count == 1)
        #expect(containers.first?["image"] == "nginx:1.26")
        #expect(containers.first?["env"] == [["name": "A", "value": "1"], ["name": "C", "value": "3"]])
        let rollout = try await kubectl.run(server, ["rollout", "status", "deployment/web", "--timeout=30s"], timeout: 40)
        #expect(rollout.stdout.contains("successfully rolled out"), "\(rollout.stdout) \(rollout.stderr)")
    }

    @Test("diff shows a pending change and nothing for an applied manifest", arguments: Kubectl.available)
    func diff(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let manifest = fixture("deployment.yaml")
        _ = try await kubectl.run(server, ["apply", "-f", "-"], stdin: manifest)
        let same = try await kubectl.run(server, ["diff", "-f", "-"], stdin: manifest)
        #expect(same.status == 0, "\(same.stdout) \(same.stderr)")
        let changed = try await kubectl.run(server, ["diff", "-f", "-"], stdin: manifest.replacingOccurrences(of: "nginx:1.25", with: "nginx:1.27"))
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.contains("+      - image: nginx:1.27"), "\(changed.stdout) \(changed.stderr)")
    }
}
