import Foundation
import StructuredData
import SwiftFluxTesting
import Testing
@testable import APIServerCore

/// What people see with kubectl: table columns like a real cluster's, and RBAC questions.
@Suite("kubectl tables and RBAC", .serialized)
struct KubectlClusterTests {
    /// The column headers of a `kubectl get` output (split on runs of two or more spaces).
    static func header(_ output: String) -> [String] {
        guard let first = output.split(separator: "\n").first else { return [] }
        return first.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("kubectl get prints the built-in kinds' and a CRD's columns", arguments: Kubectl.available)
    func columns(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        _ = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("deployment.yaml"))
        _ = try await kubectl.run(server, ["apply", "-f", "-"], stdin: fixture("gizmos-crd.yaml"))
        _ = try await kubectl.run(server, ["create", "configmap", "settings", "--from-literal=a=1"])
        let ready = await eventually(within: 10) {
            await server.api.call("GET", "/apis/apps/v1/namespaces/default/deployments/web").body["status"]?["availableReplicas"] == 1
        }
        #expect(ready)
        let cases: [([String], [String])] = [
            (["get", "deployments"], ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]),
            (["get", "deployments", "-o", "wide"], ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]),
            (["get", "replicasets"], ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]),
            (["get", "services"], ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]),
            (["get", "configmaps"], ["NAME", "DATA", "AGE"]),
            (["get", "serviceaccounts"], ["NAME", "SECRETS", "AGE"]),
            (["get", "namespaces"], ["NAME", "STATUS", "AGE"]),
            (["get", "clusterroles"], ["NAME", "CREATED AT"]),
        ]
        for (args, expected) in cases {
            let result = try await kubectl.run(server, args)
            #expect(Self.header(result.stdout) == expected, "\(args): \(result.stdout) \(result.stderr)")
        }
        let deployments = try await kubectl.run(server, ["get", "deployments", "--no-headers"])
        #expect(Array(deployments.stdout.split(whereSeparator: \.isWhitespace).prefix(4)) == ["web", "1/1", "1", "1"], "\(deployments.stdout)")
        let all = try await kubectl.run(server, ["get", "all", "-A"])
        #expect(all.status == 0 && all.stdout.contains("service/kubernetes"), "\(all.stderr)")
        _ = await server.api.call("POST", "/apis/example.com/v1/namespaces/default/gizmos",
                                  ["apiVersion": "example.com/v1", "kind": "Gizmo", "metadata": ["name": "g"], "spec": ["size": 3]])
        let gizmos = try await kubectl.run(server, ["get", "gizmos"])
        #expect(Self.header(gizmos.stdout) == ["NAME", "SIZE", "READY", "AGE"], "\(gizmos.stdout) \(gizmos.stderr)")
    }

    @Test("kubectl auth can-i answers for an impersonated ServiceAccount", arguments: Kubectl.available)
    func canI(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        _ = try await kubectl.run(server, ["create", "namespace", "team-a"])
        let sa = ["--as", "system:serviceaccount:team-a:default"]
        let before = try await kubectl.run(server, ["auth", "can-i", "create", "configmaps", "-n", "team-a"] + sa)
        #expect(before.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "no", "\(before.stderr)")
        let bound = try await kubectl.run(server, ["create", "rolebinding", "sa-edit", "--clusterrole=edit",
                                                   "--serviceaccount=team-a:default", "-n", "team-a"])
        #expect(bound.status == 0, "\(bound.stderr)")
        let after = try await kubectl.run(server, ["auth", "can-i", "create", "configmaps", "-n", "team-a"] + sa)
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "yes", "\(after.stderr)")
        let elsewhere = try await kubectl.run(server, ["auth", "can-i", "create", "configmaps", "-n", "default"] + sa)
        #expect(elsewhere.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "no")
        let list = try await kubectl.run(server, ["auth", "can-i", "--list", "-n", "team-a"] + sa)
        #expect(Self.header(list.stdout) == ["Resources", "Non-Resource URLs", "Resource Names", "Verbs"], "\(list.stdout) \(list.stderr)")
        #expect(list.stdout.contains("configmaps"))
        let denied = try await kubectl.run(server, ["create", "configmap", "x", "-n", "default"] + sa)
        #expect(denied.stderr.contains(#"configmaps is forbidden: User "system:serviceaccount:team-a:default" cannot create resource "configmaps" in API group "" in the namespace "default""#), "\(denied.stderr)")
    }
}
