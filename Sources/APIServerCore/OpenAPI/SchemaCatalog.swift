import StructuredData

/// The value type of one field in the built-in schema catalog. Rendered as Swagger 2.0 or
/// OpenAPI 3.0 JSON Schema by `SchemaDefinition.json(_:)`.
indirect enum SchemaType: Sendable {
    case string, boolean, int32, int64, double
    /// A base64-encoded string (`format: byte`).
    case byte
    /// A named definition (its full name, e.g. `io.k8s.api.core.v1.PodSpec`).
    case ref(String)
    case array(SchemaType)
    /// A JSON object with data keys (`additionalProperties`).
    case map(SchemaType)
    /// A free-form JSON object: clients accept any fields in it.
    case object
    /// Any JSON value.
    case any

    static func core(_ name: String) -> SchemaType { .ref("io.k8s.api.core.v1." + name) }
    static func meta(_ name: String) -> SchemaType { .ref("io.k8s.apimachinery.pkg.apis.meta.v1." + name) }
    static let quantity = SchemaType.ref("io.k8s.apimachinery.pkg.api.resource.Quantity")
    static let intOrString = SchemaType.ref("io.k8s.apimachinery.pkg.util.intstr.IntOrString")
    static let time = SchemaType.meta("Time")
    static let stringMap = SchemaType.map(.string)
    static let strings = SchemaType.array(.string)
}

/// One property of an object definition, with its strategic-merge patch metadata (what
/// `x-kubernetes-patch-strategy` / `x-kubernetes-patch-merge-key` tell kubectl's client-side apply).
struct SchemaField: Sendable {
    var name: String
    var type: SchemaType
    var description: String
    var required = false
    var patchStrategy: String?
    var mergeKey: String?
}

/// A group, version and kind as the `x-kubernetes-group-version-kind` extension lists them.
struct SchemaGVK: Sendable, Hashable {
    var group: String
    var version: String
    var kind: String

    var json: JSONValue { ["group": .string(group), "kind": .string(kind), "version": .string(version)] }
}

/// One named definition of the catalog: an object with properties, a primitive with a format
/// (Quantity, Time, IntOrString), or a free-form object.
struct SchemaDefinition: Sendable {
    enum Body: Sendable {
        case object([SchemaField])
        case primitive(type: String, format: String?)
        case freeform
    }

    var name: String
    var description: String
    var body: Body
    var gvks: [SchemaGVK] = []

    /// The names of the definitions this one refers to directly.
    var references: [String] {
        guard case .object(let fields) = body else { return [] }
        return fields.flatMap { Self.references(in: $0.type) }
    }

    static func references(in type: SchemaType) -> [String] {
        switch type {
        case .ref(let name): return [name]
        case .array(let t), .map(let t): return references(in: t)
        default: return []
        }
    }
}

/// How a definition is written: Swagger 2.0 (`#/definitions/`, `$ref` beside a description) or
/// OpenAPI 3.0 (`#/components/schemas/`, a described `$ref` wrapped in `allOf`), as kube-apiserver
/// publishes them.
enum SchemaDialect: Sendable {
    case v2, v3

    var refPrefix: String { self == .v2 ? "#/definitions/" : "#/components/schemas/" }
}

extension SchemaDefinition {
    /// The JSON Schema of this definition.
    func json(_ dialect: SchemaDialect) -> JSONValue {
        var out: JSONObject = ["description": .string(description)]
        switch body {
        case .object(let fields):
            var properties: JSONObject = [:]
            for field in fields.sorted(by: { $0.name < $1.name }) {
                var schema = Self.schema(field.type, description: field.description, dialect)
                if let strategy = field.patchStrategy {
                    if let key = field.mergeKey { schema["x-kubernetes-patch-merge-key"] = .string(key) }
                    schema["x-kubernetes-patch-strategy"] = .string(strategy)
                }
                properties[field.name] = .object(schema)
            }
            let required = fields.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { out["required"] = .array(required) }
            out["type"] = "object"
            out["properties"] = .object(properties)
        case .primitive(let type, let format):
            out["type"] = .string(type)
            if let format { out["format"] = .string(format) }
        case .freeform:
            out["type"] = "object"
        }
        if !gvks.isEmpty { out["x-kubernetes-group-version-kind"] = .array(gvks.map(\.json)) }
        return .object(out)
    }

    /// The schema of a value of `type`, with `description` when given.
    static func schema(_ type: SchemaType, description: String?, _ dialect: SchemaDialect) -> JSONObject {
        var out: JSONObject = [:]
        if let description { out["description"] = .string(description) }
        switch type {
        case .string: out["type"] = "string"
        case .boolean: out["type"] = "boolean"
        case .int32: out["type"] = "integer"; out["format"] = "int32"
        case .int64: out["type"] = "integer"; out["format"] = "int64"
        case .double: out["type"] = "number"; out["format"] = "double"
        case .byte: out["type"] = "string"; out["format"] = "byte"
        case .object: out["type"] = "object"
        case .any: break
        case .ref(let name):
            let ref = JSONValue.string(dialect.refPrefix + name)
            if dialect == .v3 && description != nil {
                out["allOf"] = [.object(["$ref": ref])]
            } else {
                out["$ref"] = ref
            }
        case .array(let element):
            out["type"] = "array"
            out["items"] = .object(schema(element, description: nil, dialect))
        case .map(let value):
            out["type"] = "object"
            out["additionalProperties"] = .object(schema(value, description: nil, dialect))
        }
        return out
    }
}
