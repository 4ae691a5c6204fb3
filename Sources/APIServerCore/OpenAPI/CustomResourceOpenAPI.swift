import StructuredData

/// The published schemas of a served CRD version, converted from its `openAPIV3Schema` the way
/// kube-apiserver publishes them: `apiVersion`, `kind` and a `metadata` reference to ObjectMeta
/// added at the root, the group-version-kind extension, a `<Kind>List` definition, and for
/// Swagger 2.0 the structural-to-v2 rewrite that keeps kubectl's validation from rejecting valid
/// objects (see `v2`).
enum CustomResourceOpenAPI {
    /// The definition name: the reversed group, the version and the kind
    /// (`helm.toolkit.fluxcd.io`, `v2beta2`, `HelmRelease` → `io.fluxcd.toolkit.helm.v2beta2.HelmRelease`).
    static func definitionName(_ type: ResourceType) -> String {
        let reversed = type.group.split(separator: ".").reversed().joined(separator: ".")
        return "\(reversed).\(type.version).\(type.kind)"
    }

    /// The kind's and the list's definitions, by name.
    static func definitions(_ type: ResourceType, _ dialect: SchemaDialect) -> [(name: String, schema: JSONValue)] {
        let name = definitionName(type)
        var root = type.schema ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        if dialect == .v2 { root = v2(root) }
        var properties = root["properties"]?.objectValue ?? [:]
        properties["apiVersion"] = apiVersionProperty
        properties["kind"] = kindProperty
        properties["metadata"] = reference(BuiltinSchemas.metaPackage + "ObjectMeta",
                                           description: "Standard object metadata: name, namespace, labels, annotations and more.", dialect)
        root.set(["properties"], .object(properties))
        if root["type"] == nil { root.set(["type"], "object") }
        let gvk = SchemaGVK(group: type.group, version: type.version, kind: type.kind)
        root.set(["x-kubernetes-group-version-kind"], [gvk.json])
        let list: JSONValue = [
            "description": .string("A list of \(type.kind) objects."),
            "type": "object",
            "required": ["items"],
            "properties": [
                "apiVersion": apiVersionProperty,
                "items": ["description": .string("The \(type.kind) objects."), "type": "array",
                          "items": ["$ref": .string(dialect.refPrefix + name)]],
                "kind": kindProperty,
                "metadata": reference(BuiltinSchemas.metaPackage + "ListMeta",
                                      description: "Standard list metadata: resourceVersion and continue token.", dialect),
            ],
            "x-kubernetes-group-version-kind": [SchemaGVK(group: type.group, version: type.version, kind: type.kind + "List").json],
        ]
        return [(name, root), (name + "List", list)]
    }

    static let apiVersionProperty: JSONValue = ["description": "The versioned schema of this object.", "type": "string"]
    static let kindProperty: JSONValue = ["description": "The REST resource this object represents, in CamelCase.", "type": "string"]

    static func reference(_ name: String, description: String, _ dialect: SchemaDialect) -> JSONValue {
        .object(SchemaDefinition.schema(.ref(name), description: description, dialect))
    }

    /// The Swagger 2.0 form of a structural schema, as kube-apiserver derives it: junctors
    /// (`allOf`, `anyOf`, `oneOf`, `not`) are dropped; a `nullable` node loses its type, items and
    /// properties (Swagger 2.0 cannot express null); a node preserving unknown fields loses its
    /// items and properties; an array left without items loses its type; nullable properties
    /// are no longer required. Untyped nodes accept any value in kubectl's validation.
    static func v2(_ schema: JSONValue) -> JSONValue {
        guard case .object(var node) = schema else { return schema }
        for key in ["allOf", "anyOf", "oneOf", "not"] { node[key] = nil }
        if node["nullable"]?.boolValue == true {
            node["type"] = nil
            node["items"] = nil
            node["properties"] = nil
        }
        node["nullable"] = nil
        if node["x-kubernetes-preserve-unknown-fields"]?.boolValue == true {
            node["items"] = nil
            node["properties"] = nil
        }
        if node["type"]?.stringValue == "array" && node["items"] == nil { node["type"] = nil }
        if case .object(var properties)? = node["properties"] {
            let nullable = Set(properties.filter { $0.value["nullable"]?.boolValue == true }.map(\.key))
            if !nullable.isEmpty, let required = node["required"]?.arrayValue {
                let kept = required.filter { !nullable.contains($0.stringValue ?? "") }
                node["required"] = kept.isEmpty ? nil : .array(kept)
            }
            for (key, value) in properties { properties[key] = v2(value) }
            node["properties"] = .object(properties)
        }
        if let additional = node["additionalProperties"], case .object = additional {
            if additional["nullable"]?.boolValue == true { node["required"] = nil }
            node["additionalProperties"] = v2(additional)
        }
        if let items = node["items"] {
            if case .array(let list) = items { node["items"] = .array(list.map(v2)) } else { node["items"] = v2(items) }
        }
        return .object(node)
    }
}
