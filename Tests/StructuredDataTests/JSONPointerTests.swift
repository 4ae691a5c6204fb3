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
