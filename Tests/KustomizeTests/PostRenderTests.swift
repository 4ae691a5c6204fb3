import Foundation
import HelmEngine
import Kustomize
import SharedTestData
import StructuredData
import SwiftFluxTesting
import Testing

/// helm-controller's post-renderers on podinfo: ours against `helm template | kubectl kustomize`.
@Suite struct PostRenderTests {
    static func podinfoManifest() throws -> String {
        let chart = try #require(SharedConformance.root()) + "/charts/podinfo-6.5.3"
        let loaded = try ChartLoader().load(path: chart)
        var capabilities = Capabilities()
        capabilities.kubeVersion = try Capabilities.KubeVersion.parse("1.28.3")
        return try InstallRender(release: ReleaseOptions(name: "podinfo"), capabilities: capabilities).run(chart: loaded, values: [:]).manifest
    }

    static let renderer = KustomizePostRenderer(
        patches: [
            .init(patch: "- op: add\n  path: /metadata/annotations\n  value:\n    team: web\n", target: Selector(kind: "Deployment")),
            .init(patch: "apiVersion: v1\nkind: Service\nmetadata:\n  name: podinfo\nspec:\n  type: NodePort\n"),
        ],
        images: [ImageSpec(name: "ghcr.io/stefanprodan/podinfo", newName: "registry.example.com/podinfo", newTag: "6.6.0")])

    static let equivalentKustomization = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - helm-output.yaml
        images:
        - name: ghcr.io/stefanprodan/podinfo
          newName: registry.example.com/podinfo
          newTag: 6.6.0
        patches:
        - target:
            kind: Deployment
          patch: |
            - op: add
              path: /metadata/annotations
              value:
                team: web
        - patch: |
            apiVersion: v1
            kind: Service
            metadata:
              name: podinfo
            spec:
              type: NodePort

        """

    @Test("podinfo with patches and images post-renderers equals helm template | kubectl kustomize",
          .enabled(if: KustomizeDifferentialTests.kubectl != nil))
    func podinfoMatchesKubectl() async throws {
        let manifest = try Self.podinfoManifest()
        let ours = try Self.renderer.run(manifest)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("postrender-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: tmp.appendingPathComponent("helm-output.yaml"))
        try Data(Self.equivalentKustomization.utf8).write(to: tmp.appendingPathComponent("kustomization.yaml"))
        let theirs = try await ProcessRunner.run(try #require(KustomizeDifferentialTests.kubectl), ["kustomize", tmp.path])
        #expect(theirs.status == 0)
        #expect(ours == theirs.stdout)
        #expect(ours.contains("image: registry.example.com/podinfo:6.6.0"))
    }

    /// The real Helm v3.13.2 (`$SWIFTFLUX_HELM`, else `.tools/` after `setup_helm`).
    static let helm: String? = {
        if let env = ProcessInfo.processInfo.environment["SWIFTFLUX_HELM"], FileManager.default.isExecutableFile(atPath: env) {
            return env
        }
        let local = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".tools/helm-v3.13.2/helm/helm").path
        return FileManager.default.isExecutableFile(atPath: local) ? local : nil
    }()

    @Test("podinfo post-rendered in process equals the real helm template piped through kubectl kustomize",
          .enabled(if: KustomizeDifferentialTests.kubectl != nil && helm != nil && SharedConformance.isAvailable))
    func podinfoMatchesRealHelm() async throws {
        let chart = try #require(SharedConformance.root()) + "/charts/podinfo-6.5.3"
        let rendered = try await ProcessRunner.run(try #require(Self.helm),
                                                   ["template", "podinfo", chart, "--skip-tests", "--kube-version", "1.28.3"])
        #expect(rendered.status == 0)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("postrender-helm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        try Data(rendered.stdout.utf8).write(to: tmp.appendingPathComponent("helm-output.yaml"))
        try Data(Self.equivalentKustomization.utf8).write(to: tmp.appendingPathComponent("kustomization.yaml"))
        let theirs = try await ProcessRunner.run(try #require(KustomizeDifferentialTests.kubectl), ["kustomize", tmp.path])
        #expect(theirs.status == 0)
        #expect(try Self.renderer.run(try Self.podinfoManifest()) == theirs.stdout)
    }

    @Test("origin labels are added to every object's metadata only")
    func originLabels() throws {
        let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n  labels:\n    app: b\nspec:\n  template:\n    metadata:\n      labels:\n        app: b\n"
        let out = try HelmPostRender.originLabels(manifest, name: "podinfo", namespace: "apps")
        #expect(out == """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                helm.toolkit.fluxcd.io/name: podinfo
                helm.toolkit.fluxcd.io/namespace: apps
              name: a
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                app: b
                helm.toolkit.fluxcd.io/name: podinfo
                helm.toolkit.fluxcd.io/namespace: apps
              name: b
            spec:
              template:
                metadata:
                  labels:
                    app: b

            """)
    }

    @Test("the combined chain runs the kustomize renderers first, then origin labels")
    func combinedChain() throws {
        let manifest = try Self.podinfoManifest()
        let out = try HelmPostRender.run(manifest, postRenderers: [Self.renderer], releaseName: "podinfo", releaseNamespace: "apps")
        let expected = try HelmPostRender.originLabels(try Self.renderer.run(manifest), name: "podinfo", namespace: "apps")
        #expect(out == expected)
        #expect(out.contains("helm.toolkit.fluxcd.io/namespace: apps"))
    }

    @Test("deprecated patchesStrategicMerge and patchesJson6902 entries apply")
    func deprecatedPatches() throws {
        let manifest = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n"
        let renderer = KustomizePostRenderer(
            patchesStrategicMerge: [["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["type": "NodePort"]]],
            patchesJson6902: [.init(target: Selector(version: "v1", kind: "Service", name: "s"),
                                    patch: [["op": "add", "path": "/metadata/labels", "value": ["a": "b"]]])])
        #expect(try renderer.run(manifest) == "apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    a: b\n  name: s\nspec:\n  ports:\n  - port: 80\n  type: NodePort\n")
    }
}
