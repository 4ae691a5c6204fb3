import Testing
@testable import StructuredData

@Suite struct JSONPointerTests {
    static let document = #"{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}"#

    /// RFC 6901 section 5.
    static let rfcCases: [(String, String)] = [
        ("", document), ("/foo", #"["bar","baz"]"#), ("/foo/0", #""bar""#), ("/", "0"), ("/a~1b", "1"),
        ("/c%d", "2"), ("/e^f", "3"), ("/g|h", "4"), ("/i\\j", "5"), ("/k\"l", "6"), ("/ ", "7"), ("/m~0n", "8"),
    ]

    @Test("RFC 6901 examples resolve", arguments: rfcCases)
    func resolve(pointer: String, expected: String) throws {
        let doc = try JSONParser.parse(Self.document)
        #expect(doc[pointer: try JSONPointer(pointer)] == (try JSONParser.parse(expected)))
    }

    static let unresolved: [String] = ["/foo/2", "/foo/01", "/foo/-", "/foo/-1", "/nope", "/foo/0/x", "/ /x"]

    @Test("pointers that do not resolve give nil", arguments: unresolved)
    func missing(pointer: String) throws {
        let doc = try JSONParser.parse(Self.document)
        #expect(doc[pointer: try JSONPointer(pointer)] == nil)
    }

    static let malformed: [String] = ["foo", "/a~2b", "/a~", "#/foo"]

    @Test("malformed pointers are rejected", arguments: malformed)
    func invalid(pointer: String) {
        #expect(throws: StructuredDataError.self) { try JSONPointer(pointer) }
    }

    @Test("tokens round-trip through escaping")
    func escaping() throws {
        let p = JSONPointer(tokens: ["a/b", "m~n", ""])
        #expect(p.description == "/a~1b/m~0n/")
        #expect(try JSONPointer(p.description) == p)
    }
}

@Suite struct JSONPointerMutationTests {
    /// (pointer, value to set, expected document) starting from `{"a":{"b":[1,2]},"c":1}`.
    static let sets: [(String, JSONValue, String)] = [
        ("/a/b/0", 9, #"{"a":{"b":[9,2]},"c":1}"#),
        ("/a/b/-", 3, #"{"a":{"b":[1,2,3]},"c":1}"#),
        ("/a/b/2", 3, #"{"a":{"b":[1,2,3]},"c":1}"#),
        ("/a/n", "x", #"{"a":{"b":[1,2],"n":"x"},"c":1}"#),
        ("", [:], "{}"),
    ]

    @Test("set creates or replaces the addressed value", arguments: sets)
    func set(pointer: String, value: JSONValue, expected: String) throws {
        var doc = try JSONParser.parse(#"{"a":{"b":[1,2]},"c":1}"#)
        try doc.set(value, at: JSONPointer(pointer))
        #expect(doc == (try JSONParser.parse(expected)))
    }

    @Test("set and remove reject pointers that do not resolve", arguments: ["/x/y", "/a/b/5", "/c/d", "/a/b/01"])
    func invalid(pointer: String) throws {
        var doc = try JSONParser.parse(#"{"a":{"b":[1,2]},"c":1}"#)
        let p = try JSONPointer(pointer)
        #expect(throws: StructuredDataError.self) { try doc.set(0, at: p) }
        #expect(throws: StructuredDataError.self) { try doc.remove(at: p) }
        #expect(throws: StructuredDataError.self) { try doc.value(at: p) }
    }

    @Test("remove returns the removed value")
    func remove() throws {
        var doc = try JSONParser.parse(#"{"a":{"b":[1,2]},"c":1}"#)
        #expect(try doc.remove(at: JSONPointer("/a/b/0")) == 1)
        #expect(try doc.remove(at: JSONPointer("/c")) == 1)
        #expect(doc == (try JSONParser.parse(#"{"a":{"b":[2]}}"#)))
        #expect(try doc.value(at: JSONPointer("/a/b/0")) == 2)
    }
}
