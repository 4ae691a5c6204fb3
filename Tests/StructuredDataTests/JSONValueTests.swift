import Testing
@testable import StructuredData

@Suite struct JSONValueTests {
    @Test("objects keep key order through a parse/serialize round trip")
    func keyOrder() throws {
        let text = #"{"z":1,"a":{"y":true,"b":null},"m":[1,2.5,"x"]}"#
        let value = try JSONParser.parse(text)
        #expect(value.serialized() == text)
    }

    @Test("a repeated key keeps its first position and its last value, as Go's decoder into a map does")
    func repeatedKeys() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3,"c":[{"x":1,"x":2}]}"#)
        #expect(value.serialized() == #"{"a":3,"b":2,"c":[{"x":2}]}"#)
        #expect(value.objectValue?.keys.elements == ["a", "b", "c"])
        let many = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let wide = try JSONParser.parse("{" + many + ",\"k3\":\"last\"}")
        #expect(wide.objectValue?.count == 20)
        #expect(wide["k3"] == .string("last"))
        #expect(wide.objectValue?.keys.elements.prefix(4) == ["k0", "k1", "k2", "k3"])
    }

    @Test("objects inside arrays inside objects keep their own members", arguments: [
        #"{"a":[1,{"b":[2,{"c":3}],"d":4},5],"e":{"f":[]},"g":{}}"#,
        #"[[],[{}],[{"k":[1,[2,[3]]]}],{"z":[{"y":{"x":[0]}}]}]"#,
        #"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":[{"k0":17}]}"#,
    ])
    func nestedContainers(_ text: String) throws {
        #expect(try JSONParser.parse(text).serialized() == text)
    }

    @Test("integers and floats stay distinct and large integers are exact")
    func numbers() throws {
        let value = try JSONParser.parse(#"[1, 1.0, 9007199254740993, -9223372036854775808, 1e3, 18446744073709551616]"#)
        #expect(value[0] == .int(1))
        #expect(value[1] == .double(1))
        #expect(value[0] != value[1])
        #expect(value[2] == .int(9_007_199_254_740_993))
        #expect(value[3] == .int(Int64.min))
        #expect(value[4] == .double(1000))
        #expect(value[5] == .double(18446744073709551616))
        #expect(value.serialized() == "[1,1,9007199254740993,-9223372036854775808,1000,18446744073709552000]")
    }

    @Test("object equality ignores key order")
    func equality() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == JSONParser.parse(#"{"b":2,"a":1}"#))
        let set: Set<JSONValue> = [try JSONParser.parse(#"{"a":1,"b":2}"#), try JSONParser.parse(#"{"b":2,"a":1}"#)]
        #expect(set.count == 1)
    }

    @Test("strings escape like Go's encoding/json")
    func escaping() throws {
        let value: JSONValue = .string("<a href=\"x\">&\u{2028}\n\t\u{1}/é😀")
        #expect(value.serialized() == #""\u003ca href=\"x\"\u003e\u0026\u2028\n\t\u0001/é😀""#)
        #expect(value.serialized(JSONWriteOptions(escapeHTML: false)) == #""<a href=\"x\">&\u2028\n\t\u0001/é😀""#)
        #expect(try JSONParser.parse(#""\ud83d\ude00\u00e9\/""#) == .string("😀é/"))
    }

    @Test("long plain runs are copied whole around escapes, and other E2 sequences are kept", arguments: [
        (String(repeating: "a", count: 5000) + "\"" + String(repeating: "b", count: 3), "\"" + String(repeating: "a", count: 5000) + "\\\"bbb\""),
        ("€\u{2029}x\u{2028}", #""€\u2029x\u2028""#),
        ("\u{2030}‰", "\"\u{2030}‰\""),
        ("\u{1f}\r\\", #""\u001f\r\\""#),
        ("", #""""#),
    ])
    func escapingRuns(input: String, expected: String) {
        #expect(JSONValue.string(input).serialized() == expected)
    }

    @Test("pretty and sorted output match json.MarshalIndent of a Go map")
    func pretty() throws {
        let value = try JSONParser.parse(#"{"b":[1,{}],"a":{"c":[]}}"#)
        let expected = "{\n  \"a\": {\n    \"c\": []\n  },\n  \"b\": [\n    1,\n    {}\n  ]\n}"
        #expect(value.serialized(JSONWriteOptions(sortedKeys: true, indent: "  ")) == expected)
    }

    @Test("malformed JSON names what is wrong", arguments: [
        ("{\"a\":1,}", "invalid character '}' looking for beginning of object key string"),
        ("[1 2]", "invalid character '2' after array element"),
        ("{\"a\" 1}", "invalid character '1' after object key"),
        ("tru", "unexpected end of JSON input"),
        ("01", "invalid character '1' after top-level value"),
        ("\"abc", "unexpected end of JSON input"),
        ("", "unexpected end of JSON input"),
        ("nul!", "invalid character '!' in literal null (expecting 'l')"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: StructuredDataError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.message.hasPrefix(message)) }
    }

    /// Go's `quoteChar` reads the offending byte as the rune of the same value and quotes it
    /// with `strconv.Quote`'s rules.
    @Test("an offending byte is quoted as Go's JSON scanner quotes it", arguments: [
        ([0xC3, 0x8E], "invalid character 'Ã' looking for beginning of value"),
        ([0xCE], "invalid character 'Î' looking for beginning of value"),
        ([0xFF], "invalid character 'ÿ' looking for beginning of value"),
        ([0x85], "invalid character '\\u0085' looking for beginning of value"),
        ([0xA0], "invalid character '\\u00a0' looking for beginning of value"),
        ([0xAD], "invalid character '\\u00ad' looking for beginning of value"),
        ([0x01], "invalid character '\\x01' looking for beginning of value"),
        ([0x7F], "invalid character '\\x7f' looking for beginning of value"),
        ([0x5C], "invalid character '\\\\' looking for beginning of value"),
        ([0x27], "invalid character '\\'' looking for beginning of value"),
        ([0x22, 0x61, 0x0A], "invalid character '\\n' in string literal"),
        ([0x22, 0x09], "invalid character '\\t' in string literal"),
        ([0x22, 0x5C, 0x78], "invalid character 'x' in string escape code"),
        ([0x5B, 0x31, 0xE9], "invalid character 'é' after array element"),
    ] as [([UInt8], String)])
    func quotedBytes(bytes: [UInt8], message: String) {
        do {
            _ = try JSONParser.parse(bytes: bytes)
            Issue.record("parsed")
        } catch {
            #expect(error.message.hasPrefix(message + " (at offset"), "\(error.message)")
        }
    }

    @Test("nesting beyond the depth limit is an error, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: StructuredDataError.self) { try JSONParser.parse(deep) }
    }

    @Test("path subscripts read and write nested members")
    func paths() {
        var value: JSONValue = ["metadata": ["name": "a"]]
        #expect(value[path: ["metadata", "name"]] == "a")
        value[path: ["metadata", "labels", "app"]] = "web"
        value[dotted: "spec.replicas"] = 3
        #expect(value.serialized() == #"{"metadata":{"name":"a","labels":{"app":"web"}},"spec":{"replicas":3}}"#)
        value[path: ["metadata", "name"]] = nil
        #expect(value[path: ["metadata", "name"]] == nil)
    }
}
