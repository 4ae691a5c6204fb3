import StructuredData

/// A helm-controller `spec.postRenderers[].kustomize` entry (Flux helm-controller v0.37).
public struct KustomizePostRenderer: Sendable, Equatable {
    /// `patches[]`: a strategic merge or JSON 6902 patch with an optional target.
    public struct Patch: Sendable, Equatable {
        public var patch: String
        public var target: Selector?
        public init(patch: String, target: Selector? = nil) {
            self.patch = patch
            self.target = target
        }
    }

    /// `patchesJson6902[]` (deprecated): operations as JSON values and a target.
    public struct JSON6902Patch: Sendable, Equatable {
        public var target: Selector
        public var patch: [JSONValue]
        public init(target: Selector, patch: [JSONValue]) {
            self.target = target
            self.patch = patch
        }
    }

    public var patches: [Patch]
    /// `patchesStrategicMerge[]` (deprecated): patches as JSON objects.
    public var patchesStrategicMerge: [JSONValue]
    public var patchesJson6902: [JSON6902Patch]
    public var images: [ImageSpec]

    public init(patches: [Patch] = [], patchesStrategicMerge: [JSONValue] = [], patchesJson6902: [JSON6902Patch] = [],
                images: [ImageSpec] = []) {
        self.patches = patches
        self.patchesStrategicMerge = patchesStrategicMerge
        self.patchesJson6902 = patchesJson6902
        self.images = images
    }

    /// The kustomization helm-controller writes next to `helm-output.yaml`.
    var kustomization: Kustomization {
        var k = Kustomization()
        k.apiVersion = "kustomize.config.k8s.io/v1beta1"
        k.kind = "Kustomization"
        k.resources = ["helm-output.yaml"]
        k.images = images
        k.patches = patches.map { PatchSpec(patch: $0.patch, target: $0.target) }
        if !patchesStrategicMerge.isEmpty {
            k.patchesStrategicMerge = patchesStrategicMerge.map { $0.serialized() }
        }
        if !patchesJson6902.isEmpty {
            k.patchesJson6902 = patchesJson6902.map { PatchSpec(patch: JSONValue.array($0.patch).serialized(), target: $0.target) }
        }
        return k
    }

    /// Runs this post-renderer on a rendered manifest, as helm-controller's `Kustomize.Run`: an
    /// in-memory file system with `helm-output.yaml` and the generated kustomization, built with
    /// `LoadRestrictionsNone` and the CLI's default (legacy) ordering.
    public func run(_ manifest: String) throws(KustomizeError) -> String {
        var fs = InMemoryFileSystem()
        fs.write("/helm-output.yaml", manifest)
        fs.write("/kustomization.yaml", "kind: Kustomization\n")
        let loader = try Loader.atRoot(fs: fs, path: "/", restrictions: .none)
        let options = BuildOptions(loadRestrictions: .none, reorder: .unspecified)
        let kt = KustTarget(loader: loader, kustomization: kustomization, fileName: "kustomization.yaml", options: options,
                            context: BuildContext())
        return try Kustomizer.finish(kt, options: options).asYAML()
    }
}

/// helm-controller's post-render chain.
public enum HelmPostRender {
    /// Flux's origin-labels post-renderer: `helm.toolkit.fluxcd.io/name` and `/namespace` labels on
    /// every object (at `metadata/labels` only), without reordering.
    public static func originLabels(_ manifest: String, name: String, namespace: String) throws(KustomizeError) -> String {
        var m = ResMap()
        try m.appendAll(ResMap(try ResourceFactory.resources(from: Array(manifest.utf8))))
        try Transformers.setMap([("helm.toolkit.fluxcd.io/name", name), ("helm.toolkit.fluxcd.io/namespace", namespace)],
                                &m, specs: [FieldSpec(path: "metadata/labels", create: true)])
        return try m.asYAML()
    }

    /// The combined chain helm-controller builds: each kustomize post-renderer in order, then the
    /// origin labels of the HelmRelease `name`/`namespace`.
    public static func run(_ manifest: String, postRenderers: [KustomizePostRenderer], releaseName: String,
                           releaseNamespace: String) throws(KustomizeError) -> String {
        var text = manifest
        for renderer in postRenderers { text = try renderer.run(text) }
        return try originLabels(text, name: releaseName, namespace: releaseNamespace)
    }
}
