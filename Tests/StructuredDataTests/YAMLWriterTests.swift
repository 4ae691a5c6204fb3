import Testing
@testable import StructuredData

@Suite struct YAMLWriterTests {
    static let long = String(repeating: "word ", count: 30) + "end"

    static let cases: [(JSONValue, String)] = [
        ("abc", "abc\n"),
        (nil, "null\n"),
        (.array([]), "[]\n"),
        (.object([:]), "{}\n"),
        (["a": 1, "b": 1.5, "c": true, "d": nil], "a: 1\nb: 1.5\nc: true\nd: null\n"),
        (["l": [1, "two", ["x": nil]]], "l:\n- 1\n- two\n- x: null\n"),
        (["e": [:], "f": []], "e: {}\nf: []\n"),
        (["s": ""], "s: \"\"\n"),
        (["s": "true"], "s: \"true\"\n"),
        (["s": "yes"], "s: \"yes\"\n"),
        (["s": "1"], "s: \"1\"\n"),
        (["s": "1.0"], "s: \"1.0\"\n"),
        (["s": "null"], "s: \"null\"\n"),
        (["s": "~"], "s: \"~\"\n"),
        (["s": "2023-01-01"], "s: \"2023-01-01\"\n"),
        (["s": "1:20"], "s: \"1:20\"\n"),
        (["s": "0x1F"], "s: \"0x1F\"\n"),
        (["s": ".inf"], "s: \".inf\"\n"),
        (["s": "<<"], "s: <<\n"),
        (["s": "a: b"], "s: 'a: b'\n"),
        (["s": " lead"], "s: ' lead'\n"),
        (["s": "trail "], "s: 'trail '\n"),
        (["s": "- x"], "s: '- x'\n"),
        (["s": "*x"], "s: '*x'\n"),
        (["s": "&x"], "s: '&x'\n"),
        (["s": "a #b"], "s: 'a #b'\n"),
        (["s": "#x"], "s: '#x'\n"),
        (["s": "it's"], "s: it's\n"),
        (["s": "a\tb"], "s: \"a\\tb\"\n"),
        (["s": "héllo ☃"], "s: héllo ☃\n"),
        (["s": "line1\nline2"], "s: |-\n  line1\n  line2\n"),
        (["s": "x\n"], "s: |\n  x\n"),
        (["s": "x\n\n"], "s: |+\n  x\n\n"),
        (["n": 1, "y": 2], "\"n\": 1\n\"y\": 2\n"),
        (["s": " x\ny"], "s: |2-\n   x\n  y\n"),
        (["s": "x \ny"], "s: \"x \\ny\"\n"),
        (["s": "\ttab\nx"], "s: \"\\ttab\\nx\"\n"),
        (["k": ["- a": 1]], "k:\n  '- a': 1\n"),
        (["s": "a:"], "s: 'a:'\n"),
        (["s": "..."], "s: '...'\n"),
        (["s": "x,y"], "s: x,y\n"),
        (["big": .double(1e21), "int": .double(1e6), "small": .double(1e-7), "half": .double(0.5)],
         "big: 1e+21\nhalf: 0.5\nint: 1000000\nsmall: 1e-07\n"),
        (["s": .string(long)],
         "s: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word end\n"),
        (["k": ["l": [["m": 1, "n": 2]]]], "k:\n  l:\n  - m: 1\n    \"n\": 2\n"),
        ([["a": [1, [2, 3]]]], "- a:\n  - 1\n  - - 2\n    - 3\n"),
    ]

    @Test("values serialize like sigs.k8s.io/yaml.Marshal", arguments: cases)
    func serialize(value: JSONValue, expected: String) throws {
        #expect(try YAML.serialize(value) == expected)
    }

    @Test("natural key order sorts digit runs numerically and non-letters first")
    func naturalOrder() throws {
        let value: JSONValue = ["b": 1, "a10": 1, "a2": 1, "A": 1, "_x": 1, "a": 1, "1": 1, "a02": 1]
        #expect(try YAML.serialize(value) == "_x: 1\n\"1\": 1\nA: 1\na: 1\na2: 1\na02: 1\na10: 1\nb: 1\n")
        #expect(try YAML.serialize(value, keyOrder: .preserved).hasPrefix("b: 1\na10: 1\n"))
    }

    @Test("documents are joined with a document separator")
    func documents() throws {
        #expect(try YAML.serializeDocuments([["a": 1], ["b": "x\n\n"], "c"]) == "a: 1\n---\nb: |+\n  x\n\n---\nc\n")
    }

    @Test("NaN and infinities are refused as sigs.k8s.io/yaml does")
    func nonFinite() {
        #expect(throws: StructuredDataError.self) { try YAML.serialize(["x": .double(.nan)]) }
        #expect(throws: StructuredDataError.self) { try YAML.serialize(.double(.infinity)) }
    }

    static let roundTrips: [JSONValue] = [
        ["a": ["b": [1, 2.5, "3", true, nil, "yes", "", "x\ny", " z"]], "c": [:], "d": []],
        [["name": "n", "value": "2023-01-01T00:00:00Z"]],
    ]

    @Test("serialized YAML parses back to the same value", arguments: roundTrips)
    func roundTrip(value: JSONValue) throws {
        #expect(try YAML.parse(YAML.serialize(value)) == value)
    }
}
