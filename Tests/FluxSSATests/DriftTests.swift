import FluxSSA
import KubeClient
import KubeModel
import StructuredData
import Testing

@Suite("Drift detection and correction for helm-controller on the embedded API server", .serialized)
struct DriftTests {
    /// A release's objects, as Helm wrote them (client-side create by `helm`).
    static func install(_ cluster: Cluster) async throws -> [KubeObject] {
        var objects = try Cluster.objects(Manifests.app).filter { !$0.isNamespace }
        Normalize.objects(&objects)
        for i in objects.indices {
            objects[i].labels = objects[i].labels.merging(["app.kubernetes.io/managed-by": "Helm"]) { a, _ in a }
            objects[i].annotations = ["meta.helm.sh/release-name": "podinfo", "meta.helm.sh/release-namespace": "apps"]
        }
        _ = try await cluster.client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: "apps"))
        for o in objects { _ = try await cluster.client.create(o, options: WriteOptions(fieldManager: "helm")) }
        return objects
    }

    static func helmManager(_ cluster: Cluster) -> ResourceManager {
        ResourceManager(client: cluster.client, owner: Owner(field: "helm-controller", group: FluxMetadata.helmGroup))
    }

    @Test("an untouched release has no drift")
    func noDrift() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let objects = try await Self.install(cluster)
            let result = try await Self.helmManager(cluster).diffAll(objects, options: .helmController())
            #expect(result.diffs.map(\.type) == [.none, .none, .none])
            #expect(result.diffs.summary() == "")
            #expect(result.error == nil)
        }
    }

    @Test("kubectl scale, label and delete show as drift in helm-controller's words")
    func kubectlEdits() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let objects = try await Self.install(cluster)
            try await cluster.edit("apps/v1", "Deployment", "podinfo", "apps", manager: "kubectl-scale", ["spec": ["replicas": 3]])
            try await cluster.edit("v1", "Service", "podinfo", "apps", manager: "kubectl-label",
                                   ["metadata": ["labels": ["app.kubernetes.io/managed-by": "someone", "extra": "ok"]]])
            let cm = try await cluster.client.resource(for: GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"))
            try await cluster.client.delete(cm, namespace: "apps", name: "settings")

            let manager = Self.helmManager(cluster)
            let result = try await manager.diffAll(objects, options: .helmController())
            #expect(result.diffs.summary() == """
                Deployment/apps/podinfo changed (0 additions, 1 changes, 0 removals)
                Service/apps/podinfo changed (0 additions, 1 changes, 0 removals)
                ConfigMap/apps/settings removed
                """)
            #expect(result.diffs[0].patch.json.serialized() == #"[{"value":1,"op":"replace","path":"/spec/replicas"}]"#)
            #expect(result.diffs[0].patch[0].oldValue == 3)
            #expect(result.diffs[1].patch.json.serialized() == #"[{"value":"Helm","op":"replace","path":"/metadata/labels/app.kubernetes.io~1managed-by"}]"#)

            let (corrected, error) = await manager.applyDiff(result.diffs)
            #expect(error == nil)
            #expect(corrected.description == """
                ConfigMap/apps/settings created
                Service/apps/podinfo configured
                Deployment/apps/podinfo configured
                """)
            let after = try await manager.diffAll(objects, options: .helmController())
            #expect(after.diffs.map(\.type) == [.none, .none, .none])
            #expect(try await cluster.get("v1", "Service", "podinfo", "apps")?.labels["extra"] == "ok")
        }
    }

    @Test("ignore rules hide the matching paths and exclusions skip objects")
    func ignoreRules() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let objects = try await Self.install(cluster)
            try await cluster.edit("apps/v1", "Deployment", "podinfo", "apps", manager: "kubectl-scale", ["spec": ["replicas": 5]])
            try await cluster.edit("v1", "ConfigMap", "settings", "apps", ["data": ["mode": "slow"]])
            let rules = [
                IgnoreRule(paths: ["/spec/replicas"], target: DiffSelector(group: "app.*", kind: "Deploy.*")),
                IgnoreRule(paths: ["/spec/replicas"], target: DiffSelector(kind: "ConfigMap")),
            ]
            var excluded = objects
            excluded[2].annotations[FluxMetadata.driftDetectionKey] = "disabled"
            let result = try await Self.helmManager(cluster).diffAll(excluded, options: .helmController(ignore: rules))
            #expect(result.diffs.map(\.type) == [.none, .none, .exclude])
            #expect(result.diffs.summary() == "ConfigMap/apps/settings excluded")
        }
    }

    @Test("Secret drift is masked only in the copy used for display")
    func secretMasking() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "creds", namespace: "default")
            secret.raw["data"] = ["password": "b2xk"]
            _ = try await cluster.client.create(secret, options: WriteOptions(fieldManager: "helm"))
            try await cluster.edit("v1", "Secret", "creds", "default", ["data": ["password": "aGFja2Vk"]])
            let manager = Self.helmManager(cluster)
            let diff = try await manager.diff(secret, options: .helmController())
            #expect(diff.maskedPatch.json.serialized() == #"[{"value":"*** (after)","op":"replace","path":"/data/password"}]"#)
            #expect(diff.patch.first?.value == "b2xk")
            _ = await manager.applyDiff([diff])
            #expect(try await cluster.get("v1", "Secret", "creds", "default")?.raw["data"] == ["password": "b2xk"])
        }
    }

    @Test("a failing object is reported in graceful mode and stops a strict diff")
    func gracefulErrors() async throws {
        try await Cluster.run { (cluster: Cluster) async throws in
            let widget = KubeObject(apiVersion: "example.com/v1", kind: "Widget", name: "w", namespace: "default")
            let cm = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "new", namespace: "default")
            let result = try await Self.helmManager(cluster).diffAll([widget, cm], options: .helmController())
            #expect(result.diffs.map(\.type) == [.create])
            // The read fails first, and jsondiff returns a read error unwrapped.
            #expect(result.error?.message == #"no matches for kind "Widget" in version "example.com/v1""#)
            await #expect(throws: FluxSSAError(.query, #"no matches for kind "Widget" in version "example.com/v1""#)) {
                _ = try await Self.helmManager(cluster).diffAll([widget, cm], options: DiffOptions(fieldManager: "helm-controller"))
            }
        }
    }
}
