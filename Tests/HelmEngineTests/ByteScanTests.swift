import Testing
@testable import HelmEngine

/// The byte-scanning `strings.ReplaceAll` the engine uses to drop `<no value>` (and the schema
/// validator uses for JSON Pointer unescaping), checked against Go's results.
@Suite("byte-scanning ReplaceAll")
struct ByteScanTests {
    @Test("replaces every non-overlapping occurrence, left to right", arguments: [
        ("a<no value>b<no value>", "<no value>", "", "ab"),
        ("<no value>", "<no value>", "", ""),
        ("no match here", "<no value>", "", "no match here"),
        ("", "x", "y", ""),
        ("aaaa", "aa", "b", "bb"),
        ("aaa", "aa", "b", "ba"),
        ("héllo wörld", "ö", "o", "héllo world"),
        ("~1a~0~1", "~1", "/", "/a~0/"),
        ("abc", "", "z", "abc"),
        ("<no valu", "<no value>", "", "<no valu"),
    ])
    func replaceAll(source: String, target: String, replacement: String, expected: String) {
        #expect(source.replacingAll(target, with: replacement) == expected)
    }
}
