import StructuredData

/// One served resource (a built-in type or a CRD's kind), with everything discovery and the REST
/// semantics need to know about it.
public struct ResourceType: Sendable, Equatable {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var singular: String
    public var shortNames: [String]
    public var categories: [String]
    public var namespaced: Bool
    /// Has a `/status` subresource (status is dropped on create and kept on main-resource updates).
    public var hasStatus: Bool
    /// Has a `/scale` subresource.
    public var hasScale: Bool
    /// DELETE returns the object's last state rather than a `Status` (pods, serviceaccounts).
    public var returnsDeletedObject: Bool
    /// Served because of a CustomResourceDefinition.
    public var isCustom: Bool
    /// The CRD's `openAPIV3Schema` for this version, for defaulting, pruning and validation.
    public var schema: JSONValue?
    /// Field-selector labels beyond `metadata.name`/`metadata.namespace`.
    public var extraFieldLabels: [String]
    /// A CRD version's `additionalPrinterColumns` (the table `kubectl get` shows), if any.
    public var printerColumns: JSONValue?
    /// Where `/scale` reads and writes: spec replicas, status replicas, and the label selector
    /// (dotted paths, as a CRD's `subresources.scale` gives them).
    public var scalePaths: (spec: String, status: String, selector: String?) = ("spec.replicas", "status.replicas", nil)

    public static func == (a: ResourceType, b: ResourceType) -> Bool {
        a.group == b.group && a.version == b.version && a.kind == b.kind && a.plural == b.plural
            && a.singular == b.singular && a.shortNames == b.shortNames && a.categories == b.categories
            && a.namespaced == b.namespaced && a.hasStatus == b.hasStatus && a.hasScale == b.hasScale
            && a.returnsDeletedObject == b.returnsDeletedObject && a.isCustom == b.isCustom && a.schema == b.schema
            && a.extraFieldLabels == b.extraFieldLabels && a.scalePaths == b.scalePaths && a.printerColumns == b.printerColumns
    }

    public init(group: String, version: String, kind: String, plural: String, singular: String? = nil,
                shortNames: [String] = [], categories: [String] = [], namespaced: Bool = true,
                hasStatus: Bool = false, hasScale: Bool = false, returnsDeletedObject: Bool = false,
                isCustom: Bool = false, schema: JSONValue? = nil, extraFieldLabels: [String] = []) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.shortNames = shortNames
        self.categories = categories
        self.namespaced = namespaced
        self.hasStatus = hasStatus
        self.hasScale = hasScale
        self.returnsDeletedObject = returnsDeletedObject
        self.isCustom = isCustom
        self.schema = schema
        self.extraFieldLabels = extraFieldLabels
    }

    /// `v1` or `apps/v1`.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// The group-qualified resource, as messages print it.
    public var resource: QualifiedResource { QualifiedResource(group: group, resource: plural) }
    /// The list kind (`ConfigMapList`).
    public var listKind: String { kind + "List" }

    /// Full verbs of the main resource.
    static let mainVerbs: [JSONValue] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    static let subresourceVerbs: [JSONValue] = ["get", "patch", "update"]

    /// The `APIResourceList.resources` entries for this type (main resource and subresources).
    var discoveryEntries: [JSONValue] {
        var main: JSONObject = [
            "name": .string(plural), "singularName": .string(singular), "namespaced": .bool(namespaced),
            "kind": .string(kind), "verbs": .array(Self.mainVerbs),
        ]
        if !shortNames.isEmpty { main["shortNames"] = .array(shortNames.map(JSONValue.string)) }
        if !categories.isEmpty { main["categories"] = .array(categories.map(JSONValue.string)) }
        var entries: [JSONValue] = [.object(main)]
        if hasStatus {
            entries.append(.object([
                "name": .string(plural + "/status"), "singularName": "", "namespaced": .bool(namespaced),
                "kind": .string(kind), "verbs": .array(Self.subresourceVerbs),
            ]))
        }
        if hasScale {
            entries.append(.object([
                "name": .string(plural + "/scale"), "singularName": "", "namespaced": .bool(namespaced),
                "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": .array(Self.subresourceVerbs),
            ]))
        }
        if group.isEmpty && plural == "namespaces" {
            entries.append(.object([
                "name": "namespaces/finalize", "singularName": "", "namespaced": false,
                "kind": "Namespace", "verbs": ["update"],
            ]))
        }
        return entries
    }
}
