/// The catalog of the built-in types' schemas: one place describing every definition the
/// embedded API server publishes at `/openapi/v2` and `/openapi/v3`. Definitions carry upstream
/// names (`io.k8s.api.apps.v1.Deployment`), field names, types, required fields and patch
/// metadata; the descriptions are this project's own short summaries.
///
/// Structs that are rarely written by hand are published as free-form objects: clients then
/// accept any fields in them (kubectl's validation rejects unknown fields only where a schema
/// lists properties).
enum BuiltinSchemas {
    /// Every built-in definition, in catalog order.
    static let all: [SchemaDefinition] = meta + core + pod + podSupport + workloads + cluster

    /// The definitions by name.
    static let byName: [String: SchemaDefinition] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The definition named `name` and every definition it refers to, transitively, in
    /// first-visit order.
    static func closure(of names: [String], extra: [String: SchemaDefinition] = [:]) -> [SchemaDefinition] {
        var seen: Set<String> = []
        var out: [SchemaDefinition] = []
        var stack = names.reversed().map { $0 }
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let def = extra[name] ?? byName[name] else { continue }
            out.append(def)
            stack.append(contentsOf: def.references.reversed())
        }
        return out
    }

    // MARK: DSL

    /// A field.
    static func F(_ name: String, _ type: SchemaType, _ description: String, required: Bool = false) -> SchemaField {
        SchemaField(name: name, type: type, description: description, required: required)
    }

    /// A list field merged by `key` in strategic merge patches (`patchStrategy: merge`).
    static func M(_ name: String, _ type: SchemaType, _ description: String, key: String?, retainKeys: Bool = false,
                  required: Bool = false) -> SchemaField {
        SchemaField(name: name, type: type, description: description, required: required,
                    patchStrategy: retainKeys ? "merge,retainKeys" : "merge", mergeKey: key)
    }

    /// An object definition.
    static func object(_ name: String, _ description: String, _ fields: [SchemaField]) -> SchemaDefinition {
        SchemaDefinition(name: name, description: description, body: .object(fields))
    }

    /// A free-form object definition.
    static func freeform(_ name: String, _ description: String) -> SchemaDefinition {
        SchemaDefinition(name: name, description: description, body: .freeform)
    }

    /// The package prefix of a built-in group-version, named after its Go package as upstream
    /// does: the group's first label (`io.k8s.api.apps.v1`, `io.k8s.api.rbac.v1` for
    /// `rbac.authorization.k8s.io`, `io.k8s.api.core.v1` for the core group).
    static func package(group: String, version: String) -> String {
        switch group {
        case "": return "io.k8s.api.core.\(version)"
        case "apiextensions.k8s.io": return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.\(version)"
        default: return "io.k8s.api.\(group.split(separator: ".").first ?? "").\(version)"
        }
    }

    /// A top-level kind and its list: `apiVersion`, `kind`, `metadata` plus `fields`, tagged with
    /// their group-version-kind.
    static func kind(_ group: String, _ version: String, _ kind: String, _ description: String,
                     _ fields: [SchemaField], metadataRequired: Bool = false) -> [SchemaDefinition] {
        let name = package(group: group, version: version) + "." + kind
        let header = [
            F("apiVersion", .string, "The versioned schema of this object, e.g. `\(group.isEmpty ? version : group + "/" + version)`."),
            F("kind", .string, "The REST resource this object represents, in CamelCase, e.g. `\(kind)`."),
            F("metadata", .meta("ObjectMeta"), "Standard object metadata: name, namespace, labels, annotations and more.",
              required: metadataRequired),
        ]
        var object = SchemaDefinition(name: name, description: description, body: .object(header + fields))
        object.gvks = [SchemaGVK(group: group, version: version, kind: kind)]
        var list = SchemaDefinition(name: name + "List", description: "A list of \(kind) objects.", body: .object([
            F("apiVersion", .string, "The versioned schema of this list."),
            F("items", .array(.ref(name)), "The \(kind) objects.", required: true),
            F("kind", .string, "The REST resource this list represents, e.g. `\(kind)List`."),
            F("metadata", .meta("ListMeta"), "Standard list metadata: resourceVersion and continue token."),
        ]))
        list.gvks = [SchemaGVK(group: group, version: version, kind: kind + "List")]
        return [object, list]
    }
}
