import Testing
@testable import StructuredData

@Suite struct YAMLParseTests {
    static let scalars: [(String, JSONValue)] = [
        ("y", true), ("Yes", true), ("ON", true), ("true", true), ("True", true),
        ("n", false), ("NO", false), ("off", false), ("FALSE", false),
        ("~", nil), ("null", nil), ("Null", nil), ("NULL", nil), ("", nil),
        ("1", 1), ("-17", -17), ("+12", 12), ("0x1F", 31), ("-0x1F", -31), ("0o17", 15), ("017", 15),
        ("0b1010", 10), ("-0b101", -5), ("1_000", 1000), ("0", 0),
        ("08", .double(8)), ("1.5", 1.5), ("1.0", .double(1)), ("-.5", -0.5), (".5", 0.5), ("1e3", .double(1000)),
        ("6.8523015e+5", .double(685230.15)), ("1.", .double(1)),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("18446744073709551615", .double(Double(UInt64.max))), ("+9223372036854775808", .double(9223372036854775808)),
        ("2023-01-01", "2023-01-01"), ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        ("1:20", "1:20"), ("yes please", "yes please"), ("0x", "0x"), ("1e", "1e"), ("0.1.2", "0.1.2"),
        ("abc", "abc"), ("-a", "-a"), ("+", "+"), ("True1", "True1"), ("1_", .int(1)),
    ]

    @Test("plain scalars resolve as yaml.v2 does", arguments: scalars)
    func plainScalar(text: String, expected: JSONValue) throws {
        let value = try YAML.parse("v: \(text)\n")
        if case .double(let d)? = expected.doubleValue.map(JSONValue.double), d.isNaN { return }
        #expect(value["v"] == expected, "\(text)")
    }

    @Test("NaN resolves to a NaN double")
    func nan() throws {
        let value = try YAML.parse("v: .nan")
        guard case .double(let d)? = value["v"] else { Issue.record("not a double"); return }
        #expect(d.isNaN)
    }

    static let quoted: [String] = ["\"true\"", "'1'", "\"null\"", "''", "|\n  1\n", "!!str 12", "! 12"]

    @Test("quoted, block and !!str scalars are strings", arguments: quoted)
    func quotedScalar(text: String) throws {
        let value = try YAML.parse("v: \(text)")
        #expect(value["v"]?.stringValue != nil, "\(text) gave \(String(describing: value["v"]))")
    }

    static let documents: [(String, JSONValue)] = [
        ("1: a\ntrue: b\n1.5: c\n~x: d\n", ["1": "a", "true": "b", "1.5": "c", "~x": "d"]),
        ("18446744073709551615: a\n0x10: b\n0.1: c\n", ["18446744073709551615": "a", "16": "b", "0.1": "c"]),
        ("base: &b {x: 1, q: 2}\nd:\n  <<: *b\n  q: 3\n", ["base": ["x": 1, "q": 2], "d": ["x": 1, "q": 3]]),
        ("y: 1\nn: 2\n", ["true": 1, "false": 2]),
        ("a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n", ["a": ["x": 1], "b": ["x": 2, "z": 2], "c": ["x": 1, "z": 2]]),
        ("l: &l [1, 2]\nm: *l\n", ["l": [1, 2], "m": [1, 2]]),
        ("a: !!float 1\nb: !!int \"3\"\nc: !!binary aGVsbG8=\nd: !custom 5\n", ["a": 1.0, "b": 3, "c": "hello", "d": "5"]),
        ("\"<<\": x\n", ["<<": "x"]),
        ("", nil),
        ("- a\n- {b: [c]}\n", ["a", ["b": ["c"]]]),
    ]

    @Test("documents convert with key stringification, merge keys and aliases", arguments: documents)
    func document(text: String, expected: JSONValue) throws {
        #expect(try YAML.parse(text) == expected)
    }

    @Test("parse reads only the first document, like yaml.Unmarshal")
    func firstDocument() throws {
        #expect(try YAML.parse("a: 1\n---\nb: 2\n") == ["a": 1])
        #expect(try YAML.parse("---\n") == nil)
    }

    @Test("duplicate keys are accepted and the last value wins, as yaml.v2 does")
    func duplicateKeys() throws {
        let value = try YAML.parse("a: 1\nb: 2\na: 3\n")
        #expect(value == ["a": 3, "b": 2])
        #expect(value.objectValue.map { Array($0.keys) } == ["a", "b"])
    }

    @Test("key order is preserved")
    func order() throws {
        let value = try YAML.parse("z: 1\na: 2\nm: 3\n")
        #expect(value.objectValue.map { Array($0.keys) } == ["z", "a", "m"])
    }

    static let streams: [(String, [JSONValue])] = [
        ("a: 1\n---\nb: 2\n", [["a": 1], ["b": 2]]),
        ("a: 1\n---\n", [["a": 1]]),
        ("---\na: 1\n---\nb: 2\n---\n", [["a": 1], ["b": 2]]),
        ("a: 1\n---\n---\nb: 2\n", [["a": 1], nil, ["b": 2]]),
        ("", []),
    ]

    @Test("multi-document streams drop only a trailing empty document", arguments: streams)
    func stream(text: String, expected: [JSONValue]) throws {
        #expect(try YAML.parseDocuments(text) == expected)
    }

    static let malformed: [(String, String)] = [
        ("a: b: c\n", "yaml: mapping values are not allowed in this context"),
        ("a: 1\nb: c: d\n", "yaml: line 2: mapping values are not allowed in this context"),
        ("a:\n  b: 1\n c: 2\n", "yaml: line 2: did not find expected key"),
        ("a: \"x\n", "yaml: line 2: found unexpected end of stream"),
        ("a:\n  - b\n c: d\n", "yaml: line"),
        ("key: [1, 2\n", "did not find expected"),
        ("a: *nope\n", "yaml: unknown anchor 'nope' referenced"),
        ("a: !!int abc\n", "cannot decode !!str `abc` as a !!int"),
        ("<<: 1\n", "map merge requires map or sequence of maps as the value"),
        ("~: 1\n", "Unsupported map key"),
    ]

    @Test("malformed YAML gives an invalidYAML error naming the problem", arguments: malformed)
    func malformedYAML(text: String, fragment: String) {
        do {
            _ = try YAML.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.kind == .invalidYAML)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }
}
