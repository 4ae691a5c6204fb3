import FluxSSA
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("Prune of an inventory on the embedded API server", .serialized)
struct PruneTests {
    static func configMap(_ name: String, labels: [String: String] = [:], annotations: [String: String] = [:]) -> KubeObject {
        var cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "default")
        cm.raw["data"] = ["k": "v"]
        cm.labels = labels
        cm.annotations = annotations
        return cm
    }

    @Test("stale objects with the owner labels are deleted; disabled, foreign and missing ones are handled as Flux does")
    func prune() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let manager = cluster.manager
            let owner = manager.ownerLabels(name: "apps", namespace: "flux-system")
            var first = [Self.configMap("keep"), Self.configMap("stale"), Self.configMap("protected", annotations: ["kustomize.toolkit.fluxcd.io/prune": "disabled"])]
            manager.setOwnerLabels(&first, name: "apps", namespace: "flux-system")
            let oldInventory = Inventory(try await manager.applyAll(first, options: Cluster.applyOptions()))
            _ = try await cluster.client.create(Self.configMap("foreign"))
            let foreign = ObjMetadata(namespace: "default", name: "foreign", groupKind: GroupKind(group: "", kind: "ConfigMap"))
            let gone = ObjMetadata(namespace: "default", name: "gone", groupKind: GroupKind(group: "", kind: "ConfigMap"))
            var old = oldInventory
            old.entries += [.init(id: foreign.description, v: "v1"), .init(id: gone.description, v: "v1")]

            let newInventory = Inventory(try await manager.applyAll(Array(first.prefix(1)), options: Cluster.applyOptions()))
            let stale = try old.stale(comparedTo: newInventory)
            let deleted = try await manager.deleteAll(stale, options: .prune(ownerLabels: owner))
            #expect(deleted.description == """
                ConfigMap/default/stale deleted
                ConfigMap/default/protected skipped
                ConfigMap/default/gone deleted
                ConfigMap/default/foreign skipped
                """)
            #expect(try await cluster.get("v1", "ConfigMap", "stale", "default") == nil)
            #expect(try await cluster.get("v1", "ConfigMap", "protected", "default") != nil)
            #expect(try await cluster.get("v1", "ConfigMap", "foreign", "default") != nil)
            #expect(try await cluster.get("v1", "ConfigMap", "keep", "default") != nil)
        }
    }

    @Test("deleting an inventory whose kind is no longer served reports each failure")
    func deleteErrors() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let widget = KubeObject(apiVersion: "example.com/v1", kind: "Widget", name: "w", namespace: "default")
            await #expect(throws: FluxSSAError(.delete, #"delete failed, errors: Widget/default/w query failed: no matches for kind "Widget" in version "example.com/v1";"#)) {
                _ = try await cluster.manager.deleteAll([widget], options: PruneOptions())
            }
            let (entry, _) = await cluster.manager.delete(widget)
            #expect(entry.action == .unknown)
        }
    }
}
