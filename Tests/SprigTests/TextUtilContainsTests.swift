import Testing
@testable import Sprig

/// `contains` (Go's `strings.Contains`) as a UTF-8 byte scan.
@Suite("strings.Contains byte scan")
struct TextUtilContainsTests {
    @Test("finds a substring anywhere, and the empty string always", arguments: [
        ("release-name", "name", true), ("release-name", "release", true), ("abc", "", true),
        ("", "", true), ("", "a", false), ("ab", "abc", false), ("aab", "ab", true),
        ("NodePort", "LoadBalancer", false), ("grüße", "üß", true), ("grüße", "u", false),
    ])
    func contains(haystack: String, needle: String, expected: Bool) {
        #expect(TextUtil.contains(haystack, needle) == expected)
    }
}
