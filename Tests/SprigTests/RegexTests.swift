import Foundation
import Testing
@testable import Sprig

/// Go's `regexp` and `regexp/syntax` behaviour, from tables whose expected results were
/// produced by Helm v3.13.2 (Go 1.20) itself: every valid pattern against every input
/// (`FindAllString`, `ReplaceAllString` with `<$0:${1}>`, `Split`, `MatchString`) and every
/// invalid pattern's compile error.
@Suite("Go regexp parity")
struct RegexTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/regex").path

    static func lines(_ name: String) -> [String] {
        ((try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// `encoding/json` of a string slice (HTML-safe escaping, as Helm's `toJson`).
    static func json(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }

    static func quoted(_ s: String) -> String {
        var o = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            case "<": o += "\\u003c"
            case ">": o += "\\u003e"
            case "&": o += "\\u0026"
            case "\u{2028}": o += "\\u2028"
            case "\u{2029}": o += "\\u2029"
            default:
                if c.value < 0x20 { o += String(format: "\\u%04x", c.value) } else { o.unicodeScalars.append(c) }
            }
        }
        return o + "\""
    }

    @Test("the valid-pattern table matches, replaces and splits as Go does")
    func validTable() throws {
        let patterns = Self.lines("valid.txt")
        var inputs = Self.lines("inputs.txt")
        inputs.append(try String(contentsOfFile: Self.dir + "/multiline-input.txt", encoding: .utf8))
        inputs.append("")
        var expected = Self.lines("expected-matches.txt").makeIterator()
        #expect(patterns.count == 142)
        for (i, p) in patterns.enumerated() {
            let re = try GoRegex(p)
            for (j, s) in inputs.enumerated() {
                let line = "r\(i)_\(j): \(Self.json(re.findAll(s, limit: -1)))|\(Self.quoted(re.replaceAll(s, with: "<$0:${1}>", literal: false)))|\(Self.json(re.split(s, limit: -1)))|\(re.matches(s))"
                let want = expected.next()
                #expect(line == want, "pattern \(p) input \(s)")
            }
        }
        #expect(expected.next() == nil)
    }

    @Test("each invalid pattern fails with Go's error text", arguments: lines("invalid.tsv"))
    func invalid(_ row: String) {
        let parts = row.split(separator: "\t", maxSplits: 1).map(String.init)
        #expect(throws: SprigError(parts[1])) { try GoRegex(parts[0]) }
    }

    @Test("a dash after a class escape or named class is a literal", arguments: [
        (#"[\w-\.]+"#, "ab-c.d!", "ab-c.d"), (#"[\d-x]+"#, "1-2x3 y", "1-2x3"),
        ("[[:alpha:]-a]+", "ab-c1", "ab-c"), (#"[\pL-a]+"#, "héllo-x1", "héllo-x"),
    ])
    func classDash(_ pattern: String, _ input: String, _ found: String) throws {
        #expect(try GoRegex(pattern).find(input) == found)
    }

    @Test("nested stars on a long non-matching run finish (the automaton never backtracks)")
    func pathological() throws {
        let re = try GoRegex("(a*)*b")
        #expect(re.matches(String(repeating: "a", count: 20_000)) == false)
        #expect(try GoRegex("(x+x+)+y").matches(String(repeating: "x", count: 5_000)) == false)
    }

    @Test("MustCompile failures read as Go's panic, backquoted unless the pattern cannot be")
    func panicText() {
        #expect(outcome(#"{{ regexFind "a**" "a" }}"#) == "ERROR: template: t:1:3: executing \"t\" at <regexFind \"a**\" \"a\">: error calling regexFind: regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`")
        #expect(outcome("{{ regexFind \"(\\n\" \"a\" }}").contains("regexp: Compile(\"(\\n\"): error parsing regexp: missing closing ): `(\n`"))
        #expect(outcome(#"{{ regexMatch "[a" "a" }}"#) == "false")
    }
}
