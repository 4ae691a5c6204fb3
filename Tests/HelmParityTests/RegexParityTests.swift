import Foundation
import Testing

/// Go's `regexp` through Sprig, against Helm: every valid pattern of the table matched against
/// every input (`regexFindAll`, `regexReplaceAll`, `regexSplit`), and every invalid pattern's
/// compile error (`mustRegexFind`), byte for byte.
@Suite("regexp parity with the real Helm v3.13.2", .enabled(if: HelmOracle.isAvailable, "helm binary or swiftflux executable is absent"))
struct RegexParityTests {
    static func lines(_ file: String) -> [String] {
        let text = (try? String(contentsOfFile: HelmOracle.fixtures + "/regex/" + file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static let valid = lines("valid.txt")
    static let invalid = lines("invalid.txt")

    /// A YAML double-quoted scalar for any text.
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += String(format: "\\x%02X", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    @Test("the valid-pattern table finds, replaces and splits as Go does")
    func validPatterns() async throws {
        let home = try HelmOracle.scratch("regex")
        defer { try? FileManager.default.removeItem(atPath: home) }
        var inputs = Self.lines("inputs.txt")
        inputs.append((try? String(contentsOfFile: HelmOracle.fixtures + "/regex/multiline-input.txt", encoding: .utf8)) ?? "")
        inputs.append("")
        var values = "patterns:\n"
        for p in Self.valid { values += "- " + Self.yamlQuoted(p) + "\n" }
        values += "inputs:\n"
        for s in inputs { values += "- " + Self.yamlQuoted(s) + "\n" }
        let template = """
            {{- range $i, $p := .Values.patterns }}
            p{{ $i }}: {{ $p | quote }}
            {{- range $j, $s := $.Values.inputs }}
            r{{ $i }}_{{ $j }}: {{ printf "%s|%s|%s|%v" (regexFindAll $p $s -1 | toJson) (regexReplaceAll $p $s "<$0:${1}>" | toJson) (regexSplit $p $s -1 | toJson) (regexMatch $p $s) | quote }}
            {{- end }}
            {{- end }}

            """
        let chart = try ChartWriter.write(["templates/t.yaml": template, "values.yaml": values], to: home)
        let (helm, swiftflux) = try await HelmOracle.both(["template", "parity", chart], home: home)
        #expect(helm.status == 0, "helm failed: \(helm.stderr)")
        let h = helm.stdout.split(separator: "\n"), s = swiftflux.stdout.split(separator: "\n")
        #expect(h.count == s.count)
        for (a, b) in zip(h, s) where a != b {
            Issue.record("differs:\n  helm:      \(a)\n  swiftflux: \(b)")
        }
        #expect(swiftflux.stderr == helm.stderr)
    }

    @Test("each invalid pattern fails with Go's error text", arguments: invalid)
    func invalidPattern(_ pattern: String) async throws {
        let home = try HelmOracle.scratch("regex-bad")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let values = "pattern: " + Self.yamlQuoted(pattern) + "\n"
        let chart = try ChartWriter.write(["templates/t.yaml": "x: {{ mustRegexFind .Values.pattern \"a\" }}\ny: {{ regexFind .Values.pattern \"a\" }}\n",
                                           "values.yaml": values], to: home)
        let (helm, swiftflux) = try await HelmOracle.both(["template", "parity", chart], home: home)
        #expect(swiftflux == helm)
    }
}
