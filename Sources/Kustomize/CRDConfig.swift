import StructuredData

/// Legacy `crds:` files (kustomize's `LoadConfigFromCRDs`): a map of OpenAPI definition names to
/// `{Schema, Dependencies}`. Every definition that looks like a Kubernetes type (its properties
/// hold `kind`, `apiVersion` and `metadata`) contributes field specs for its kind, found by walking
/// its properties and following `$ref`s into other definitions of the same file:
/// `x-kubernetes-annotation` → commonAnnotations, `x-kubernetes-label-selector` → commonLabels,
/// `x-kubernetes-identity` → namePrefix, `x-kubernetes-object-ref-api-version` +
/// `x-kubernetes-object-ref-kind` (+ `x-kubernetes-object-ref-name-key`, default `name`) → a name
/// reference.
enum CRDConfig {
    /// Deepest `$ref` chain followed; upstream recurses without a bound (a cycle overflows its stack).
    static let maxDepth = 64

    static func load(_ loader: Loader, _ paths: [String]) throws(KustomizeError) -> TransformerConfig {
        var config = TransformerConfig()
        for path in paths {
            let bytes = try loader.load(path)
            let definitions: JSONObject
            do {
                definitions = try parse(bytes)
            } catch {
                throw error.prefixed("unable to parse open API definition from '\(path)'")
            }
            for (name, api) in definitions {
                guard let props = api["Schema"]?["properties"]?.objectValue,
                      props["kind"] != nil, props["apiVersion"] != nil, props["metadata"] != nil else { continue }
                let kind = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? name
                var one = TransformerConfig()
                try collect(Gvk(kind: kind), definitions, typeName: name, path: [], into: &one)
                try config.merge(one)
            }
        }
        return config
    }

    private static func parse(_ bytes: [UInt8]) throws(KustomizeError) -> JSONObject {
        let docs = try KYAMLReader.documents(bytes)
        guard docs.count <= 1, case .object(let o) = docs.first ?? .object([:]) else {
            throw KustomizeError(.invalid, "error unmarshaling JSON: json: cannot unmarshal into Go value of type accumulator.nameToApiMap")
        }
        return o
    }

    private static func collect(_ gvk: Gvk, _ definitions: JSONObject, typeName: String, path: [String],
                                into config: inout TransformerConfig) throws(KustomizeError) {
        guard path.count < maxDepth, let props = definitions[typeName]?["Schema"]?["properties"]?.objectValue else { return }
        func spec(_ parts: [String]) -> FieldSpec { FieldSpec(gvk: gvk, path: parts.joined(separator: "/")) }
        for (propName, property) in props {
            guard case .object(let p) = property else { continue }
            let here = path + [propName]
            var c = TransformerConfig()
            if p["x-kubernetes-annotation"]?.stringValue != nil { c.commonAnnotations = [spec(here)] }
            if p["x-kubernetes-label-selector"]?.stringValue != nil { c.commonLabels = [spec(here)] }
            if p["x-kubernetes-identity"]?.stringValue != nil { c.namePrefix = [spec(here)] }
            if let version = p["x-kubernetes-object-ref-api-version"]?.stringValue,
               let kind = p["x-kubernetes-object-ref-kind"]?.stringValue {
                let nameKey = p["x-kubernetes-object-ref-name-key"]?.stringValue ?? "name"
                c.nameReference = [NameBackReference(gvk: Gvk(version: version, kind: kind), referrers: [spec(here + [nameKey])])]
            }
            try config.merge(c)
            if let ref = p["$ref"]?.stringValue, !ref.isEmpty {
                try collect(gvk, definitions, typeName: ref, path: here, into: &config)
            }
        }
    }
}
