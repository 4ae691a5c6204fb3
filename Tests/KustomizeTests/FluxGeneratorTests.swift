import Foundation
import Kustomize
import StructuredData
import SwiftFluxTesting
import Testing

/// kustomize-controller's generator (`fluxcd/pkg/kustomize` v1.5.0) on the fixtures under
/// `Fixtures/flux` (nothing is written: the generated file is served from memory).
@Suite struct FluxGeneratorTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/flux")

    static func dir(_ name: String) throws -> (fs: DiskFileSystem, path: String) {
        let fs = try DiskFileSystem(root: fixtures.appendingPathComponent(name).path)
        return (fs, fs.root)
    }

    @Test("a directory without a kustomization file gets one listing its manifests and sub-kustomizations")
    func generatesResources() throws {
        let (fs, path) = try Self.dir("plain")
        let out = try FluxGenerator.generate(fs: fs, dirPath: path, spec: FluxKustomizationSpec())
        #expect(out.action == .created)
        #expect(out.path == path + "/kustomization.yaml")
        #expect(out.text == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - ./a.yaml
            - ./apps/b.yml
            - ./apps/nested/c.yaml
            - ./kustom

            """)
    }

    static let mergeSpec = FluxKustomizationSpec(
        targetNamespace: "prod",
        patches: [PatchSpec(patch: "- op: add\n  path: /metadata/labels\n  value:\n    patched: \"yes\"\n",
                            target: Selector(kind: "Deployment"))],
        images: [ImageSpec(name: "ghcr.io/example/api", newTag: "1.0.0"), ImageSpec(name: "nginx", newName: "mirror/nginx")],
        components: ["extras"])

    @Test("the Flux fields are merged into an existing file read as kustomize's type (unknown fields dropped)")
    func mergesIntoExisting() throws {
        let (fs, path) = try Self.dir("existing")
        let out = try FluxGenerator.generate(fs: fs, dirPath: path, spec: Self.mergeSpec)
        #expect(out.action == .unchanged)
        #expect(out.text == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            components:
            - extras
            images:
            - name: ghcr.io/example/api
              newTag: 1.0.0
            - name: busybox
              newTag: "1.36"
            - name: nginx
              newName: mirror/nginx
            kind: Kustomization
            namePrefix: ex-
            namespace: prod
            patches:
            - patch: |
                - op: add
                  path: /metadata/labels
                  value:
                    patched: "yes"
              target:
                kind: Deployment
            resources:
            - app.yaml

            """)
    }

    @Test("generated builds equal kubectl kustomize of the same directory with the file written out",
          .enabled(if: KustomizeDifferentialTests.kubectl != nil), arguments: ["plain", "existing"])
    func buildMatchesKubectl(_ name: String) async throws {
        let (fs, path) = try Self.dir(name)
        let spec = name == "existing" ? Self.mergeSpec : FluxKustomizationSpec(targetNamespace: "apps")
        let ours = try FluxGenerator.build(fs: fs, dirPath: path, spec: spec)
        let generated = try FluxGenerator.generate(fs: fs, dirPath: path, spec: spec)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("fluxgen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: tmp)
        try Data(generated.text.utf8).write(to: tmp.appendingPathComponent("kustomization.yaml"))
        let theirs = try await ProcessRunner.run(try #require(KustomizeDifferentialTests.kubectl),
                                                 ["kustomize", "--load-restrictor", "LoadRestrictionsNone", tmp.path])
        #expect(theirs.status == 0)
        #expect(ours == theirs.stdout)
    }

    @Test("a manifest that does not decode fails the generation, naming the file")
    func undecodableManifest() throws {
        let (fs, path) = try Self.dir("bad")
        #expect {
            _ = try FluxGenerator.generate(fs: fs, dirPath: path, spec: FluxKustomizationSpec())
        } throws: { error in
            (error as? KustomizeError)?.message == "failed to decode Kubernetes YAML from \(path)/noname.yaml: missing metadata.name in object {{v1 ConfigMap} {{ } map[] map[]}}"
        }
    }

    @Test("a component that is not a local relative path is refused")
    func remoteComponent() throws {
        let (fs, path) = try Self.dir("existing")
        #expect {
            _ = try FluxGenerator.generate(fs: fs, dirPath: path, spec: FluxKustomizationSpec(components: ["https://example.com/c"]))
        } throws: { error in
            (error as? KustomizeError)?.message == "component path 'https://example.com/c' must be local and relative"
        }
    }

    @Test("local relative paths are told apart from remote and absolute ones", arguments: [
        ("../components/a", true), ("extras", true), ("/abs/path", false), ("file:///abs", false),
        ("github.com/org/repo", false), ("git@github.com:org/repo", false), ("HTTPS://example.com/x", false),
        ("gh:org/repo", false), ("git::https://x", false),
    ])
    func localRelativePaths(_ path: String, _ local: Bool) {
        #expect(FluxGenerator.isLocalRelativePath(path) == local)
    }

    @Test("the spec is read from a Flux Kustomization object")
    func specFromObject() throws {
        let object = try YAML.parse("""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: apps
            spec:
              targetNamespace: team-a
              components:
              - ../extras
              images:
              - name: nginx
                newTag: "1.27"
              patches:
              - patch: |
                  - op: remove
                    path: /spec/replicas
                target:
                  kind: Deployment
                  labelSelector: app=web
              patchesJson6902:
              - target:
                  kind: Service
                  name: web
                patch:
                - op: add
                  path: /metadata/annotations
                  value: {a: b}
            """)
        let spec = try FluxKustomizationSpec(kustomization: try #require(object.objectValue))
        #expect(spec.targetNamespace == "team-a")
        #expect(spec.components == ["../extras"])
        #expect(spec.images == [ImageSpec(name: "nginx", newTag: "1.27")])
        #expect(spec.patches.count == 1)
        #expect(spec.patches.first?.target == Selector(kind: "Deployment", labelSelector: "app=web"))
        #expect(spec.patchesJson6902.first?.target == Selector(kind: "Service", name: "web"))
        #expect(spec.patchesJson6902.first?.patch.count == 1)
    }
}
