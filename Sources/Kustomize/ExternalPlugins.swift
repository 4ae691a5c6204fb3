import StructuredData

/// `generators:`/`transformers:` entries. Only builtin plugin configurations are supported
/// (Flux disables exec and Go plugins); anything else is refused as kustomize does without
/// plugins enabled.
enum ExternalPlugins {
    static func configs(_ entries: [String], loader: Loader) throws(KustomizeError) -> [Resource] {
        var out: [Resource] = []
        for entry in entries {
            if entry.contains("\n"), let inline = try? ResourceFactory.resources(from: Array(entry.utf8)), !inline.isEmpty {
                out += inline
                continue
            }
            do {
                out += try ResourceFactory.resources(from: try loader.load(entry))
            } catch {
                let sub = try loader.new(entry)
                let kt = try KustTarget.load(sub, options: BuildOptions(loadRestrictions: loader.restrictions))
                out += try kt.accumulateTarget().resMap.resources
            }
        }
        return out
    }

    static func runGenerators(_ entries: [String], target: KustTarget, into ra: inout Accumulator) throws(KustomizeError) {
        for c in try configs(entries, loader: target.loader) {
            guard c.apiVersion == "builtin", c.kind == "ConfigMapGenerator" || c.kind == "SecretGenerator" else { throw unsupported(c) }
            var args = try Kustomization.generator(c.object)
            args.name = c.name
            args.namespace = c.namespace
            let r = try Generators.make(args, secret: c.kind == "SecretGenerator", loader: target.loader)
            try ra.resMap.absorbAll(ResMap([r]))
        }
    }

    static func runTransformers(_ entries: [String], target: KustTarget, _ ra: inout Accumulator) throws(KustomizeError) {
        for c in try configs(entries, loader: target.loader) {
            let o = c.object
            switch (c.apiVersion, c.kind) {
            case ("builtin", "PrefixSuffixTransformer"), ("builtin", "PrefixTransformer"), ("builtin", "SuffixTransformer"):
                let specs = try fieldSpecs(o["fieldSpecs"])
                if let p = o["prefix"]?.stringValue { try Transformers.prefixSuffix(p, isPrefix: true, &ra.resMap, specs: specs) }
                if let s = o["suffix"]?.stringValue { try Transformers.prefixSuffix(s, isPrefix: false, &ra.resMap, specs: specs) }
            case ("builtin", "LabelTransformer"), ("builtin", "AnnotationsTransformer"):
                let key = c.kind == "LabelTransformer" ? "labels" : "annotations"
                let pairs = (o[key]?.objectValue ?? [:]).compactMap { k, v in v.stringValue.map { (k, $0) } }
                try Transformers.setMap(pairs.sorted { $0.0 < $1.0 }, &ra.resMap, specs: try fieldSpecs(o["fieldSpecs"]))
            case ("builtin", "NamespaceTransformer"):
                var config = TransformerConfig()
                config.namespace = try fieldSpecs(o["fieldSpecs"])
                try Transformers.namespace(c.namespace, &ra.resMap, config: config)
            case ("builtin", "ImageTagTransformer"):
                if case .object(let img)? = o["imageTag"] {
                    var spec = ImageSpec(name: img["name"]?.stringValue ?? "", newName: img["newName"]?.stringValue ?? "",
                                         newTag: img["newTag"]?.stringValue ?? "", digest: img["digest"]?.stringValue ?? "")
                    spec.tagSuffix = img["tagSuffix"]?.stringValue ?? ""
                    try Images.transform(spec, &ra.resMap, specs: try fieldSpecs(o["fieldSpecs"]))
                }
            case ("builtin", "PatchTransformer"):
                var p = try Kustomization.patch(o)
                if p.target == nil, let t = o["target"]?.objectValue { p.target = try Kustomization.selector(t) }
                try Patches.patch(p, &ra.resMap, loader: target.loader, custom: try target.customSchema())
            case ("builtin", "PatchStrategicMergeTransformer"):
                var entries = (o["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
                if let inline = o["patches"]?.stringValue { entries.append(inline) }
                try Patches.strategicMerge(entries, &ra.resMap, loader: target.loader, custom: try target.customSchema())
            case ("builtin", "PatchJson6902Transformer"):
                var p = PatchSpec(path: o["path"]?.stringValue ?? "", patch: o["jsonOp"]?.stringValue ?? "")
                if let t = o["target"]?.objectValue { p.target = try Kustomization.selector(t) }
                try Patches.json6902(p, &ra.resMap, loader: target.loader)
            case ("builtin", "ReplacementTransformer"):
                for r in o["replacements"]?.arrayValue ?? [] {
                    try Replacements.apply(try Replacements.load(r, loader: target.loader), &ra.resMap)
                }
            case ("builtin", "ReplicaCountTransformer"):
                if case .object(let rep)? = o["replica"] {
                    var spec = ReplicaSpec()
                    spec.name = rep["name"]?.stringValue ?? ""
                    spec.count = rep["count"]?.intValue ?? 0
                    try Transformers.replicas(spec, &ra.resMap, specs: try fieldSpecs(o["fieldSpecs"]))
                }
            default:
                throw unsupported(c)
            }
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
            return KustomizeError(.invalid, "unable to load builtin \(c.kind).builtin.[noGrp]")
        }
        return KustomizeError(.invalid, "external plugins disabled; unable to load external plugin '\(c.kind)'")
    }
}
