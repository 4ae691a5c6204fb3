import OrderedCollections
import StructuredData

/// A decoded `kustomization.yaml` (kinds Kustomization and Component), after kustomize's
/// `FixKustomization` (bases folded into resources, imageTags into images, envSource into envs).
public struct Kustomization: Sendable {
    public var apiVersion = ""
    public var kind = ""
    public var resources: [String] = []
    public var components: [String] = []
    public var crds: [String] = []
    public var configurations: [String] = []
    public var generators: [String] = []
    public var transformers: [String] = []
    public var validators: [String] = []
    public var namePrefix = ""
    public var nameSuffix = ""
    public var namespace = ""
    public var commonLabels: OrderedDictionary<String, String>? = nil
    public var labels: [LabelSpec] = []
    public var commonAnnotations: OrderedDictionary<String, String> = [:]
    public var patchesStrategicMerge: [String]? = nil
    public var patchesJson6902: [PatchSpec]? = nil
    public var patches: [PatchSpec] = []
    public var images: [ImageSpec] = []
    public var replacements: [JSONValue] = []
    public var replicas: [ReplicaSpec] = []
    public var vars: [JSONValue] = []
    public var sortOptions: JSONValue? = nil
    public var configMapGenerator: [GeneratorArgs] = []
    public var secretGenerator: [GeneratorArgs] = []
    public var generatorOptions: GeneratorOptions? = nil
    public var openapi: OrderedDictionary<String, String> = [:]
    public var buildMetadata: [String] = []
    public var helmCharts: [JSONValue] = []
    /// Deprecation warnings kustomize prints (to stderr) when it loads this file.
    public var warnings: [String] = []

    public init() {}

    /// Whether the kind is Component.
    public var isComponent: Bool { kind == "Component" }
}

/// One entry of `labels:`.
public struct LabelSpec: Sendable {
    public var pairs: OrderedDictionary<String, String> = [:]
    public var includeSelectors = false
    public var includeTemplates = false
    public var fields: [FieldSpec] = []
    public init() {}
}

/// A patch of `patches:` (or the deprecated `patchesJson6902:`): inline text or a file path, with
/// an optional target selector and options.
public struct PatchSpec: Sendable {
    public var path = ""
    public var patch = ""
    public var target: Selector? = nil
    public var allowNameChange = false
    public var allowKindChange = false
    public init(path: String = "", patch: String = "", target: Selector? = nil) {
        self.path = path
        self.patch = patch
        self.target = target
    }
}

/// A resource selector (kustomize's `types.Selector`): GVK, name and namespace as anchored
/// regular expressions, plus label and annotation selectors.
public struct Selector: Sendable, Equatable {
    public var group = ""
    public var version = ""
    public var kind = ""
    public var name = ""
    public var namespace = ""
    public var labelSelector = ""
    public var annotationSelector = ""
    public init(group: String = "", version: String = "", kind: String = "", name: String = "", namespace: String = "",
                labelSelector: String = "", annotationSelector: String = "") {
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
    }
}

/// An entry of `images:`.
public struct ImageSpec: Sendable, Equatable {
    public var name = ""
    public var newName = ""
    public var newTag = ""
    public var digest = ""
    public var tagSuffix = ""
    public init(name: String = "", newName: String = "", newTag: String = "", digest: String = "") {
        self.name = name
        self.newName = newName
        self.newTag = newTag
        self.digest = digest
    }
}

/// An entry of `replicas:`.
public struct ReplicaSpec: Sendable {
    public var name = ""
    public var count: Int64 = 0
}

/// `generatorOptions` / per-generator `options`.
public struct GeneratorOptions: Sendable {
    public var labels: OrderedDictionary<String, String> = [:]
    public var annotations: OrderedDictionary<String, String> = [:]
    public var disableNameSuffixHash = false
    public var immutable = false
    public init() {}

    /// kustomize's `MergeGlobalOptionsIntoLocal`: local labels/annotations win, and
    /// `disableNameSuffixHash`/`immutable` are on when on in either.
    static func merged(local: GeneratorOptions?, global: GeneratorOptions?) -> GeneratorOptions? {
        guard let global else { return local }
        var result = local ?? GeneratorOptions()
        for (k, v) in global.labels where result.labels[k] == nil { result.labels[k] = v }
        for (k, v) in global.annotations where result.annotations[k] == nil { result.annotations[k] = v }
        if global.disableNameSuffixHash { result.disableNameSuffixHash = true }
        if global.immutable { result.immutable = true }
        return result
    }
}

/// A `configMapGenerator` or `secretGenerator` entry.
public struct GeneratorArgs: Sendable {
    public var name = ""
    public var namespace = ""
    public var behavior = ""
    public var type = ""
    public var literals: [String] = []
    public var files: [String] = []
    public var envs: [String] = []
    public var options: GeneratorOptions? = nil
    public init() {}
}

/// A field spec: a slash-separated path in resources of a GVK (kustomize's `types.FieldSpec`).
public struct FieldSpec: Sendable, Equatable {
    public var gvk: Gvk
    public var path: String
    public var create: Bool
    public init(gvk: Gvk = Gvk(), path: String, create: Bool = false) {
        self.gvk = gvk
        self.path = path
        self.create = create
    }
}
