import StructuredData

/// `apiextensions.k8s.io/v1 JSONSchemaProps`: one node of a CRD's structural `openAPIV3Schema`.
///
/// Only the keywords structural schemas allow are modelled. `json` writes the members in
/// alphabetical order, as controller-gen's output (and `kubectl get crd -o yaml`) has them.
public struct JSONSchemaProps: Sendable, Hashable {
    public var type: String?
    public var format: String?
    public var description: String?
    public var properties: [String: JSONSchemaProps] = [:]
    /// Required property names (written sorted).
    public var required: [String] = []
    public var enumValues: [JSONValue]?
    public var defaultValue: JSONValue?
    public var pattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Int64?
    public var maximum: Int64?
    public var minItems: Int?
    public var maxItems: Int?
    public var nullable: Bool?
    public var preserveUnknownFields: Bool?
    public var intOrString: Bool?
    public var embeddedResource: Bool?
    public var listType: String?
    public var listMapKeys: [String]?
    public var mapType: String?
    // Boxed so the struct can contain itself.
    private var itemsBox: [JSONSchemaProps] = []
    private var additionalPropertiesBox: [JSONSchemaProps] = []

    public init(type: String? = nil, format: String? = nil) {
        self.type = type
        self.format = format
    }

    /// The schema of array items.
    public var items: JSONSchemaProps? {
        get { itemsBox.first }
        set { itemsBox = newValue.map { [$0] } ?? [] }
    }

    /// The schema of map values (`additionalProperties`).
    public var additionalProperties: JSONSchemaProps? {
        get { additionalPropertiesBox.first }
        set { additionalPropertiesBox = newValue.map { [$0] } ?? [] }
    }

    /// `{type: object, properties: …}` with no properties.
    public static var object: JSONSchemaProps { JSONSchemaProps(type: "object") }
    public static var string: JSONSchemaProps { JSONSchemaProps(type: "string") }

    /// The schema as JSON, members in alphabetical order; empty collections are omitted.
    public var json: JSONValue {
        var o: JSONObject = [:]
        if let additionalProperties { o["additionalProperties"] = additionalProperties.json }
        if let defaultValue { o["default"] = defaultValue }
        if let description { o["description"] = .string(description) }
        if let enumValues { o["enum"] = .array(enumValues) }
        if let format { o["format"] = .string(format) }
        if let items { o["items"] = items.json }
        if let maxItems { o["maxItems"] = .int(Int64(maxItems)) }
        if let maxLength { o["maxLength"] = .int(Int64(maxLength)) }
        if let maximum { o["maximum"] = .int(maximum) }
        if let minItems { o["minItems"] = .int(Int64(minItems)) }
        if let minLength { o["minLength"] = .int(Int64(minLength)) }
        if let minimum { o["minimum"] = .int(minimum) }
        if let nullable { o["nullable"] = .bool(nullable) }
        if let pattern { o["pattern"] = .string(pattern) }
        if !properties.isEmpty {
            var p: JSONObject = [:]
            for key in properties.keys.sorted() { p[key] = properties[key]?.json }
            o["properties"] = .object(p)
        }
        if !required.isEmpty { o["required"] = .array(required.sorted().map { .string($0) }) }
        if let type { o["type"] = .string(type) }
        if let embeddedResource { o["x-kubernetes-embedded-resource"] = .bool(embeddedResource) }
        if let intOrString { o["x-kubernetes-int-or-string"] = .bool(intOrString) }
        if let listMapKeys { o["x-kubernetes-list-map-keys"] = .array(listMapKeys.map { .string($0) }) }
        if let listType { o["x-kubernetes-list-type"] = .string(listType) }
        if let mapType { o["x-kubernetes-map-type"] = .string(mapType) }
        if let preserveUnknownFields { o["x-kubernetes-preserve-unknown-fields"] = .bool(preserveUnknownFields) }
        return .object(o)
    }
}
