import StructuredData
import SharedTestData
import Testing
@testable import HelmEngine

/// `values.schema.json` validation with gojsonschema's messages and Helm's aggregation.
@Suite("values schema validation", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct SchemaValidationTests {
    static func errors(_ schema: String, _ values: String) throws -> [String] {
        var validator = SchemaValidator(root: try JSONParser.parse(schema))
        validator.validate(try JSONParser.parse(schema), try YAML.parse(values).helmNumbers, path: [])
        return validator.errors
    }

    @Test("keywords report gojsonschema's descriptions", arguments: [
        (#"{"type":"object","required":["name"]}"#, "{}", ["(root): name is required"]),
        (#"{"properties":{"port":{"type":"integer"}}}"#, "port: abc", ["port: Invalid type. Expected: integer, given: string"]),
        (#"{"properties":{"port":{"type":"integer","minimum":1}}}"#, "port: 0", ["port: Must be greater than or equal to 1"]),
        (#"{"properties":{"num":{"type":"number","maximum":10,"exclusiveMaximum":true}}}"#, "num: 10", ["num: Must be less than 10"]),
        (#"{"properties":{"num":{"type":"number","exclusiveMinimum":0}}}"#, "num: 0", ["num: Must be greater than 0"]),
        (#"{"properties":{"s":{"type":"string","minLength":3,"pattern":"^a"}}}"#, "s: bb", ["s: String length must be greater than or equal to 3", "s: Does not match pattern '^a'"]),
        (#"{"properties":{"e":{"enum":["a","b"]}}}"#, "e: c", [#"e: e must be one of the following: "a", "b""#]),
        (#"{"additionalProperties":false,"properties":{"a":{}}}"#, "a: 1\nb: 2", ["(root): Additional property b is not allowed"]),
        (#"{"properties":{"l":{"type":"array","items":{"type":"string"},"minItems":2}}}"#, "l: [1]", ["l: Array must have at least 2 items", "l.0: Invalid type. Expected: string, given: integer"]),
        (#"{"properties":{"i":{"type":"integer"}}}"#, "i: 3", []),
        (##"{"definitions":{"p":{"type":"string"}},"properties":{"r":{"$ref":"#/definitions/p"}}}"##, "r: 1", ["r: Invalid type. Expected: string, given: integer"]),
    ])
    func keyword(_ schema: String, _ values: String, _ expected: [String]) throws {
        #expect(try Self.errors(schema, values) == expected)
    }

    @Test("schema failures across the chart tree are aggregated in Helm's format")
    func aggregated() throws {
        let chart = try ChartLoader().load(path: SharedConformance.path("helm-v3.13.2/testcharts/chart-with-schema-negative"))
        let error = #expect(throws: HelmError.self) {
            _ = try RenderValues(chart: chart, userValues: [:], release: ReleaseOptions(name: "x"), capabilities: Capabilities())
        }
        #expect(error?.message.hasPrefix("values don't meet the specifications of the schema(s) in the following chart(s):\nempty:\n- ") == true)
    }
}
