import StructuredData

/// Legacy `crds:` files: OpenAPI definitions whose `x-kubernetes-object-ref-*` properties declare
/// name references to other kinds. Only that part of the feature is supported.
enum CRDConfig {
    static func load(_ loader: Loader, _ paths: [String]) throws(KustomizeError) -> TransformerConfig {
        var config = TransformerConfig()
        for path in paths {
            let docs = try KYAMLReader.documents(try loader.load(path))
            for doc in docs {
                guard case .object(let root) = doc else { continue }
                let defs = root["definitions"]?.objectValue ?? root
                for (_, def) in defs {
                    guard case .object(let d) = def, let kind = d["x-kubernetes-group-version-kind"] ?? nil as JSONValue? else { continue }
                    _ = kind
                    collect(d, path: [], kind: kindName(d), into: &config)
                }
            }
        }
        return config
    }

    private static func kindName(_ d: JSONObject) -> String {
        if case .array(let items)? = d["x-kubernetes-group-version-kind"], let first = items.first {
            return first["kind"]?.stringValue ?? ""
        }
        return ""
    }

    private static func collect(_ schema: JSONObject, path: [String], kind: String, into config: inout TransformerConfig) {
        guard let props = schema["properties"]?.objectValue else { return }
        for (name, prop) in props {
            guard case .object(let p) = prop else { continue }
            if let refKind = p["x-kubernetes-object-ref-kind"]?.stringValue {
                let fieldPath = (path + [name, "name"]).joined(separator: "/")
                let back = NameBackReference(gvk: Gvk(kind: refKind),
                                             referrers: [FieldSpec(gvk: Gvk(kind: kind), path: fieldPath)])
                var c = TransformerConfig()
                c.nameReference = [back]
                config.merge(c)
            }
            collect(p, path: path + [name], kind: kind, into: &config)
        }
    }
}
