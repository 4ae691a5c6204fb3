import FluxAPI
import FluxCRDs
import KubeModel
import StructuredData
import Testing

/// Schemas reflected from small types written for the test.
@Suite("Schema reflection from Swift types")
struct SchemaReflectionTests {
    enum Mode: String, FluxEnum {
        case fast = "Fast"
        case safe = "Safe"
    }

    struct Leaf: Codable, Sendable, Hashable {
        var name: String
        var unknownFields = UnknownFields()
    }

    struct Sample: Codable, Sendable, Hashable, SchemaDescribed {
        var interval: String
        var count: Int?
        var generation: Int64?
        var ratio: Int32?
        var enabled: Bool?
        var mode: Mode?
        var tags: [String]?
        var labels: [String: String]?
        var leaves: [Leaf]
        var values: JSONValue?
        var conditions: [Condition]?
        var unknownFields = UnknownFields()

        static var propertyRules: [String: PropertyRule] {
            ["interval": .duration, "count": .minimum(0).defaulting(3), "mode": .defaulting("Safe"), "tags": .maxItems(4)]
        }
    }

    struct BadRule: Codable, SchemaDescribed {
        var name: String
        static var propertyRules: [String: PropertyRule] { ["nmae": .maxLength(3)] }
    }

    @Test("types map to OpenAPI types; rules add validations and defaults")
    func mapping() throws {
        let schema = try SchemaReflection.schema(of: Sample.self).json
        #expect(schema["type"] == "object")
        #expect(schema["required"] == ["interval", "leaves"])
        let p = try #require(schema["properties"])
        #expect(p["interval"] == ["pattern": #"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$"#, "type": "string"])
        #expect(p["count"] == ["default": 3, "minimum": 0, "type": "integer"])
        #expect(p["generation"] == ["format": "int64", "type": "integer"])
        #expect(p["ratio"] == ["format": "int32", "type": "integer"])
        #expect(p["enabled"] == ["type": "boolean"])
        #expect(p["mode"] == ["default": "Safe", "enum": ["Fast", "Safe"], "type": "string"])
        #expect(p["tags"] == ["items": ["type": "string"], "maxItems": 4, "type": "array"])
        #expect(p["labels"] == ["additionalProperties": ["type": "string"], "type": "object"])
        #expect(p["leaves"] == ["items": ["properties": ["name": ["type": "string"]], "required": ["name"], "type": "object"], "type": "array"])
        #expect(p["values"] == ["x-kubernetes-preserve-unknown-fields": true])
        #expect(p["conditions"]?["items"]?["required"] == ["lastTransitionTime", "message", "reason", "status", "type"])
        #expect(p["unknownFields"] == nil)
    }

    @Test("a rule for a property the type does not declare is an error naming it")
    func misspelledRule() {
        #expect(throws: FluxCRDError("BadRule.nmae", "rule for a property the type does not declare")) {
            _ = try SchemaReflection.schema(of: BadRule.self)
        }
    }

    @Test("a root's apiVersion, kind and metadata are never required; spec and status are optional")
    func rootShape() throws {
        let version = try #require(FluxCRDCatalog.helmReleases.storageVersion)
        let schema = try version.openAPIV3Schema().json
        #expect(schema["required"] == nil)
        #expect(schema["properties"]?["metadata"] == ["type": "object"])
        #expect(schema["properties"]?["status"]?["default"] == ["observedGeneration": -1])
        #expect(schema["properties"]?["spec"]?["required"] == ["chart", "interval"])
    }
}
