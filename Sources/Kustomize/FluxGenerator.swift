import StructuredData

/// What kustomize-controller's generator (`fluxcd/pkg/kustomize` v1.5.0, Flux 2.2) merges from a
/// Flux `Kustomization`'s `spec` into the kustomization file it builds.
public struct FluxKustomizationSpec: Sendable {
    /// `spec.targetNamespace` → `namespace`.
    public var targetNamespace: String?
    /// `spec.patches` → appended to `patches`.
    public var patches: [PatchSpec] = []
    /// `spec.patchesStrategicMerge` (deprecated) → appended to `patchesStrategicMerge`, as JSON.
    public var patchesStrategicMerge: [JSONValue] = []
    /// `spec.patchesJson6902` (deprecated) → appended to `patchesJson6902`.
    public var patchesJson6902: [KustomizePostRenderer.JSON6902Patch] = []
    /// `spec.images` → an entry with the same `name` is replaced, others appended.
    public var images: [ImageSpec] = []
    /// `spec.components` → appended to `components`; each must be a local relative path.
    public var components: [String] = []

    public init(targetNamespace: String? = nil, patches: [PatchSpec] = [], patchesStrategicMerge: [JSONValue] = [],
                patchesJson6902: [KustomizePostRenderer.JSON6902Patch] = [], images: [ImageSpec] = [],
                components: [String] = []) {
        self.targetNamespace = targetNamespace
        self.patches = patches
        self.patchesStrategicMerge = patchesStrategicMerge
        self.patchesJson6902 = patchesJson6902
        self.images = images
        self.components = components
    }

    /// Reads the fields from a Flux `Kustomization` object (`spec.targetNamespace`, `patches`,
    /// `patchesStrategicMerge`, `patchesJson6902`, `images`, `components`).
    ///
    /// - Throws: `.invalid` when a field has the wrong type.
    public init(kustomization object: JSONObject) throws(KustomizeError) {
        let spec = object["spec"]?.objectValue ?? [:]
        if let ns = spec["targetNamespace"] {
            guard let s = ns.stringValue else {
                throw KustomizeError(.invalid, ".spec.targetNamespace accessor error: \(StrategicMerge.scalarText(ns)) is of the type \(goJSONType(ns)), expected string")
            }
            targetNamespace = s
        }
        for p in try Self.objects(spec, "patches") {
            var patch = PatchSpec(patch: p["patch"]?.stringValue ?? "")
            if let t = p["target"]?.objectValue { patch.target = try Kustomization.selector(t) }
            patches.append(patch)
        }
        patchesStrategicMerge = (spec["patchesStrategicMerge"]?.arrayValue ?? [])
        for p in try Self.objects(spec, "patchesJson6902") {
            let target = try Kustomization.selector(p["target"]?.objectValue ?? [:])
            patchesJson6902.append(.init(target: target, patch: p["patch"]?.arrayValue ?? []))
        }
        for i in try Self.objects(spec, "images") {
            images.append(ImageSpec(name: i["name"]?.stringValue ?? "", newName: i["newName"]?.stringValue ?? "",
                                    newTag: i["newTag"]?.stringValue ?? "", digest: i["digest"]?.stringValue ?? ""))
        }
        if let c = spec["components"] {
            guard case .array(let items) = c else {
                throw KustomizeError(.invalid, "unable to get components: .spec.components accessor error: expected []interface{}")
            }
            components = items.compactMap(\.stringValue)
        }
    }

    private static func objects(_ spec: JSONObject, _ key: String) throws(KustomizeError) -> [JSONObject] {
        guard let v = spec[key], !v.isNull else { return [] }
        guard case .array(let items) = v else {
            throw KustomizeError(.invalid, "unable to get \(key): .spec.\(key) accessor error: \(goJSONType(v)) is of the type, expected []interface{}")
        }
        var out: [JSONObject] = []
        for (k, item) in items.enumerated() {
            guard case .object(let o) = item else {
                throw KustomizeError(.invalid, "unable to get \(key): unable to convert patch \(k) to map[string]interface{}")
            }
            out.append(o)
        }
        return out
    }
}
