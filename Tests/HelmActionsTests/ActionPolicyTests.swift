import GoCompat
import KubeClient
import KubeModel
import StructuredData
import Testing
@testable import HelmActions

@Suite("CRDs from crds/ by helm-controller policy")
struct CRDPolicyTests {
    static let crds = APIResource(group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions",
                                  kind: "CustomResourceDefinition", namespaced: false)

    static func crd(_ description: String) -> String {
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
          annotations:
            note: \(description)
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """
    }

    @Test("Create creates missing CRDs and leaves existing ones; CreateReplace replaces them; Skip does nothing")
    func policies() async throws {
        try await TestCluster.with { client in
            let config = ActionTests.config(client)
            func note() async throws -> String? { try await client.get(Self.crds, name: "widgets.example.com").annotations["note"] }
            try await CRDInstaller.apply(config, [Self.crd("first")], policy: .skip)
            await #expect(throws: KubeClientError.self) { try await client.get(Self.crds, name: "widgets.example.com") }
            try await CRDInstaller.apply(config, [Self.crd("first")], policy: .create)
            #expect(try await note() == "first")
            try await CRDInstaller.apply(config, [Self.crd("second")], policy: .create)
            #expect(try await note() == "first")
            try await CRDInstaller.apply(config, [Self.crd("third")], policy: .createReplace)
            #expect(try await note() == "third")
        }
    }
}

@Suite("Wait timeouts and uninstall policies")
struct WaitAndPolicyTests {
    @Test("--wait on a Pod that never becomes ready fails the release with the context deadline")
    func waitTimeout() async throws {
        try await TestCluster.with { client in
            let config = ActionTests.config(client)
            let pod = "---\n# Source: demo/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: never\n  annotations:\n    swiftflux.dev/simulate: fail\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
            var install = Install(releaseName: "demo", namespace: "default")
            install.wait = WaitOptions(wait: true, timeout: GoDuration(nanoseconds: 1_000_000_000))
            await #expect(throws: HelmActionsError.message("context deadline exceeded")) {
                try await install.run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: pod))
            }
            let last = try await config.storage.last("demo")
            #expect(last.status == .failed && last.info?.description == "Release \"demo\" failed: context deadline exceeded")
        }
    }

    @Test("uninstall keeps `keep` objects, deletes unannotated ones, and (like Helm 3.13) skips other policy values")
    func split() throws {
        let manifest = Manifests.configMap("plain", "1")
            + Manifests.configMap("kept", "2", annotations: "  annotations:\n    helm.sh/resource-policy: \" Keep \"\n")
            + Manifests.configMap("odd", "3", annotations: "  annotations:\n    helm.sh/resource-policy: delete\n")
            + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n"
        let (kept, doomed) = try Uninstall.split(manifest)
        #expect(kept == "[ConfigMap] kept\n")
        let names = try YAML.parseDocuments(doomed).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
        #expect(names == ["svc", "plain"])  // uninstall order: Service before ConfigMap
    }
}

@Suite("Upgrading custom resources")
struct CustomResourceUpgradeTests {
    static func widget(_ spec: String) -> String {
        "---\n# Source: demo/templates/widget.yaml\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n\(spec)"
    }

    @Test("custom resources get a JSON merge patch from the old manifest: live drift in untouched fields is not reverted")
    func mergePatch() async throws {
        try await TestCluster.with { client in
            let config = ActionTests.config(client)
            try await CRDInstaller.apply(config, [CRDPolicyTests.crd("x")], policy: .create)
            let widgets = APIResource(group: "example.com", version: "v1", resource: "widgets", kind: "Widget", namespaced: true)
            try await Install(releaseName: "demo", namespace: "default")
                .run(config, chart: RenderedChart(chart: Manifests.chart(), manifest: Self.widget("  a: 1\n  b: 1\n  list: [1, 2]\n")))
            _ = try await client.patch(widgets, namespace: "default", name: "w", type: .merge, body: ["spec": ["a": 5, "c": "x"]])
            try await Upgrade(releaseName: "demo", namespace: "default")
                .run(config, chart: RenderedChart(chart: Manifests.chart("2"), manifest: Self.widget("  a: 1\n  b: 2\n  list: [3]\n")))
            let spec = try await client.get(widgets, namespace: "default", name: "w").raw["spec"]
            #expect(spec?["a"] == 5 && spec?["b"] == 2 && spec?["c"] == "x" && spec?["list"] == [3])
        }
    }
}
