import OrderedCollections
import StructuredData

extension Kustomization {
    static let knownFields: Set<String> = [
        "apiVersion", "kind", "metadata", "openapi", "namePrefix", "nameSuffix", "namespace", "commonLabels",
        "labels", "commonAnnotations", "patchesStrategicMerge", "patchesJson6902", "patches", "images",
        "imageTags", "replacements", "replicas", "vars", "sortOptions", "resources", "components", "crds",
        "bases", "configMapGenerator", "secretGenerator", "helmGlobals", "helmCharts",
        "helmChartInflationGenerator", "generatorOptions", "configurations", "generators", "transformers",
        "validators", "buildMetadata",
    ]

    /// Decodes kustomization text as kustomize does (`sigs.k8s.io/yaml` then a strict JSON decode),
    /// then applies `FixKustomization` and the empty/kind/apiVersion checks.
    ///
    /// - Throws: `.malformedYAML`/`.invalid` with kustomize's wording (`invalid Kustomization: …`,
    ///   `kustomization.yaml is empty`).
    public static func decode(_ text: String, root: String) throws(KustomizeError) -> Kustomization {
        let value: JSONValue
        do {
            value = try YAML.parse(text)
        } catch {
            throw KustomizeError(.malformedYAML, "invalid Kustomization: \(error.message)")
        }
        var k = Kustomization()
        guard case .object(let raw) = value else {
            if case .null = value { throw KustomizeError(.invalid, "kustomization.yaml is empty") }
            throw KustomizeError(.invalid, "invalid Kustomization: json: cannot unmarshal \(goJSONType(value)) into Go value of type types.Kustomization")
        }
        // encoding/json matches field names case-insensitively (`nameprefix` is `namePrefix`).
        var o = JSONObject()
        for (key, v) in raw {
            let canonical = knownFields.contains(key) ? key : knownFields.first { $0.lowercased() == key.lowercased() }
            guard let canonical else {
                throw KustomizeError(.invalid, "invalid Kustomization: json: unknown field \"\(key)\"")
            }
            o[canonical] = v
        }
        var d = FieldDecoder(object: o, type: "Kustomization")
        k.apiVersion = try d.string("apiVersion")
        k.kind = try d.string("kind")
        k.resources = try d.strings("resources") + d.strings("bases")
        k.components = try d.strings("components")
        k.crds = try d.strings("crds")
        k.configurations = try d.strings("configurations")
        k.generators = try d.strings("generators")
        k.transformers = try d.strings("transformers")
        k.validators = try d.strings("validators")
        k.namePrefix = try d.string("namePrefix")
        k.nameSuffix = try d.string("nameSuffix")
        k.namespace = try d.string("namespace")
        if o["commonLabels"] != nil, !(o["commonLabels"]?.isNull ?? true) { k.commonLabels = try d.stringMap("commonLabels") }
        k.commonAnnotations = try d.stringMap("commonAnnotations")
        k.openapi = try d.stringMap("openapi")
        k.buildMetadata = try d.strings("buildMetadata")
        if let psm = o["patchesStrategicMerge"], !psm.isNull { k.patchesStrategicMerge = try d.strings("patchesStrategicMerge") }
        if let pj = o["patchesJson6902"], !pj.isNull {
            k.patchesJson6902 = try d.objects("patchesJson6902").map { (o) throws(KustomizeError) in try Self.patch(o) }
        }
        k.patches = try d.objects("patches").map { (o) throws(KustomizeError) in try Self.patch(o) }
        k.images = try (d.objects("images") + d.objects("imageTags")).map { (o) throws(KustomizeError) in
            var f = FieldDecoder(object: o, type: "Image")
            var image = ImageSpec()
            image.name = try f.string("name")
            image.newName = try f.string("newName")
            image.newTag = try f.string("newTag")
            image.digest = try f.string("digest")
            image.tagSuffix = try f.string("tagSuffix")
            return image
        }
        k.replicas = try d.objects("replicas").map { (o) throws(KustomizeError) in
            var f = FieldDecoder(object: o, type: "Replica")
            var r = ReplicaSpec()
            r.name = try f.string("name")
            r.count = try f.int("count")
            return r
        }
        k.labels = try d.objects("labels").map { (o) throws(KustomizeError) in
            var f = FieldDecoder(object: o, type: "Label")
            var l = LabelSpec()
            l.pairs = try f.stringMap("pairs")
            l.includeSelectors = try f.bool("includeSelectors")
            l.includeTemplates = try f.bool("includeTemplates")
            l.fields = try f.objects("fields").map { (o) throws(KustomizeError) in try Self.fieldSpec(o) }
            return l
        }
        k.replacements = o["replacements"]?.arrayValue ?? []
        k.vars = o["vars"]?.arrayValue ?? []
        if let so = o["sortOptions"], !so.isNull { k.sortOptions = so }
        k.helmCharts = (o["helmCharts"]?.arrayValue ?? []) + (o["helmChartInflationGenerator"]?.arrayValue ?? [])
        if let g = o["generatorOptions"]?.objectValue { k.generatorOptions = try Self.options(g) }
        k.configMapGenerator = try d.objects("configMapGenerator").map { (o) throws(KustomizeError) in try Self.generator(o) }
        k.secretGenerator = try d.objects("secretGenerator").map { (o) throws(KustomizeError) in try Self.generator(o) }

        k.warnings = deprecationWarnings(o)
        if k.kind.isEmpty { k.kind = "Kustomization" }
        if k.apiVersion.isEmpty {
            k.apiVersion = k.kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
        }
        let meaningful = o.keys.contains { !["apiVersion", "kind", "metadata"].contains($0) && !(o[$0]?.isNull ?? true) }
        if !meaningful { throw KustomizeError(.invalid, "kustomization.yaml is empty") }
        var errs: [String] = []
        if k.kind != "Kustomization" && k.kind != "Component" { errs.append("kind should be Kustomization or Component") }
        let required = k.kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
        if k.apiVersion != required { errs.append("apiVersion for \(k.kind) should be \(required)") }
        if !errs.isEmpty {
            throw KustomizeError(.invalid, "Failed to read kustomization file under \(root):\n" + errs.joined(separator: "\n"))
        }
        return k
    }

    /// kustomize's `CheckDeprecatedFields`: one line per deprecated field present (not null).
    static func deprecationWarnings(_ o: JSONObject) -> [String] {
        let fix = "Run 'kustomize edit fix' to update your Kustomization automatically."
        let rows: [(String, String, String)] = [
            ("bases", "resources", fix), ("commonLabels", "labels", fix), ("imageTags", "images", fix),
            ("patchesJson6902", "patches", fix), ("patchesStrategicMerge", "patches", fix),
            ("vars", "replacements", "[EXPERIMENTAL] " + fix),
        ]
        return rows.compactMap { field, instead, advice in
            guard let v = o[field], !v.isNull else { return nil }
            return "# Warning: '\(field)' is deprecated. Please use '\(instead)' instead. \(advice)"
        }
    }

    static func patch(_ o: JSONObject) throws(KustomizeError) -> PatchSpec {
        var f = FieldDecoder(object: o, type: "Patch")
        var p = PatchSpec()
        p.path = try f.string("path")
        p.patch = try f.string("patch")
        if let t = o["target"]?.objectValue { p.target = try selector(t) }
        if let opts = o["options"]?.objectValue {
            p.allowNameChange = opts["allowNameChange"]?.boolValue ?? false
            p.allowKindChange = opts["allowKindChange"]?.boolValue ?? false
        }
        return p
    }

    static func selector(_ o: JSONObject) throws(KustomizeError) -> Selector {
        var f = FieldDecoder(object: o, type: "Selector")
        return Selector(group: try f.string("group"), version: try f.string("version"), kind: try f.string("kind"),
                        name: try f.string("name"), namespace: try f.string("namespace"),
                        labelSelector: try f.string("labelSelector"), annotationSelector: try f.string("annotationSelector"))
    }

    static func fieldSpec(_ o: JSONObject) throws(KustomizeError) -> FieldSpec {
        var f = FieldDecoder(object: o, type: "FieldSpec")
        return FieldSpec(gvk: Gvk(group: try f.string("group"), version: try f.string("version"), kind: try f.string("kind")),
                         path: try f.string("path"), create: try f.bool("create"))
    }

    static func options(_ o: JSONObject) throws(KustomizeError) -> GeneratorOptions {
        var f = FieldDecoder(object: o, type: "GeneratorOptions")
        var g = GeneratorOptions()
        g.labels = try f.stringMap("labels")
        g.annotations = try f.stringMap("annotations")
        g.disableNameSuffixHash = try f.bool("disableNameSuffixHash")
        g.immutable = try f.bool("immutable")
        return g
    }

    static func generator(_ o: JSONObject) throws(KustomizeError) -> GeneratorArgs {
        var f = FieldDecoder(object: o, type: "ConfigMapArgs")
        var g = GeneratorArgs()
        g.name = try f.string("name")
        g.namespace = try f.string("namespace")
        g.behavior = try f.string("behavior")
        g.type = try f.string("type")
        g.literals = try f.strings("literals")
        g.files = try f.strings("files")
        g.envs = try f.strings("envs")
        let env = try f.string("env")
        if !env.isEmpty { g.envs.append(env) }
        if let opts = o["options"]?.objectValue { g.options = try options(opts) }
        return g
    }
}

/// Go's JSON type name of a value, for `cannot unmarshal X into …` messages.
func goJSONType(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool: return "bool"
    case .int, .double: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
}

/// Typed field access with `encoding/json`-style errors.
struct FieldDecoder {
    let rawObject: JSONObject
    let type: String

    init(object: JSONObject, type: String) {
        rawObject = object
        self.type = type
    }

    /// The value of a field as `encoding/json` finds it: names match case-insensitively, the
    /// last matching key wins.
    var object: CaseInsensitiveFields { CaseInsensitiveFields(object: rawObject) }

    struct CaseInsensitiveFields {
        let object: JSONObject
        subscript(key: String) -> JSONValue? {
            let folded = key.lowercased()
            var found: JSONValue?
            for (k, v) in object where k == key || k.lowercased() == folded { found = v }
            return found
        }
    }

    private func mismatch(_ key: String, _ v: JSONValue, _ goType: String) -> KustomizeError {
        KustomizeError(.invalid, "invalid Kustomization: json: cannot unmarshal \(goJSONType(v)) into Go struct field \(type).\(key) of type \(goType)")
    }

    mutating func string(_ key: String) throws(KustomizeError) -> String {
        guard let v = object[key] else { return "" }
        switch v {
        case .null: return ""
        case .string(let s): return s
        default: throw mismatch(key, v, "string")
        }
    }

    mutating func bool(_ key: String) throws(KustomizeError) -> Bool {
        guard let v = object[key] else { return false }
        switch v {
        case .null: return false
        case .bool(let b): return b
        default: throw mismatch(key, v, "bool")
        }
    }

    mutating func int(_ key: String) throws(KustomizeError) -> Int64 {
        guard let v = object[key] else { return 0 }
        switch v {
        case .null: return 0
        case .int(let i): return i
        case .double(let d) where d == d.rounded(): return Int64(d)
        default: throw mismatch(key, v, "int64")
        }
    }

    mutating func strings(_ key: String) throws(KustomizeError) -> [String] {
        guard let v = object[key] else { return [] }
        switch v {
        case .null: return []
        case .array(let items):
            var out: [String] = []
            for item in items {
                switch item {
                case .string(let s): out.append(s)
                case .null: out.append("")
                default: throw mismatch(key, item, "string")
                }
            }
            return out
        default: throw mismatch(key, v, "[]string")
        }
    }

    mutating func stringMap(_ key: String) throws(KustomizeError) -> OrderedDictionary<String, String> {
        guard let v = object[key] else { return [:] }
        switch v {
        case .null: return [:]
        case .object(let o):
            var out: OrderedDictionary<String, String> = [:]
            for (k, item) in o {
                switch item {
                case .string(let s): out[k] = s
                case .null: out[k] = ""
                default: throw mismatch(key, item, "string")
                }
            }
            return out
        default: throw mismatch(key, v, "map[string]string")
        }
    }

    mutating func objects(_ key: String) throws(KustomizeError) -> [JSONObject] {
        guard let v = object[key] else { return [] }
        switch v {
        case .null: return []
        case .array(let items):
            var out: [JSONObject] = []
            for item in items {
                guard case .object(let o) = item else { throw mismatch(key, item, "struct") }
                out.append(o)
            }
            return out
        default: throw mismatch(key, v, "[]struct")
        }
    }
}
