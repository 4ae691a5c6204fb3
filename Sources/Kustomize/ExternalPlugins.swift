import StructuredData

/// `generators:`/`transformers:` entries. Only builtin plugin configurations (`apiVersion:
/// builtin`) are supported — Flux disables exec and Go plugins; anything else is refused as
/// kustomize refuses it without plugins enabled.
enum ExternalPlugins {
    /// Runs each generator configuration and absorbs what it makes.
    static func runGenerators(_ configs: [Resource], target: KustTarget, into ra: inout Accumulator) throws(KustomizeError) {
        for c in configs {
            let made: [Resource]
            switch (c.apiVersion, c.kind) {
            case ("builtin", "ConfigMapGenerator"), ("builtin", "SecretGenerator"):
                var args = try Kustomization.generator(c.object)
                if args.name.isEmpty { args.name = c.name }
                if args.namespace.isEmpty { args.namespace = c.namespace }
                made = [try Generators.make(args, secret: c.kind == "SecretGenerator", loader: target.loader)]
            case ("builtin", "IAMPolicyGenerator"):
                made = [try iamPolicyServiceAccount(c.object)]
            default:
                throw KustomizeError(.invalid, "loading generator plugins: failed to load generator: \(unsupported(c))")
            }
            var generated = made
            if let origin = Origin.fromPlugin(c) {
                for i in generated.indices where generated[i].origin == nil { generated[i].setOrigin(origin) }
            }
            do { try ra.resMap.absorbAll(ResMap(generated)) } catch {
                throw error.prefixed("merging from generator \(c.kind)")
            }
        }
    }

    /// The GKE ServiceAccount `IAMPolicyGenerator` makes (`cloud: gke` only).
    private static func iamPolicyServiceAccount(_ o: JSONObject) throws(KustomizeError) -> Resource {
        let cloud = o["cloud"]?.stringValue ?? ""
        guard cloud == "gke" else { throw KustomizeError(.invalid, "cloud provider \(cloud) not supported yet") }
        let k8s = o["kubernetesService"]?.objectValue ?? [:]
        let gsa = o["serviceAccount"]?.objectValue ?? [:]
        let account = "\(gsa["name"]?.stringValue ?? "")@\(gsa["projectId"]?.stringValue ?? "").iam.gserviceaccount.com"
        var meta: JSONObject = ["annotations": .object(["iam.gke.io/gcp-service-account": .string(account)]),
                                "name": .string(k8s["name"]?.stringValue ?? "")]
        if let ns = k8s["namespace"]?.stringValue, !ns.isEmpty { meta["namespace"] = .string(ns) }
        return Resource(["apiVersion": "v1", "kind": "ServiceAccount", "metadata": .object(meta)])
    }

    /// The transformer steps of `transformers:` configurations, each with the origin kustomize
    /// derives from its configuration resource.
    static func transformers(_ configs: [Resource], target: KustTarget) throws(KustomizeError) -> [TransformerStep] {
        var steps: [TransformerStep] = []
        for c in configs {
            steps.append(TransformerStep(origin: Origin.fromPlugin(c), run: try transformer(c, target: target)))
        }
        return steps
    }

    private static func transformer(_ c: Resource, target: KustTarget) throws(KustomizeError) -> (inout ResMap) throws(KustomizeError) -> Void {
        let o = c.object
        let loader = target.loader
        let context = target.context
        guard c.apiVersion == "builtin" else { throw unsupported(c) }
        let specs = try fieldSpecs(o["fieldSpecs"])
        switch c.kind {
        case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer":
            let prefix = o["prefix"]?.stringValue
            let suffix = o["suffix"]?.stringValue
            return { m throws(KustomizeError) in
                if let prefix { try Transformers.prefixSuffix(prefix, isPrefix: true, &m, specs: specs) }
                if let suffix { try Transformers.prefixSuffix(suffix, isPrefix: false, &m, specs: specs) }
            }
        case "LabelTransformer", "AnnotationsTransformer":
            let key = c.kind == "LabelTransformer" ? "labels" : "annotations"
            let pairs = (o[key]?.objectValue ?? [:]).compactMap { k, v in v.stringValue.map { (k, $0) } }.sorted { $0.0 < $1.0 }
            return { m throws(KustomizeError) in try Transformers.setMap(pairs, &m, specs: specs) }
        case "NamespaceTransformer":
            var config = TransformerConfig()
            config.namespace = specs
            let ns = c.namespace
            return { m throws(KustomizeError) in try Transformers.namespace(ns, &m, config: config) }
        case "ImageTagTransformer":
            guard case .object(let img)? = o["imageTag"] else { return { _ throws(KustomizeError) in } }
            var spec = ImageSpec(name: img["name"]?.stringValue ?? "", newName: img["newName"]?.stringValue ?? "",
                                 newTag: img["newTag"]?.stringValue ?? "", digest: img["digest"]?.stringValue ?? "")
            spec.tagSuffix = img["tagSuffix"]?.stringValue ?? ""
            return { m throws(KustomizeError) in try Images.transform(spec, &m, specs: specs) }
        case "PatchTransformer":
            var p = try Kustomization.patch(o)
            if p.target == nil, let t = o["target"]?.objectValue { p.target = try Kustomization.selector(t) }
            return { [p] m throws(KustomizeError) in try Patches.patch(p, &m, loader: loader, custom: context.schema) }
        case "PatchStrategicMergeTransformer":
            var entries = (o["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
            if let inline = o["patches"]?.stringValue { entries.append(inline) }
            return { [entries] m throws(KustomizeError) in try Patches.strategicMerge(entries, &m, loader: loader, custom: context.schema) }
        case "PatchJson6902Transformer":
            var p = PatchSpec(path: o["path"]?.stringValue ?? "", patch: o["jsonOp"]?.stringValue ?? "")
            if let t = o["target"]?.objectValue { p.target = try Kustomization.selector(t) }
            return { [p] m throws(KustomizeError) in try Patches.json6902(p, &m, loader: loader) }
        case "ReplacementTransformer":
            let list = o["replacements"]?.arrayValue ?? []
            return { m throws(KustomizeError) in
                try Replacements.apply(try Replacements.load(list, loader: loader), &m)
            }
        case "ReplicaCountTransformer":
            guard case .object(let rep)? = o["replica"] else { return { _ throws(KustomizeError) in } }
            var spec = ReplicaSpec()
            spec.name = rep["name"]?.stringValue ?? ""
            spec.count = rep["count"]?.intValue ?? 0
            return { [spec] m throws(KustomizeError) in try Transformers.replicas(spec, &m, specs: specs) }
        default:
            throw unsupported(c)
        }
    }

    private static func fieldSpecs(_ v: JSONValue?) throws(KustomizeError) -> [FieldSpec] {
        var out: [FieldSpec] = []
        for item in v?.arrayValue ?? [] {
            if case .object(let o) = item { out.append(try Kustomization.fieldSpec(o)) }
        }
        return out
    }

    private static func unsupported(_ c: Resource) -> KustomizeError {
        if c.apiVersion == "builtin" {
            return KustomizeError(.invalid, "unable to load builtin \(c.gvk.description)")
        }
        return KustomizeError(.invalid, "external plugins disabled; unable to load external plugin '\(c.kind)'")
    }
}
