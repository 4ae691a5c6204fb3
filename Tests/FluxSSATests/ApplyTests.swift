import FluxSSA
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("Apply manager on the embedded API server", .serialized)
struct ApplyTests {
    @Test("objects are created, then unchanged on re-apply, then configured after a change")
    func changeSets() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var objects = try Cluster.objects(Manifests.app)
            Normalize.objects(&objects)
            let first = try await cluster.manager.applyAllStaged(objects, options: Cluster.applyOptions())
            #expect(first.description == """
                Namespace/apps created
                ConfigMap/apps/settings created
                Service/apps/podinfo created
                Deployment/apps/podinfo created
                """)
            let rv = try await cluster.get("v1", "ConfigMap", "settings", "apps")?.resourceVersion
            let second = try await cluster.manager.applyAllStaged(objects, options: Cluster.applyOptions())
            #expect(second.entries.map(\.action) == [.unchanged, .unchanged, .unchanged, .unchanged])
            #expect(try await cluster.get("v1", "ConfigMap", "settings", "apps")?.resourceVersion == rv)

            objects[3].raw["data"] = ["mode": "slow"]
            let third = try await cluster.manager.applyAllStaged(objects, options: Cluster.applyOptions())
            #expect(third.changedLines == ["ConfigMap/apps/settings configured"])
            #expect(try await cluster.get("v1", "ConfigMap", "settings", "apps")?.raw["data"] == ["mode": "slow"])
            #expect(Inventory(third).entries.map(\.id) == ["_apps__Namespace", "apps_settings__ConfigMap",
                                                           "apps_podinfo__Service", "apps_podinfo_apps_Deployment"])
        }
    }

    @Test("CRDs and Namespaces go first and are waited for, then Class kinds, then custom resources")
    func stages() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let yaml = [
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: shop}\nspec: {size: 2}",
                "apiVersion: example.com/v1\nkind: WidgetClass\nmetadata: {name: standard}\nspec: {driver: fast}",
                Manifests.crd("widgets", kind: "Widget"),
                Manifests.crd("widgetclasses", kind: "WidgetClass", scope: "Cluster"),
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}",
            ].joined(separator: "\n---\n")
            let changes = try await cluster.manager.applyAllStaged(try Cluster.objects(yaml), options: Cluster.applyOptions())
            #expect(changes.description == """
                CustomResourceDefinition/widgetclasses.example.com created
                CustomResourceDefinition/widgets.example.com created
                Namespace/shop created
                WidgetClass/standard created
                Widget/shop/w1 created
                """)
            #expect(try await cluster.get("example.com/v1", "Widget", "w1", "shop")?.raw[path: ["spec", "size"]] == 2)
        }
    }

    @Test("a failure in the last stage reports the earlier stages' changes after the error")
    func lastStageFailure() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: shop}"
            await #expect(throws: FluxSSAError(.dryRun, """
                Gadget/shop/g dry-run failed: no matches for kind "Gadget" in version "example.com/v1"
                Namespace/shop created

                """)) {
                _ = try await cluster.manager.applyAllStaged(try Cluster.objects(yaml), options: Cluster.applyOptions())
            }
        }
    }

    @Test("a namespaced object without a namespace fails its dry-run like controller-runtime")
    func missingNamespace() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "orphan")
            await #expect(throws: FluxSSAError(.dryRun, "ConfigMap/orphan namespace not specified: the server could not find the requested resource")) {
                _ = try await cluster.manager.apply(cm, options: Cluster.applyOptions())
            }
        }
    }

    @Test("kubectl's client-side apply metadata is removed and its fields taken over")
    func takesOverKubectl() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "legacy", namespace: "default")
            cm.raw["data"] = ["a": "1"]
            var seeded = cm
            seeded.annotations = ["kubectl.kubernetes.io/last-applied-configuration": #"{"data":{"a":"1"}}"#]
            _ = try await cluster.client.create(seeded, options: WriteOptions(fieldManager: "kubectl-client-side-apply"))

            let entry = try await cluster.manager.apply(cm, options: Cluster.applyOptions())
            #expect(entry.description == "ConfigMap/default/legacy configured")
            let live = try #require(try await cluster.get("v1", "ConfigMap", "legacy", "default"))
            #expect(live.annotations.isEmpty)
            let managers = live.managedFields?.arrayValue?.compactMap { $0["manager"]?.stringValue } ?? []
            #expect(managers == ["kustomize-controller"])
            #expect(try await cluster.manager.apply(cm, options: Cluster.applyOptions()).action == .unchanged)
        }
    }

    @Test("with ssa: Merge the kubectl metadata is kept")
    func mergeKeepsKubectl() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "legacy", namespace: "default")
            cm.raw["data"] = ["a": "1"]
            var seeded = cm
            seeded.annotations = ["kubectl.kubernetes.io/last-applied-configuration": "{}"]
            _ = try await cluster.client.create(seeded, options: WriteOptions(fieldManager: "kubectl-client-side-apply"))
            cm.annotations = ["kustomize.toolkit.fluxcd.io/ssa": "merge"]

            #expect(try await cluster.manager.apply(cm, options: Cluster.applyOptions()).action == .configured)
            let live = try #require(try await cluster.get("v1", "ConfigMap", "legacy", "default"))
            #expect(live.annotations["kubectl.kubernetes.io/last-applied-configuration"] == "{}")
            let managers = live.managedFields?.arrayValue?.compactMap { $0["manager"]?.stringValue } ?? []
            #expect(managers.contains("kubectl-client-side-apply"))
        }
    }
}
