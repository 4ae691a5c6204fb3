import GoTemplate
import StructuredData
import Testing
@testable import HelmEngine

/// Behaviours from Helm's `pkg/engine/engine_test.go` and `files_test.go` that need only Go's
/// builtins: parse order and define overriding, partials, subchart scoping, `.Chart`,
/// `.Template`, `.Capabilities`, `.Files`, `<no value>` removal and error rewriting.
@Suite("rendering engine")
struct EngineTests {
    static func chart(_ name: String, templates: [(String, String)], values: String = "",
                      files: [(String, String)] = [], dependencies: [Chart] = [], type: String = "") -> Chart {
        var metadata = ChartMetadata()
        metadata.name = name
        metadata.version = "1.2.3"
        metadata.apiVersion = "v2"
        metadata.type = type
        var chart = Chart(metadata: metadata)
        chart.templates = templates.map { ChartFile(name: $0.0, data: Array($0.1.utf8)) }
        chart.files = files.map { ChartFile(name: $0.0, data: Array($0.1.utf8)) }
        chart.values = (try? YAML.parse(values).helmNumbers.objectValue) ?? [:]
        chart.dependencies = dependencies
        return chart
    }

    static func render(_ chart: Chart, user: JSONObject = [:]) throws -> [String: String] {
        let values = try RenderValues(chart: chart, userValues: user, release: ReleaseOptions(name: "rel", namespace: "ns"),
                                      capabilities: Capabilities())
        return Dictionary(uniqueKeysWithValues: try Engine().render(chart, values).map { ($0.key, $0.value) })
    }

    @Test("a chart's parsed templates are reused across renders, each with its own engine's functions")
    func parseCacheRebindsFunctions() throws {
        let chart = Self.chart("cached", templates: [("templates/a.yaml", #"v: {{ who }}"#)])
        let values = try RenderValues(chart: chart, userValues: [:], release: ReleaseOptions(name: "rel", namespace: "ns"),
                                      capabilities: Capabilities())
        func engine(_ answer: String) -> Engine {
            var functions = Engine.defaultFunctions
            functions["who"] = GoFunction("who", parameters: [], result: .string) { _, _ in .string(answer) }
            return Engine(functions: functions)
        }
        #expect(try engine("first").render(chart, values)["cached/templates/a.yaml"] == "v: first")
        #expect(try engine("second").render(chart, values)["cached/templates/a.yaml"] == "v: second")
        let edited = Self.chart("cached", templates: [("templates/a.yaml", #"w: {{ who }}"#)])
        #expect(try engine("third").render(edited, values)["cached/templates/a.yaml"] == "w: third")
    }

    @Test("templates parse deepest first then reverse lexicographic; the root's define wins")
    func parseOrderAndDefines() throws {
        let sub = Self.chart("sub", templates: [("templates/_h.tpl", #"{{define "n"}}sub{{end}}"#),
                                                ("templates/s.yaml", #"{{template "n"}}"#)])
        let root = Self.chart("root", templates: [("templates/_a.tpl", #"{{define "n"}}root-a{{end}}"#),
                                                  ("templates/_b.tpl", #"{{define "n"}}root-b{{end}}"#),
                                                  ("templates/r.yaml", #"{{template "n"}}"#)], dependencies: [sub])
        let out = try Self.render(root)
        #expect(out["root/templates/r.yaml"] == "root-a")
        #expect(out["root/charts/sub/templates/s.yaml"] == "root-a")
        #expect(out["root/templates/_a.tpl"] == nil)
        #expect(Engine.parseOrder(["a/templates/x", "a/charts/b/templates/y", "a/templates/z"])
                == ["a/charts/b/templates/y", "a/templates/z", "a/templates/x"])
    }

    @Test("subcharts see their own values slice, globals, and their own .Chart")
    func subchartScope() throws {
        let sub = Self.chart("sub", templates: [("templates/s.yaml", "{{.Values.x}} {{.Values.global.g}} {{.Chart.Name}} {{.Chart.IsRoot}} {{.Template.Name}} {{.Template.BasePath}}")],
                             values: "x: default")
        let root = Self.chart("root", templates: [("templates/r.yaml", "{{.Values.sub.x}} {{.Chart.IsRoot}} {{.Release.Name}} {{.Release.Namespace}} {{.Release.IsInstall}} {{.Release.Revision}} {{.Release.Service}}")],
                              values: "global: {g: G}\nsub: {x: fromparent}", dependencies: [sub])
        let out = try Self.render(root)
        #expect(out["root/charts/sub/templates/s.yaml"] == "fromparent G sub false root/charts/sub/templates/s.yaml root/charts/sub/templates")
        #expect(out["root/templates/r.yaml"] == "fromparent true rel ns true 1 Helm")
    }

    @Test("missing values print nothing and <no value> is removed everywhere")
    func noValue() throws {
        let root = Self.chart("root", templates: [("templates/a.yaml", "[{{.Values.missing}}] [<no value>] [{{.Release.Unknown}}]")])
        #expect(try Self.render(root)["root/templates/a.yaml"] == "[] [] []")
    }

    @Test("library charts only contribute partials")
    func libraryChart() throws {
        let lib = Self.chart("lib", templates: [("templates/_d.tpl", #"{{define "lib.x"}}from-lib{{end}}"#),
                                                ("templates/ignored.yaml", "should not render")], type: "library")
        let root = Self.chart("root", templates: [("templates/a.yaml", #"{{template "lib.x"}}"#)], dependencies: [lib])
        let out = try Self.render(root)
        #expect(out["root/templates/a.yaml"] == "from-lib")
        #expect(out["root/charts/lib/templates/ignored.yaml"] == nil)
    }

    @Test("Capabilities expose Kubernetes and API versions")
    func capabilities() throws {
        let root = Self.chart("root", templates: [("templates/a.yaml", #"{{.Capabilities.KubeVersion}} {{.Capabilities.KubeVersion.Major}}.{{.Capabilities.KubeVersion.Minor}} {{.Capabilities.APIVersions.Has "apps/v1"}} {{.Capabilities.APIVersions.Has "nope/v1"}} {{.Capabilities.HelmVersion.Version}}"#)])
        #expect(try Self.render(root)["root/templates/a.yaml"] == "v1.20.0 1.20 true false v3.13")
    }

    @Test(".Chart is a struct: unknown fields are execution errors")
    func chartStruct() throws {
        let root = Self.chart("root", templates: [("templates/a.yaml", "{{.Chart.appVersion}}")])
        let error = #expect(throws: HelmError.self) { _ = try Self.render(root) }
        #expect(error?.message.contains("can't evaluate field appVersion") == true)
    }

    @Test(".Files: Get, GetBytes, Glob, Lines, AsConfig, AsSecrets")
    func files() throws {
        let root = Self.chart("root", templates: [
            ("templates/get.yaml", #"{{.Files.Get "config/a.txt"}}|{{.Files.Get "missing"}}|{{len (.Files.GetBytes "config/a.txt")}}"#),
            ("templates/glob.yaml", #"{{range $p, $b := .Files.Glob "config/*.txt"}}{{$p}};{{end}}|{{len (.Files.Glob "**.txt")}}"#),
            ("templates/lines.yaml", #"{{range .Files.Lines "multi.txt"}}<{{.}}>{{end}}"#),
            ("templates/config.yaml", #"{{(.Files.Glob "config/*").AsConfig}}"#),
            ("templates/secrets.yaml", #"{{(.Files.Glob "config/a.txt").AsSecrets}}"#),
        ], files: [("config/a.txt", "alpha"), ("config/b.txt", "beta"), ("config/sub/c.txt", "gamma"), ("multi.txt", "one\ntwo\n")])
        let out = try Self.render(root)
        #expect(out["root/templates/get.yaml"] == "alpha||5")
        #expect(out["root/templates/glob.yaml"] == "config/a.txt;config/b.txt;|4")
        #expect(out["root/templates/lines.yaml"] == "<one><two>")
        #expect(out["root/templates/config.yaml"] == "a.txt: alpha\nb.txt: beta")
        #expect(out["root/templates/secrets.yaml"] == "a.txt: YWxwaGE=")
    }

    @Test("parse and exec errors are rewritten as Helm does", arguments: [
        ("{{ .Values.x.y.z }}", "template: root/templates/a.yaml:1:10: executing \"root/templates/a.yaml\" at <.Values.x.y.z>: nil pointer evaluating interface {}.y"),
        ("{{ if }}", "parse error at (root/templates/a.yaml:1): missing value for if"),
    ])
    func errors(_ text: String, _ message: String) {
        let root = Self.chart("root", templates: [("templates/a.yaml", text)])
        #expect(throws: HelmError(.render, message)) { _ = try Self.render(root) }
    }

    @Test("fail/required markers become execution error at (file:line:col)")
    func helmErrorMarkers() {
        #expect(Engine.helmWrappedMessage("error calling fail: HELM_ERR_STARTboomHELM_ERR_END") == "boom")
        #expect(Engine.helmWrappedMessage("no markers") == nil)
    }
}
