import Testing
@testable import StructuredData

/// Types shaped like Kubernetes API structs, to exercise the JSONValue Codable bridge.
private struct Probe: Codable, Equatable {
    var name: String
    var replicas: Int64?
    var ratio: Double?
    var enabled: Bool?
    var tags: [String]?
    var labels: [String: String]?
    var values: JSONValue?
    var nested: Nested?
    var unknownFields = UnknownFields()

    struct Nested: Codable, Equatable {
        var path: String?
        var items: [Item]?
        var unknownFields = UnknownFields()
    }

    struct Item: Codable, Equatable {
        var key: String
    }
}

private enum Mode: String, Codable { case enabled, disabled }

private struct WithEnum: Codable { var mode: Mode }

@Suite("JSONValue Codable bridge")
struct CodableBridgeTests {
    let decoder = JSONValueDecoder()
    let encoder = JSONValueEncoder()

    func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test("decoding then encoding is lossless, unknown members included, in declaration order")
    func roundTrip() throws {
        let input = try json(#"{"zeta":1,"name":"a","nested":{"extra":[1,2],"path":"/x","items":[{"key":"k"}]},"values":{"b":1,"a":{"c":null}},"replicas":3}"#)
        let probe = try decoder.decode(Probe.self, from: input)
        #expect(probe.name == "a")
        #expect(probe.replicas == 3)
        #expect(probe.unknownFields.members == ["zeta": 1])
        #expect(probe.nested?.unknownFields.members == ["extra": [1, 2]])
        let output = try encoder.encode(probe)
        #expect(output == input)
        #expect(output.serialized() == #"{"name":"a","replicas":3,"values":{"b":1,"a":{"c":null}},"nested":{"path":"/x","items":[{"key":"k"}],"extra":[1,2]},"zeta":1}"#)
    }

    @Test("nil optionals are omitted and string-keyed maps are written with sorted keys, as Go does")
    func omitAndSort() throws {
        let probe = Probe(name: "n", labels: ["b": "2", "a": "1", "c": "3"])
        #expect(try encoder.encode(probe).serialized() == #"{"name":"n","labels":{"a":"1","b":"2","c":"3"}}"#)
    }

    @Test("a type mismatch names the JSON path and both types", arguments: [
        (#"{"name":1}"#, "name: expected string, found number"),
        (#"{"name":"x","replicas":"3"}"#, "replicas: expected integer, found string"),
        (#"{"name":"x","replicas":1.5}"#, "replicas: expected integer, found 1.5"),
        (#"{"name":"x","enabled":"true"}"#, "enabled: expected boolean, found string"),
        (#"{"name":"x","tags":["a",2]}"#, "tags[1]: expected string, found number"),
        (#"{"name":"x","nested":{"items":[{"key":"a"},{}]}}"#, "nested.items[1].key: required field is missing"),
        (#"{"name":"x","nested":[]}"#, "nested: expected object, found array"),
        (#"{"replicas":1}"#, "name: required field is missing"),
        (#"{"name":null}"#, "name: required field is missing"),
        (#"[]"#, "expected object, found array"),
    ])
    func mismatch(input: String, message: String) throws {
        let value = try json(input)
        do {
            _ = try decoder.decode(Probe.self, from: value)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("an unknown enum value is a decoding failure at its path")
    func badEnum() throws {
        let value = try json(#"{"mode":"sometimes"}"#)
        do {
            _ = try decoder.decode(WithEnum.self, from: value)
            Issue.record("expected a failure")
        } catch {
            #expect(error.path == "mode")
            #expect(error.reason.contains("sometimes"))
        }
    }

    @Test("integral floats decode into integers and null optionals read as nil")
    func lenientNumbers() throws {
        let p = try decoder.decode(Probe.self, from: try json(#"{"name":"x","replicas":2.0,"ratio":1,"values":null}"#))
        #expect(p.replicas == 2)
        #expect(p.ratio == 1.0)
        #expect(p.values == nil)
    }

    @Test("non-finite doubles cannot be encoded")
    func nonFinite() {
        var p = Probe(name: "x")
        p.ratio = .infinity
        #expect(throws: CodingFailure(path: "ratio", reason: "unsupported value: inf")) { try encoder.encode(p) }
    }

    @Test("JSONValue passes through both directions untouched")
    func passthrough() throws {
        let v = try json(#"{"b":[1,2.5,"x",null,true],"a":{}}"#)
        #expect(try decoder.decode(JSONValue.self, from: v) == v)
        #expect(try encoder.encode(v).serialized() == v.serialized())
    }
}
