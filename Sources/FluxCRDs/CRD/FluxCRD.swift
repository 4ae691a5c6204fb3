import FluxAPI
import KubeModel
import StructuredData

/// One Flux CustomResourceDefinition, described by the Swift types of its versions.
public struct FluxCRD: Sendable {
    public var group: String
    public var kind: String
    public var plural: String
    public var singular: String
    public var shortNames: [String]
    /// Flux 2.2's CRDs declare no categories.
    public var categories: [String]
    /// The controller that owns the kind (`app.kubernetes.io/component` when installed).
    public var component: String
    public var versions: [CRDVersion]

    public init(group: String, kind: String, plural: String, singular: String, shortNames: [String] = [],
                categories: [String] = [], component: String, versions: [CRDVersion]) {
        self.group = group
        self.kind = kind
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.categories = categories
        self.component = component
        self.versions = versions
    }

    /// `<plural>.<group>`.
    public var name: String { "\(plural).\(group)" }
    public var listKind: String { kind + "List" }
    /// The version with `storage: true`.
    public var storageVersion: CRDVersion? { versions.first { $0.storage } }
}

/// One served version of a `FluxCRD`.
public struct CRDVersion: Sendable {
    public var name: String
    public var served: Bool
    public var storage: Bool
    /// Set for deprecated versions (`deprecated: true`).
    public var deprecationWarning: String?
    public var deprecated: Bool
    public var columns: [PrinterColumn]
    /// Whether the version has the `status` subresource (Flux 2.2's static Alert and Provider
    /// v1beta3 have none).
    public var statusSubresource: Bool
    /// The root type's API resource (group, version, kind).
    public var resource: APIResource
    /// Reflects the root type's schema.
    let reflect: @Sendable () throws(FluxCRDError) -> JSONSchemaProps

    public init<Root: KubeResource>(_ name: String, _ root: Root.Type, served: Bool = true, storage: Bool = true,
                                    deprecationWarning: String? = nil, deprecated: Bool? = nil,
                                    statusSubresource: Bool = true, columns: [PrinterColumn]) {
        self.name = name
        self.served = served
        self.storage = storage
        self.deprecationWarning = deprecationWarning
        self.deprecated = deprecated ?? (deprecationWarning != nil)
        self.columns = columns
        self.statusSubresource = statusSubresource
        self.resource = Root.apiResource
        self.reflect = { () throws(FluxCRDError) in try SchemaReflection.schema(of: Root.self) }
    }

    /// The `openAPIV3Schema` of this version, reflected from its Swift type.
    ///
    /// At the root, `apiVersion`, `kind` and `metadata` are never required (the API server fills
    /// or validates them), as in every controller-gen CRD.
    public func openAPIV3Schema() throws(FluxCRDError) -> JSONSchemaProps {
        var schema = try reflect()
        schema.required.removeAll { ["apiVersion", "kind", "metadata"].contains($0) }
        return schema
    }
}

/// One `additionalPrinterColumns` entry.
public struct PrinterColumn: Sendable, Hashable {
    public var name: String
    public var type: String
    public var jsonPath: String
    public var description: String?
    public var priority: Int?

    public init(name: String, type: String, jsonPath: String, description: String? = nil, priority: Int? = nil) {
        self.name = name
        self.type = type
        self.jsonPath = jsonPath
        self.description = description
        self.priority = priority
    }

    /// `Age` from `.metadata.creationTimestamp`.
    public static let age = PrinterColumn(name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp")
    /// `Ready`: the Ready condition's status.
    public static let ready = PrinterColumn(name: "Ready", type: "string", jsonPath: #".status.conditions[?(@.type=="Ready")].status"#)
    /// `Status`: the Ready condition's message.
    public static let status = PrinterColumn(name: "Status", type: "string", jsonPath: #".status.conditions[?(@.type=="Ready")].message"#)
    /// `URL` from `.spec.url`.
    public static let url = PrinterColumn(name: "URL", type: "string", jsonPath: ".spec.url")

    /// The column as JSON (members in alphabetical order).
    public var json: JSONValue {
        var o: JSONObject = [:]
        if let description { o["description"] = .string(description) }
        o["jsonPath"] = .string(jsonPath)
        o["name"] = .string(name)
        if let priority { o["priority"] = .int(Int64(priority)) }
        o["type"] = .string(type)
        return .object(o)
    }
}
