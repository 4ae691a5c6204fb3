import GoTemplate
import StructuredData
import Testing
@testable import Sprig

struct FakeCluster: ClusterReader {
    func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> JSONValue? {
        guard kind == "Secret", name == "db" else { return nil }
        return .object(["apiVersion": "v1", "kind": "Secret", "data": .object(["password": "c2VjcmV0"])])
    }
}

func helmRender(_ text: String, _ data: GoValue = .map([:]), options: HelmFunctions.Options = .init(),
                defines: String = "") throws -> String {
    var set = Template(name: "gotpl", functions: HelmFunctions(options).functionMap(), options: .init(missingKey: .zero))
    if !defines.isEmpty { try set.parse(defines, as: "_helpers.tpl") }
    try set.parse(text, as: "t.yaml")
    return try set.execute("t.yaml", data: data)
}

func helmOutcome(_ text: String, _ data: GoValue = .map([:]), options: HelmFunctions.Options = .init(), defines: String = "") -> String {
    do { return try helmRender(text, data, options: options, defines: defines) } catch let e as GoTemplateError {
        return "ERROR: " + HelmFunctions.cleanupExecError(e, filename: "t.yaml")
    } catch { return "ERROR: \(error)" }
}

@Suite("Helm template functions")
struct HelmFunctionTests {
    static let top: GoValue = .map([
        "Values": .map(["name": .string("x"), "n": .float(3, .float64), "tplText": .string("{{ .Values.name }}-tpl")]),
        "Template": .map(["Name": .string("t.yaml"), "BasePath": .string("chart/templates")]),
    ])

    @Test("Helm functions render like Helm 3.13", arguments: [
        (#"{{ toYaml (dict "b" (list 1 "yes") "a" "1" "c" (dict)) }}"#, "a: \"1\"\nb:\n- 1\n- \"yes\"\nc: {}"),
        (#"{{ toYaml "multi\nline\n" }}"#, "|\n  multi\n  line"),
        (#"{{ (fromYaml "a: 1\nb: [x]").a | typeOf }}"#, "float64"),
        (#"{{ (fromYaml "- 1").Error }}"#, "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"),
        (#"{{ fromYamlArray "- a\n- 2" }}"#, "[a 2]"),
        (#"{{ toJson (dict "a" "<b>") }}"#, #"{"a":"\u003cb\u003e"}"#),
        (#"{{ (fromJson "[1]").Error }}"#, "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        (#"{{ fromJsonArray "[1,\"a\"]" }}"#, "[1 a]"),
        (#"{{ index (fromJsonArray "{") 0 }}"#, "unexpected end of JSON input"),
        (#"{{ toToml (dict "mast" (dict "sail" "white") "n" 1.0) }}"#, "n = 1.0\n\n[mast]\n  sail = \"white\"\n"),
        (#"{{ include "hello" "world" }}"#, "hello world"),
        (#"{{ tpl .Values.tplText . }}"#, "x-tpl"),
        (#"{{ tpl "{{ include \"hello\" \"tpl\" }}" . }}"#, "hello tpl"),
        (#"{{ required "need n" .Values.n }}"#, "3"),
        (#"{{ required "need missing" .Values.missing }}"#, "ERROR: execution error at (t.yaml:1:3): need missing"),
        (#"{{ fail "boom" }}"#, "ERROR: execution error at (t.yaml:1:3): boom"),
        (#"{{ lookup "v1" "Secret" "ns" "db" }}"#, "map[]"),
        (#"{{ getHostByName "localhost" }}"#, ""),
        (#"{{ include "missing" . }}"#, "ERROR"),
        (#"{{ include "loop" . }}"#, "ERROR"),
    ])
    func helm(template: String, expected: String) {
        let defines = #"{{ define "hello" }}hello {{ . }}{{ end }}{{ define "loop" }}{{ include "loop" . }}{{ end }}"#
        let result = helmOutcome(template, Self.top, defines: defines)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR"), "\(result)") } else { #expect(result == expected) }
    }

    @Test("include stops nested references at Helm's limit")
    func recursion() {
        let defines = #"{{ define "loop" }}{{ include "loop" . }}{{ end }}"#
        let result = helmOutcome(#"{{ include "loop" . }}"#, Self.top, options: .init(includeLimit: 20), defines: defines)
        #expect(result.contains("rendering template has a nested reference name: loop"), "\(result)")
    }

    @Test("lookup reads through the injected cluster reader")
    func lookup() {
        let options = HelmFunctions.Options(cluster: FakeCluster())
        #expect(helmOutcome(#"{{ (lookup "v1" "Secret" "ns" "db").data.password }}"#, options: options) == "c2VjcmV0")
        #expect(helmOutcome(#"{{ lookup "v1" "Secret" "ns" "other" }}"#, options: options) == "map[]")
    }

    @Test("tpl of a text that parses to an empty tree renders empty instead of re-running the calling file", arguments: [
        ("", ""), ("   \n\t", "   \n\t"), ("{{/* only a comment */}}", ""), (#"{{ define "local" }}L{{ end }}"#, ""),
        (#"{{ define "local" }}L{{ end }}{{ include "local" . }}"#, "L"),
        // A chart define replaces the text's define of the same name (Helm parses the text first).
        (#"{{ define "hello" }}mine{{ end }}{{ include "hello" "x" }}"#, "hello x"),
    ])
    func tplEmptyTree(_ text: String, _ expected: String) {
        let data: GoValue = .map(["Values": .map(["t": .string(text)]),
                                  "Template": .map(["Name": .string("t.yaml"), "BasePath": .string("chart/templates")])])
        let result = helmOutcome("[{{ tpl .Values.t . }}]", data, defines: #"{{ define "hello" }}hello {{ . }}{{ end }}"#)
        #expect(result == "[\(expected)]")
    }

    @Test("tpl without Template in its context fails like Helm")
    func tplContext() {
        let result = helmOutcome(#"{{ tpl "x" (dict) }}"#)
        #expect(result.contains("cannot retrieve Template.Basepath from values inside tpl function: x: \"BasePath\" is not a value"), "\(result)")
    }

    @Test("tpl reports failures inside the text the way Helm 3.13 does", arguments: [
        (#"{{ tpl "{{ fail \"inner\" }}" . }}"#, #"error during tpl function execution for "{{ fail \"inner\" }}": execution error at (t.yaml:1:3): inner"#),
        (#"{{ tpl "{{ if }}" . }}"#, #"error during tpl function execution for "{{ if }}": parse error at (t.yaml:1): missing value for if"#),
        // Helm 3.13 parses the tpl text first, then the chart's files: the chart's define wins
        // (checked against the helm binary).
        (#"{{ tpl "{{ define \"hello\" }}local{{ end }}{{ include \"hello\" . }}" . }}"#, "hello map["),
    ])
    func tplErrors(template: String, fragment: String) {
        let defines = #"{{ define "hello" }}hello {{ . }}{{ end }}"#
        let result = helmOutcome(template, Self.top, defines: defines)
        #expect(result.contains(fragment), "\(result)")
    }
}

@Suite("Function map contents")
struct FunctionMapTests {
    @Test("Sprig provides the 208 functions Helm keeps")
    func count() {
        #expect(Sprig.functions.count == 208)
        #expect(Sprig.functions["env"] == nil && Sprig.functions["expandenv"] == nil)
    }

    @Test("Helm's map adds its own functions and overrides", arguments: [
        "include", "tpl", "required", "lookup", "toYaml", "fromYaml", "fromYamlArray", "toJson", "fromJson",
        "fromJsonArray", "toToml", "fail",
    ])
    func helmNames(name: String) {
        #expect(HelmFunctions().functionMap()[name] != nil)
    }

    @Test("an error inside an included template is reported as the include call's error")
    func includeError() {
        let defines = #"{{ define "bad" }}{{ fail "inner" }}{{ end }}"#
        let result = helmOutcome(#"{{ include "bad" . }}"#, defines: defines)
        #expect(result == "ERROR: execution error at (t.yaml:1:3): inner", "\(result)")
        let missing = helmOutcome(#"{{ include "nope" . }}"#)
        #expect(missing.contains("error calling include: template: no template \"nope\" associated with template \"gotpl\""), "\(missing)")
    }
}
