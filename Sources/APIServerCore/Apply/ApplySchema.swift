import StructuredData

/// The list and map semantics server-side apply needs at one position of an object: whether the
/// value is atomic, a granular struct or map, or a list that is atomic, a set, or an associative
/// list keyed by some fields. Built-in kinds derive it from the strategic-merge table of
/// StructuredData (with the SSA key overrides of k8s.io/api); custom resources from the CRD's
/// `openAPIV3Schema` extensions; anything unknown is "deduced" (maps granular, lists atomic).
struct ApplySchema: Sendable {
    enum Backing: Sendable {
        case deduced
        case builtin(PatchSchema)
        case openAPI(JSONValue)
    }

    enum ListKind: Sendable, Equatable {
        case atomic
        case set
        /// Associative list with its key fields (and their defaults when absent in an item).
        case map(keys: [String], defaults: JSONObject)
    }

    var backing: Backing
    var list: ListKind = .atomic
    /// Atomic struct or map (replaced as a whole, owned as one leaf).
    var atomic = false
    /// A granular map whose keys are data (labels, ConfigMap data): a member when newly added.
    var isMap = false
    /// The object root (its `metadata` is always an ObjectMeta).
    var isRoot = false

    /// The schema at the root of an object of `type`.
    static func root(for type: ResourceType) -> ApplySchema {
        if type.isCustom, let schema = type.schema { return ApplySchema(backing: .openAPI(schema), isRoot: true) }
        if type.isCustom { return ApplySchema(backing: .deduced, isRoot: true) }
        return ApplySchema(backing: .builtin(PatchSchema.forKind(type.kind) ?? PatchSchema.forType("ObjectWithMeta")), isRoot: true)
    }

    /// Key overrides where SSA keys differ from the strategic-merge key (k8s.io/api list markers).
    static let keyOverrides: [String: [String]] = [
        "Container.ports": ["containerPort", "protocol"],
        "ServiceSpec.ports": ["port", "protocol"],
        "PodSpec.topologySpreadConstraints": ["topologyKey", "whenUnsatisfiable"],
    ]
    static let keyDefaults: [String: JSONObject] = [
        "Container.ports": ["protocol": "TCP"],
        "ServiceSpec.ports": ["protocol": "TCP"],
    ]
    /// Atomic structs of the built-in types (`LabelSelector` fields).
    static let atomicFields: Set<String> = [
        "DeploymentSpec.selector", "TemplatedSpec.selector", "StatefulSetSpec.selector",
    ]
    /// Granular maps of the built-in types (string-keyed data rather than struct fields).
    static let mapFields: Set<String> = [
        "labels", "annotations", "data", "binaryData", "stringData", "nodeSelector", "matchLabels",
        "limits", "requests", "capacity",
    ]

    /// The schema of the struct field or map entry `name`.
    func field(_ name: String) -> ApplySchema {
        if isRoot && name == "metadata" { return ApplySchema(backing: .builtin(PatchSchema.forType("ObjectMeta"))) }
        switch backing {
        case .deduced:
            return ApplySchema(backing: .deduced, isMap: true)
        case .builtin(let schema):
            let meta = schema.meta(name)
            let qualified = "\(schema.typeName ?? "").\(name)"
            var child = ApplySchema(backing: .builtin(schema.child(name)))
            if meta.strategy == .merge {
                if let key = meta.mergeKey {
                    child.list = .map(keys: Self.keyOverrides[qualified] ?? [key], defaults: Self.keyDefaults[qualified] ?? [:])
                } else {
                    child.list = .set
                }
            }
            child.atomic = Self.atomicFields.contains(qualified)
            child.isMap = Self.mapFields.contains(name) || (schema.typeName == "ServiceSpec" && name == "selector")
            return child
        case .openAPI(let schema):
            if let sub = schema["properties"]?[name] { return Self.fromOpenAPI(sub, isMap: false) }
            if let additional = schema["additionalProperties"], case .object = additional {
                return Self.fromOpenAPI(additional, isMap: true)
            }
            return ApplySchema(backing: .deduced, isMap: true)
        }
    }

    /// The schema of the elements of a list at this position.
    var element: ApplySchema {
        switch backing {
        case .deduced: return ApplySchema(backing: .deduced)
        case .builtin: return ApplySchema(backing: backing)
        case .openAPI(let schema):
            guard let items = schema["items"] else { return ApplySchema(backing: .deduced) }
            return Self.fromOpenAPI(items, isMap: false)
        }
    }

    static func fromOpenAPI(_ schema: JSONValue, isMap: Bool) -> ApplySchema {
        if schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true && schema["properties"] == nil {
            return ApplySchema(backing: .deduced, isMap: true)
        }
        var out = ApplySchema(backing: .openAPI(schema), isMap: isMap || schema["additionalProperties"]?.objectValue != nil)
        switch schema["x-kubernetes-list-type"]?.stringValue {
        case "set": out.list = .set
        case "map":
            let keys = schema["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
            var defaults: JSONObject = [:]
            for key in keys { if let d = schema["items"]?["properties"]?[key]?["default"] { defaults[key] = d } }
            out.list = keys.isEmpty ? .atomic : .map(keys: keys, defaults: defaults)
        default: out.list = .atomic
        }
        if schema["x-kubernetes-map-type"]?.stringValue == "atomic" { out.atomic = true }
        return out
    }

    /// The path element of a list item: its key for associative lists, its value for sets;
    /// nil when the item cannot be identified (atomic lists, items missing a key).
    func itemElement(_ item: JSONValue) -> String? {
        switch list {
        case .atomic:
            return nil
        case .set:
            return FieldSet.value(item)
        case .map(let keys, let defaults):
            guard case .object(let fields) = item else { return nil }
            var keyObject: JSONObject = [:]
            for key in keys {
                if let value = fields[key] ?? defaults[key] {
                    keyObject[key] = value
                } else if keys.count == 1 {
                    return nil
                }
            }
            return keyObject.isEmpty ? nil : FieldSet.key(keyObject)
        }
    }
}
