import Foundation
import GoTemplate
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

/// Budgets that stop runaway templates with an error instead of exhausting memory or time.
@Suite("Sprig resource budgets")
struct SprigBudgetTests {
    @Test("size-taking functions fail past their budget with a clear error", arguments: [
        ("{{ len (until 10000000000) }}", "error calling until: list of 10000000000 elements exceeds the limit of 4194304"),
        ("{{ len (untilStep 0 9223372036854775807 1) }}", "error calling untilStep: list of 9223372036854775807 elements exceeds the limit of 4194304"),
        ("{{ seq 100000000 }}", "error calling seq: list of 100000000 elements exceeds the limit of 4194304"),
        ("{{ repeat 1000000000 \"abc\" }}", "error calling repeat: string of 3000000000 bytes exceeds the limit of 104857600"),
        ("{{ randBytes 1000000000 }}", "error calling randBytes: string of 1333333332 bytes exceeds the limit of 104857600"),
        ("{{ randAlphaNum 1000000000 }}", "error calling randAlphaNum: string of 1000000000 bytes exceeds the limit of 104857600"),
        ("{{ indent -1 \"x\" }}", "error calling indent: strings: negative Repeat count"),
        ("{{ nindent -3 \"x\" }}", "error calling nindent: strings: negative Repeat count"),
    ])
    func budgets(_ template: String, _ message: String) {
        let text = outcome(template)
        #expect(text.hasPrefix("ERROR: template: t:1:"))
        #expect(text.hasSuffix(message))
    }

    @Test("a doubling string and an endless loop stop at the execution budgets")
    func executionBudgets() {
        let doubling = outcome(#"{{ $s := "abcdefgh" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}"#)
        #expect(doubling.hasSuffix("error calling print: string of 134217728 bytes exceeds the limit of 104857600"))
        var set = Template(name: "t", functions: Sprig.functions, options: .init(missingKey: .zero, maxSteps: 10_000))
        #expect(throws: Never.self) { try set.parse("{{ range until 1000 }}{{ range until 1000 }}{{ . }}{{ end }}{{ end }}") }
        #expect { try set.execute(data: .null) } throws: { error in
            "\(error)".hasSuffix("execution exceeded the limit of 10000 steps")
        }
    }

    @Test("float64 of an out-of-range literal is 0, as cast reports Go's range error")
    func floatRange() {
        #expect(outcome(#"{{ float64 "1e400" }} {{ float64 "-1e400" }} {{ float64 "1e-400" }} {{ float64 "2.5" }}"#) == "0 0 0 2.5")
    }
}
