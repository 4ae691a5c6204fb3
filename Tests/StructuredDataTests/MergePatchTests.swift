import Testing
@testable import StructuredData

@Suite struct MergePatchTests {
    /// RFC 7386 appendix A.
    static let rfcTable: [(String, String, String)] = [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ]

    @Test("RFC 7386 appendix A", arguments: rfcTable)
    func apply(target: String, patch: String, expected: String) throws {
        let result = MergePatch.apply(try JSONParser.parse(patch), to: try JSONParser.parse(target))
        #expect(result == (try JSONParser.parse(expected)))
    }

    static let createCases: [(String, String, String)] = [
        (#"{"a":1,"b":{"c":1,"d":2},"e":[1]}"#, #"{"a":1,"b":{"c":2},"e":[1,2],"f":"x"}"#,
         #"{"b":{"d":null,"c":2},"e":[1,2],"f":"x"}"#),
        (#"{"a":1}"#, #"{"a":1}"#, "{}"),
        (#"{"a":{"b":1}}"#, #"{"a":"s"}"#, #"{"a":"s"}"#),
        (#"[1]"#, #"{"a":1}"#, #"{"a":1}"#),
    ]

    @Test("created merge patches are minimal and reproduce the target", arguments: createCases)
    func create(original: String, modified: String, expected: String) throws {
        let o = try JSONParser.parse(original)
        let m = try JSONParser.parse(modified)
        let patch = MergePatch.create(from: o, to: m)
        #expect(patch == (try JSONParser.parse(expected)))
        #expect(MergePatch.apply(patch, to: o) == m)
    }

    @Test("malformed merge patch text is an invalidJSON error")
    func malformed() {
        #expect(throws: StructuredDataError.self) { try MergePatch.apply(patchText: "{\"a\":", to: [:]) }
    }
}
