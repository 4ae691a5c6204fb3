import StructuredData

/// A custom OpenAPI schema given with `openapi: {path: …}`: replaces the built-in one for
/// strategic merges. Definitions are found by `x-kubernetes-group-version-kind`; list merge keys
/// come from `x-kubernetes-patch-merge-key`/`x-kubernetes-list-map-keys` with
/// `x-kubernetes-patch-strategy: merge`.
struct CustomSchema: Sendable {
    let definitions: JSONObject

    init(_ bytes: [UInt8]) throws(KustomizeError) {
        let doc = try KYAMLReader.documents(bytes).first ?? .null
        definitions = doc["definitions"]?.objectValue ?? [:]
    }

    func rootType(apiVersion: String, kind: String) -> String? {
        let gvk = Gvk(apiVersion: apiVersion, kind: kind)
        for (name, def) in definitions {
            guard case .array(let gvks)? = def["x-kubernetes-group-version-kind"] else { continue }
            for g in gvks where g["kind"]?.stringValue == gvk.kind && (g["version"]?.stringValue ?? "") == gvk.version
                && (g["group"]?.stringValue ?? "") == gvk.group {
                return name
            }
        }
        return nil
    }

    func field(_ type: String, _ key: String) -> KubernetesSchema.Field? {
        guard let prop = definitions[type]?["properties"]?[key] else { return nil }
        var f = KubernetesSchema.Field()
        f.type = ref(prop) ?? ref(prop["items"] ?? .null)
        if let strategy = prop["x-kubernetes-patch-strategy"]?.stringValue {
            f.merge = strategy.split(separator: ",").contains("merge")
            if case .array(let keys)? = prop["x-kubernetes-list-map-keys"] {
                f.keys = keys.compactMap(\.stringValue)
            } else if let key = prop["x-kubernetes-patch-merge-key"]?.stringValue {
                f.keys = [key]
            }
        }
        return f
    }

    private func ref(_ v: JSONValue) -> String? {
        guard let r = v["$ref"]?.stringValue else { return nil }
        return r.hasPrefix("#/definitions/") ? String(r.dropFirst("#/definitions/".count)) : r
    }
}
