import Foundation
import Testing
import KubeClient
import KubeModel
import StructuredData
import SwiftFluxTesting

/// The same client scenarios over HTTPS and over `InProcessTransport`: both fronts must answer
/// identically, including RBAC and impersonation.
@Suite("KubeClient scenarios over HTTPS and in-process")
struct TransportParityTests {
    static let configMaps = ConfigMap.apiResource

    static func withServer(_ body: (TestAPIServer) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test("CRUD, conflicts, selectors and patches behave the same", arguments: TestTransport.allCases)
    func crud(transport: TestTransport) async throws {
        try await Self.withServer { server in
            try await server.withClient(transport) { client in
                var cm = ConfigMap(name: "settings", namespace: "default", data: ["mode": "fast"])
                cm.metadata.labels = ["app": "demo"]
                let created = try await client.create(cm)
                #expect(created.metadata.uid?.isEmpty == false && created.metadata.resourceVersion?.isEmpty == false)
                var stale = created
                stale.metadata.resourceVersion = "1"
                await #expect { _ = try await client.update(stale) } throws: { error in
                    (error as? KubeClientError)?.status?.message
                        == #"Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again"#
                }
                let merged = try await client.patch(Self.configMaps, name: "settings", type: .merge, body: ["data": ["extra": "1"]])
                #expect(try ConfigMap(object: merged).data == ["mode": "fast", "extra": "1"])
                let selected = try await client.list(ConfigMap.self, options: ListOptions(labelSelector: "app=demo"))
                #expect(selected.map(\.metadata.name) == ["settings"])
                try await client.delete(Self.configMaps, name: "settings")
                await #expect { _ = try await client.get(Self.configMaps, name: "settings") } throws: {
                    ($0 as? KubeClientError)?.status?.message == #"configmaps "settings" not found"#
                }
            }
        }
    }

    @Test("the watcher lists, then streams changes", arguments: TestTransport.allCases)
    func watch(transport: TestTransport) async throws {
        try await Self.withServer { server in
            try await server.withClient(transport) { client in
                _ = try await client.create(ConfigMap(name: "before", namespace: "default"))
                var events = client.watcher(Self.configMaps, in: .named("default"), config: .init(timeoutSeconds: 30)).makeAsyncIterator()
                guard case .restarted(let initial)? = try await events.next() else {
                    Issue.record("expected an initial list")
                    return
                }
                #expect(initial.map(\.name) == ["before"])
                _ = try await client.create(ConfigMap(name: "after", namespace: "default"))
                try await client.delete(Self.configMaps, name: "before")
                var seen: [String] = []
                while seen.count < 2, let event = try await events.next() {
                    switch event {
                    case .applied(let o): seen.append("applied \(o.name)")
                    case .deleted(let o): seen.append("deleted \(o.name)")
                    case .restarted, .bookmark, .error: continue
                    }
                }
                #expect(seen == ["applied after", "deleted before"])
            }
        }
    }

    @Test("server-side apply creates, then reports conflicts with another manager", arguments: TestTransport.allCases)
    func serverSideApply(transport: TestTransport) async throws {
        try await Self.withServer { server in
            try await server.withClient(transport) { client in
                let first = try ConfigMap(name: "applied", namespace: "default", data: ["a": "1"]).object()
                let created = try await client.apply(first, fieldManager: "one")
                #expect(created.raw["data"] == ["a": "1"])
                let second = try ConfigMap(name: "applied", namespace: "default", data: ["a": "2"]).object()
                await #expect { _ = try await client.apply(second, fieldManager: "two") } throws: {
                    ($0 as? KubeClientError)?.status?.message == #"Apply failed with 1 conflict: conflict with "one": .data.a"#
                }
                let forced = try await client.apply(second, fieldManager: "two", force: true)
                #expect(forced.raw["data"] == ["a": "2"])
            }
        }
    }

    @Test("an impersonated ServiceAccount may write only where a RoleBinding lets it", arguments: TestTransport.allCases)
    func impersonation(transport: TestTransport) async throws {
        try await Self.withServer { server in
            try await server.withClient(transport) { admin in
                for ns in ["team-a", "team-b"] {
                    _ = try await admin.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]]))
                }
                _ = try await admin.create(KubeObject([
                    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                    "metadata": ["name": "configmap-writer", "namespace": "team-a"],
                    "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["create", "get"]]],
                ]))
                _ = try await admin.create(KubeObject([
                    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                    "metadata": ["name": "writers", "namespace": "team-a"],
                    "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "configmap-writer"],
                    "subjects": [["kind": "ServiceAccount", "name": "default", "namespace": "team-a"]],
                ]))
            }
            let sa = Impersonation(user: "system:serviceaccount:team-a:default")
            try await server.withClient(transport, impersonation: sa) { client in
                let created = try await client.create(ConfigMap(name: "mine", namespace: "team-a"))
                #expect(created.metadata.name == "mine")
                await #expect { _ = try await client.create(ConfigMap(name: "theirs", namespace: "team-b")) } throws: {
                    let status = ($0 as? KubeClientError)?.status
                    return status?.code == 403 && status?.reason == .forbidden && status?.message
                        == #"configmaps is forbidden: User "system:serviceaccount:team-a:default" cannot create resource "configmaps" in API group "" in the namespace "team-b""#
                }
                await #expect { _ = try await client.list(ConfigMap.self, in: .named("team-a")) } throws: {
                    ($0 as? KubeClientError)?.status?.message
                        == #"configmaps is forbidden: User "system:serviceaccount:team-a:default" cannot list resource "configmaps" in API group "" in the namespace "team-a""#
                }
            }
        }
    }
}
