import FluxSSA
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("Per-object apply policies on the embedded API server", .serialized)
struct PolicyTests {
    static func configMap(_ name: String, data: JSONValue, annotations: [String: String] = [:], labels: [String: String] = [:]) -> KubeObject {
        var cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "default")
        cm.raw["data"] = data
        cm.annotations = annotations
        cm.labels = labels
        return cm
    }

    static let skipping: [(String, [String: String], [String: String])] = [
        ("reconcile: disabled annotation", ["kustomize.toolkit.fluxcd.io/reconcile": "disabled"], [:]),
        ("reconcile: disabled label", [:], ["kustomize.toolkit.fluxcd.io/reconcile": "disabled"]),
        ("ssa: Ignore annotation", ["kustomize.toolkit.fluxcd.io/ssa": "Ignore"], [:]),
    ]

    @Test("excluded objects are skipped and never created", arguments: skipping.indices)
    func skipped(index: Int) async throws {
        let (_, annotations, labels) = Self.skipping[index]
        try await Cluster.run { (cluster: Cluster) async throws in
            let cm = Self.configMap("skip", data: ["a": "1"], annotations: annotations, labels: labels)
            let entry = try await cluster.manager.apply(cm, options: Cluster.applyOptions())
            #expect(entry.description == "ConfigMap/default/skip skipped")
            #expect(try await cluster.get("v1", "ConfigMap", "skip", "default") == nil)
        }
    }

    @Test("a live object marked reconcile: disabled is left alone")
    func liveExclusion() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            _ = try await cluster.client.create(Self.configMap("mine", data: ["a": "1"],
                                                               annotations: ["kustomize.toolkit.fluxcd.io/reconcile": "disabled"]))
            let changes = try await cluster.manager.applyAll([Self.configMap("mine", data: ["a": "2"])], options: Cluster.applyOptions())
            #expect(changes.description == "ConfigMap/default/mine skipped")
            #expect(try await cluster.get("v1", "ConfigMap", "mine", "default")?.raw["data"] == ["a": "1"])
        }
    }

    @Test("ssa: IfNotPresent creates a missing object but never changes it")
    func ifNotPresent() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let policy = ["kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent"]
            #expect(try await cluster.manager.apply(Self.configMap("once", data: ["a": "1"], annotations: policy),
                                                    options: Cluster.applyOptions()).action == .created)
            #expect(try await cluster.manager.apply(Self.configMap("once", data: ["a": "2"], annotations: policy),
                                                    options: Cluster.applyOptions()).action == .skipped)
            #expect(try await cluster.get("v1", "ConfigMap", "once", "default")?.raw["data"] == ["a": "1"])
        }
    }

    @Test("ssa: Override (the default) reverts kubectl edits and removes the fields kubectl added")
    func overrideRevertsEdits() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let cm = Self.configMap("cfg", data: ["a": "1"], annotations: ["kustomize.toolkit.fluxcd.io/ssa": "Override"])
            _ = try await cluster.manager.apply(cm, options: Cluster.applyOptions())
            try await cluster.edit("v1", "ConfigMap", "cfg", "default", ["data": ["a": "edited", "extra": "kept"]])
            #expect(try await cluster.manager.apply(cm, options: Cluster.applyOptions()).action == .configured)
            #expect(try await cluster.get("v1", "ConfigMap", "cfg", "default")?.raw["data"] == ["a": "1"])
        }
    }

    static let widgetCRD = Manifests.crd("widgets", kind: "Widget")

    @Test("an immutable field change fails the dry-run without force")
    func immutableWithoutForce() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            _ = try await cluster.manager.applyAll(try Cluster.objects(Self.widgetCRD), options: Cluster.applyOptions())
            let changed = try Cluster.objects(Manifests.crd("widgets", kind: "Widget", scope: "Cluster"))
            await #expect(throws: FluxSSAError(.dryRun, #"CustomResourceDefinition/widgets.example.com dry-run failed (Invalid): CustomResourceDefinition.apiextensions.k8s.io "widgets.example.com" is invalid: spec.scope: Invalid value: "Cluster": field is immutable"#)) {
                _ = try await cluster.manager.applyAll(changed, options: Cluster.applyOptions())
            }
        }
    }

    static let forcing: [(String, Bool, [String: String])] = [
        ("the force option", true, [:]),
        ("the force: enabled annotation", false, ["kustomize.toolkit.fluxcd.io/force": "enabled"]),
    ]

    @Test("an immutable field change recreates the object with force", arguments: forcing.indices)
    func immutableWithForce(index: Int) async throws {
        let (_, force, annotations) = Self.forcing[index]
        try await Cluster.run { (cluster: Cluster) async throws in
            _ = try await cluster.manager.applyAll(try Cluster.objects(Self.widgetCRD), options: Cluster.applyOptions())
            let uid = try await cluster.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")?.uid
            var changed = try Cluster.objects(Manifests.crd("widgets", kind: "Widget", scope: "Cluster"))
            changed[0].annotations = annotations
            let changes = try await cluster.manager.applyAll(changed, options: Cluster.applyOptions(force: force))
            #expect(changes.description == "CustomResourceDefinition/widgets.example.com created")
            let live = try #require(try await cluster.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com"))
            #expect(live.uid != uid)
            #expect(live.raw[path: ["spec", "scope"]] == "Cluster")
        }
    }
}
