import StructuredData

/// A custom OpenAPI schema given with `openapi: {path: …}` (JSON or YAML with `definitions`):
/// replaces the built-in one for strategic merges, as kyaml's `ResourceSchema` reads it. A
/// resource's schema is the definition whose `x-kubernetes-group-version-kind` names its GVK;
/// fields are `properties` (or `additionalProperties`), list elements are `items`, `$ref`s are
/// followed; a list merges by key when its own schema has `x-kubernetes-patch-strategy: merge`,
/// keyed by `x-kubernetes-list-map-keys` or else `x-kubernetes-patch-merge-key`.
struct CustomSchema: Sendable {
    let definitions: JSONObject

    /// Longest `$ref` chain followed before giving up (a cycle of references).
    static let maxRefs = 64

    init(_ bytes: [UInt8]) throws(KustomizeError) {
        let doc = try KYAMLReader.documents(bytes).first ?? .null
        definitions = doc["definitions"]?.objectValue ?? [:]
    }

    /// The resolved definition for a GVK, or nil when the schema does not describe it.
    func root(apiVersion: String, kind: String) -> JSONObject? {
        let gvk = Gvk(apiVersion: apiVersion, kind: kind)
        for (_, def) in definitions {
            guard case .array(let gvks)? = def["x-kubernetes-group-version-kind"] else { continue }
            for g in gvks where g["kind"]?.stringValue == gvk.kind && (g["version"]?.stringValue ?? "") == gvk.version
                && (g["group"]?.stringValue ?? "") == gvk.group {
                return def.objectValue.flatMap(resolve)
            }
        }
        return nil
    }

    /// The schema of a map's field: its property (or the `additionalProperties` schema), resolved.
    func field(_ schema: JSONObject, _ key: String) -> JSONObject? {
        if let prop = schema["properties"]?[key]?.objectValue { return resolve(prop) }
        if let extra = schema["additionalProperties"]?.objectValue { return resolve(extra) }
        return nil
    }

    /// The schema of a list's elements (only for a schema of type `array`).
    func elements(_ schema: JSONObject) -> JSONObject? {
        let type = schema["type"]
        let isArray = type?.stringValue == "array" || (type?.arrayValue.map { $0.count == 1 && $0[0].stringValue == "array" } ?? false)
        guard isArray, let items = schema["items"]?.objectValue else { return nil }
        return resolve(items)
    }

    /// Follows `$ref` (`#/definitions/NAME`) until a schema without one; nil for a dangling ref.
    func resolve(_ schema: JSONObject) -> JSONObject? {
        var s = schema
        var hops = 0
        while let ref = s["$ref"]?.stringValue, !ref.isEmpty {
            hops += 1
            guard hops <= Self.maxRefs else { return nil }
            let name = ref.hasPrefix("#/definitions/") ? String(ref.dropFirst("#/definitions/".count)) : ref
            guard let next = definitions[name]?.objectValue else { return nil }
            s = next
        }
        return s
    }

    /// A list schema's merge strategy and keys (kyaml's `PatchStrategyAndKeyList`).
    static func strategy(_ schema: JSONObject) -> KubernetesSchema.Field {
        var f = KubernetesSchema.Field()
        guard let strategy = schema["x-kubernetes-patch-strategy"]?.stringValue else { return f }
        f.merge = strategy.split(separator: ",").contains("merge")
        if case .array(let keys)? = schema["x-kubernetes-list-map-keys"] {
            f.keys = keys.compactMap(\.stringValue)
        } else if let key = schema["x-kubernetes-patch-merge-key"]?.stringValue {
            f.keys = [key]
        }
        return f
    }
}
