import StructuredData

/// How resources are ordered in the output (kustomize's `--reorder`).
public enum ReorderOption: Sendable, Equatable {
    /// The CLI default: the legacy sort unless the kustomization sets `sortOptions`.
    case unspecified
    /// Kinds in kustomize's legacy order (Namespaces first, webhooks last), then by id.
    case legacy
    /// Depth-first input order.
    case none
}

/// Options of a build (the subset of `krusty.Options` that Flux and the CLI use).
public struct BuildOptions: Sendable {
    public var loadRestrictions: LoadRestrictions
    public var reorder: ReorderOption
    /// Adds `app.kubernetes.io/managed-by: kustomize-<version>` to every resource.
    public var addManagedByLabel: Bool
    /// Version in the managed-by label.
    public var managedByVersion: String
    /// Receives kustomize's warnings (deprecated fields), one line each, as each kustomization
    /// file is loaded; the CLI prints them on stderr. Ignored by default.
    public var warn: @Sendable (String) -> Void = { _ in }

    public init(loadRestrictions: LoadRestrictions = .rootOnly, reorder: ReorderOption = .unspecified,
                addManagedByLabel: Bool = false, managedByVersion: String = "v5.3.0") {
        self.loadRestrictions = loadRestrictions
        self.reorder = reorder
        self.addManagedByLabel = addManagedByLabel
        self.managedByVersion = managedByVersion
    }
}

/// The `kustomize build` engine.
public enum Kustomizer {
    /// Builds the kustomization at `path` (an absolute directory of `fs`) into resources.
    ///
    /// - Throws: `KustomizeError` worded as kustomize words it.
    public static func run(fs: any KustomizeFileSystem, path: String, options: BuildOptions = BuildOptions()) throws(KustomizeError) -> ResMap {
        let loader = try Loader.atRoot(fs: fs, path: path, restrictions: options.loadRestrictions)
        let context = BuildContext()
        var kt = try KustTarget.load(loader, options: options, context: context)
        try context.setSchema(kt.kustomization.openapi, loader: loader, reset: true)
        if !kt.kustomization.buildMetadata.isEmpty { kt.origin = Origin() }
        return try finish(kt, options: options)
    }

    /// Accumulates a loaded target and applies the final steps of `krusty.Kustomizer.Run`.
    static func finish(_ kt: KustTarget, options: BuildOptions) throws(KustomizeError) -> ResMap {
        var ra = try kt.accumulateTarget()
        // Hash suffixes, then name references, vars, and local-config removal.
        for i in ra.resMap.resources.indices where ra.resMap.resources[i].needsHash {
            var r = ra.resMap.resources[i]
            let hash = NameHasher.hash(r)
            r.storePreviousId()
            r.name = r.name + "-" + hash
            r.needsHash = false
            ra.resMap.resources[i] = r
        }
        try NameReference.fix(&ra.resMap, config: ra.config)
        try Var.resolve(ra.vars, &ra.resMap, specs: ra.config.varReference)
        ra.resMap.resources.removeAll { $0.annotations["config.kubernetes.io/local-config"] == "true" }
        var m = ra.resMap
        try SortOrder.apply(kt.kustomization.sortOptions, reorder: options.reorder, &m)
        let metadata = kt.kustomization.buildMetadata
        if options.addManagedByLabel || metadata.contains("managedByLabel") {
            try Transformers.setMap([("app.kubernetes.io/managed-by", "kustomize-" + options.managedByVersion)], &m,
                                    specs: [FieldSpec(path: "metadata/labels", create: true)])
        }
        removeBuildAnnotations(&m, keepOrigin: metadata.contains("originAnnotations"),
                               keepTransformations: metadata.contains("transformerAnnotations"))
        return m
    }

    /// Annotations kustomize uses during a build and removes at the end (`BuildAnnotations`).
    static let buildAnnotations: [String] = [
        "previousKinds", "previousNames", "prefixes", "suffixes", "previousNamespaces", "allowNameChange",
        "allowKindChange", "refBy", "generatorBehavior", "needsHashSuffix", "path", "index", "seqindent", "id",
        "annotations-migration-resource-id",
    ].map { "internal.config.kubernetes.io/" + $0 } + ["config.kubernetes.io/path", "config.kubernetes.io/index", "config.k8s.io/id"]

    /// kustomize's `RemoveBuildAnnotations`, `RemoveOriginAnnotations` and
    /// `RemoveTransformerAnnotations`: each rewrites the annotations it touches, which leaves every
    /// annotation value a string and drops an empty `annotations` map.
    static func removeBuildAnnotations(_ m: inout ResMap, keepOrigin: Bool, keepTransformations: Bool) {
        for i in m.resources.indices {
            var a = m.resources[i].annotationPairs
            let rewrite = !a.isEmpty || !keepOrigin || !keepTransformations
            guard rewrite else { continue }
            for key in buildAnnotations { a[key] = nil }
            if !keepOrigin { a[Origin.annotation] = nil }
            if !keepTransformations { a[Origin.transformationsAnnotation] = nil }
            m.resources[i].setAnnotations(a)
        }
    }

    /// Builds and serializes: exactly what `kustomize build` prints.
    public static func build(fs: any KustomizeFileSystem, path: String, options: BuildOptions = BuildOptions()) throws(KustomizeError) -> String {
        try run(fs: fs, path: path, options: options).asYAML()
    }
}

extension ResMap {
    /// The resources as YAML documents separated by `---` (kustomize's `ResMap.AsYaml`): keys
    /// sorted, formatted as `sigs.k8s.io/yaml` writes them.
    public func asYAML() throws(KustomizeError) -> String {
        var out = ""
        for (i, r) in resources.enumerated() {
            if i > 0 { out += "---\n" }
            do { out += try YAML.serialize(.object(r.object)) } catch {
                throw KustomizeError(.malformedYAML, error.message)
            }
        }
        return out
    }
}
