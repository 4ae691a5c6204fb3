import Testing
import GoTemplate
import OrderedCollections

/// Execution behaviour Helm charts depend on, with Go's exact output and error texts.
@Suite("Execution behaviour")
struct ExecBehaviourTests {
    /// `upper(string) string` and `indent(int, string) string`, typed like Sprig's.
    static let functions: [String: GoFunction] = [
        "upper": GoFunction("upper", parameters: [.string], result: .string) { a, _ in
            guard case .string(let s) = a[0] else { return .invalid }
            return .string(s.uppercased())
        },
        "indent": GoFunction("indent", parameters: [.int, .string], result: .string) { a, _ in
            guard case .int(let n, _) = a[0], case .string(let s) = a[1] else { return .invalid }
            let pad = String(repeating: " ", count: Int(max(0, n)))
            return .string(pad + s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + pad))
        },
        "fail": GoFunction("fail", parameters: [.string], result: .string, returnsError: true) { a, _ in
            guard case .string(let s) = a[0] else { return .invalid }
            throw GoTemplateError.function(s)
        },
        "include": GoFunction("include", parameters: [.string, .any], result: .string, returnsError: true) { a, ctx in
            guard case .string(let name) = a[0] else { return .invalid }
            return .string(try ctx.execute(name, data: a[1]))
        },
    ]

    static let values: GoValue = .map([
        "Values": .map([
            "replicas": .of(3.0),
            "port": .of(8080.0),
            "big": .of(1_000_000.0),
            "name": .string("web"),
            "nothing": .null,
            "list": .list([.string("b"), .string("a")]),
            "labels": .map(["z": .string("1"), "a": .string("2")]),
        ]),
    ])

    static func render(_ text: String, missingKey: Template.MissingKey = .zero, name: String = "gotpl") throws -> String {
        var t = Template(name: name, functions: functions, options: .init(missingKey: missingKey))
        try t.parse(text)
        return try t.execute(data: values)
    }

    @Test("renders as Go does", arguments: [
        ("{{ .Values.replicas }}", "3"),
        ("{{ .Values.big }}", "1e+06"),
        ("{{ .Values.port }}", "8080"),
        ("{{ .Values.missing }}", "<no value>"),
        ("{{ .Values.nothing }}", "<no value>"),
        ("{{ printf \"%v\" .Values.missing }}", "<nil>"),
        ("{{ printf \"%d\" .Values.replicas }}", "%!d(float64=3)"),
        ("{{ .Values.labels }}", "map[a:2 z:1]"),
        ("{{ range $k, $v := .Values.labels }}{{ $k }}={{ $v }};{{ end }}", "a=2;z=1;"),
        ("{{ range .Values.list }}{{ . }}{{ end }}", "ba"),
        ("{{ range $i, $e := .Values.list }}{{ if eq $i 1 }}{{ break }}{{ end }}{{ $e }}{{ end }}", "b"),
        ("{{ range .Values.list }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "a"),
        ("{{ range .Values.missing }}x{{ else }}empty{{ end }}", "empty"),
        ("a  {{- \" b \" -}}  \n c", "a b c"),
        ("{{- /* comment */ -}}  x", "x"),
        ("{{ 'a' }} {{ -3 }} {{ 0x1F }} {{ 1_000 }} {{ 1e3 }}", "97 -3 31 1000 1000"),
        ("{{ or 0 \"x\" }} {{ and 1 0 }} {{ not \"\" }}", "x 0 true"),
        ("{{ len \"héllo\" }} {{ index \"abc\" 0 }} {{ slice \"abcd\" 1 3 }}", "6 97 bc"),
        ("{{ $x := 1 }}{{ range .Values.list }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
        ("{{ with .Values.name }}{{ . }}{{ else }}none{{ end }}", "web"),
        ("{{ if eq .Values.replicas 3.0 }}three{{ end }}", "three"),
        ("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" .Values.name }}", "[web]"),
        ("{{ block \"b\" .Values.name }}<{{ . }}>{{ end }}", "<web>"),
        ("{{ include \"n\" .Values.name | upper }}{{ define \"n\" }}x{{ . }}{{ end }}", "XWEB"),
        ("{{ indent 2 \"a\\nb\" }}", "  a\n  b"),
        ("{{ \"x\" | upper }} {{ html \"<a>\" }} {{ js \"'\" }} {{ urlquery \"a b&\" }}", "X &lt;a&gt; \\' a+b%26"),
        ("{{ println 1 \"a\" }}", "1 a\n"),
        ("{{-3}} {{3 -}} x {{- 4}}", "-3 3x4"),
        ("{{ 0b101 }} {{ 0o17 }} {{ 017 }} {{ 0x1.8p1 }} {{ 1_0.5 }}", "5 15 15 3 10.5"),
        ("{{ printf \"%T %T %T\" 1 1.0 'x' }}", "int float64 int"),
        ("{{ print 1 2 \"a\" 3 }}", "1 2a3"),
    ])
    func renders(_ text: String, _ want: String) throws {
        #expect(try Self.render(text) == want, "\(text)")
    }

    @Test("exec errors are formatted as Go formats them", arguments: [
        ("{{ .Values.missing.sub }}", "template: gotpl:1:10: executing \"gotpl\" at <.Values.missing.sub>: nil pointer evaluating interface {}.sub"),
        ("{{ .Values.name.x }}", "template: gotpl:1:10: executing \"gotpl\" at <.Values.name.x>: can't evaluate field x in type interface {}"),
        ("{{ eq .Values.replicas 1 }}", "template: gotpl:1:3: executing \"gotpl\" at <eq .Values.replicas 1>: error calling eq: incompatible types for comparison"),
        ("{{ upper 3 }}", "template: gotpl:1:9: executing \"gotpl\" at <3>: expected string; found 3"),
        ("{{ indent .Values.replicas \"x\" }}", "template: gotpl:1:17: executing \"gotpl\" at <.Values.replicas>: wrong type for value; expected int; got float64"),
        ("{{ upper .Values.missing }}", "template: gotpl:1:16: executing \"gotpl\" at <.Values.missing>: wrong type for value; expected string; got interface {}"),
        ("x\n  {{ fail \"boom\" }}", "template: gotpl:2:5: executing \"gotpl\" at <fail \"boom\">: error calling fail: boom"),
        ("{{ \"x\" | .Values.name }}", "template: gotpl:1:16: executing \"gotpl\" at <.Values.name>: name is not a method but has arguments"),
        ("{{ \"x\" | 3 }}", "template: gotpl:1: non executable command in pipeline stage 2"),
        ("{{ range 3 }}{{ end }}", "template: gotpl:1:9: executing \"gotpl\" at <3>: range can't iterate over 3"),
        ("{{ template \"nope\" }}", "template: gotpl:1:12: executing \"gotpl\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
        ("{{ len .Values.missing }}", "template: gotpl:1:3: executing \"gotpl\" at <len .Values.missing>: error calling len: len of nil pointer"),
        ("{{ include \"zz\" . }}", "template: gotpl:1:3: executing \"gotpl\" at <include \"zz\" .>: error calling include: template: no template \"zz\" associated with template \"gotpl\""),
        ("{{ define \"in\" }}{{ .nope.x }}{{ end }}{{ include \"in\" .Values }}", "template: gotpl:1:42: executing \"gotpl\" at <include \"in\" .Values>: error calling include: template: gotpl:1:25: executing \"in\" at <.nope.x>: nil pointer evaluating interface {}.x"),
        ("{{ index .Values.list 5 }}", "template: gotpl:1:3: executing \"gotpl\" at <index .Values.list 5>: error calling index: index out of range: 5"),
    ])
    func execError(_ text: String, _ want: String) {
        do {
            let out = try Self.render(text)
            Issue.record("no error; got \(out)")
        } catch {
            #expect("\(error)" == want)
        }
    }

    @Test("missingkey option", arguments: [
        (Template.MissingKey.invalid, "<no value>"),
        (.zero, "<no value>"),
    ])
    func missingKey(_ option: Template.MissingKey, _ want: String) throws {
        #expect(try Self.render("{{ .Values.missing }}", missingKey: option) == want)
    }

    @Test("missingkey=error reports the key")
    func missingKeyError() {
        #expect(throws: GoTemplateError(kind: .exec, message: "template: gotpl:1:10: executing \"gotpl\" at <.Values.missing>: map has no entry for key \"missing\"")) {
            try Self.render("{{ .Values.missing }}", missingKey: .error)
        }
    }

    @Test("missingkey=zero yields the element type's zero value")
    func zeroOfTypedMap() throws {
        var t = Template(name: "t", options: .init(missingKey: .zero))
        try t.parse("{{ .x }} {{ .y }}")
        let data = GoValue.map(["x": .of(99)], type: .map(key: .string, elem: .int))
        #expect(try t.execute(data: data) == "99 0")
    }

    @Test("later definitions replace earlier ones unless empty; templates are cheap to copy")
    func redefinition() throws {
        var t = Template(name: "outer")
        try t.parse("a({{block \"inner\" .}}bar({{.}})baz{{end}})b")
        var copy = t
        try copy.parse("{{define \"inner\"}}foo({{.}})bar{{end}}")
        try copy.parse("{{define \"inner\"}}  {{end}}", as: "other")
        #expect(try t.execute(data: .string("hello")) == "a(bar(hello)baz)b")
        #expect(try copy.execute(data: .string("goodbye")) == "a(foo(goodbye)bar)b")
    }

    @Test("unbounded recursion stops with Go's depth error instead of crashing")
    func recursion() {
        var t = Template(name: "tmpl")
        do {
            try t.parse("{{template \"tmpl\" .}}")
            _ = try t.execute(data: .invalid)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("exceeded maximum template depth (100000)"))
        }
    }

    @Test("custom delimiters apply to actions, trim markers and comments")
    func delimiters() throws {
        var t = Template(name: "d", options: .init(leftDelimiter: "[[", rightDelimiter: "]]"))
        try t.parse("{{ x }} [[- /* c */ -]] [[ .a ]] [[- \" b\" ]]")
        #expect(try t.execute(data: .map(["a": .of(1)])) == "{{ x }}1 b")
    }

    @Test("a function can parse into a copy of the set and execute it (Helm's tpl)")
    func tplStyle() throws {
        let tpl = GoFunction("tpl", parameters: [.string, .any], result: .string, returnsError: true) { a, ctx in
            guard case .string(let text) = a[0] else { return .invalid }
            var copy = ctx.template
            try copy.parse(text, as: "inline")
            return .string(try ctx.execute(copy, name: "inline", data: a[1]))
        }
        var t = Template(name: "main", functions: ["tpl": tpl])
        try t.parse("{{ define \"h\" }}<{{ . }}>{{ end }}{{ tpl \"{{ template `h` .a }}{{ define `local` }}{{ end }}\" . }}")
        #expect(try t.execute(data: .map(["a": .string("v")])) == "<v>")
        #expect(t.lookup("local") == nil && t.lookup("inline") == nil)
    }

    @Test("executing an unknown or empty template names it as Go does")
    func unknownTemplate() throws {
        var t = Template(name: "gotpl")
        try t.parse("{{define \"a\"}}x{{end}}", as: "file")
        #expect(throws: GoTemplateError(kind: .exec, message: "template: no template \"zz\" associated with template \"gotpl\"")) {
            try t.execute("zz", data: .invalid)
        }
        #expect(try t.execute("a", data: .invalid) == "x")
    }
}
