import Testing
import GoTemplate
import OrderedCollections

/// The host-object and function-map APIs as Helm will use them: struct-like objects whose
/// unknown fields are errors, named maps/slices with methods, and typed parameters.
@Suite("Host objects and typed functions")
struct HostObjectTests {
    /// Like Helm's `engine.files`: a `map[string][]byte` with methods.
    struct Files: GoObject {
        let files: OrderedDictionary<String, [UInt8]>
        var goType: GoType { .named("engine.files", underlying: .map(key: .string, elem: .bytes)) }
        var underlying: GoValue? {
            .map(GoMap(type: goType, entries: files.mapValues { .bytes($0) }))
        }
        func method(_ name: String) -> GoFunction? {
            let files = files
            switch name {
            case "Get":
                return GoFunction("Get", parameters: [.string], result: .string) { a, _ in
                    guard case .string(let n) = a[0] else { return .string("") }
                    return .string(String(decoding: files[n] ?? [], as: UTF8.self))
                }
            case "Glob":
                return GoFunction("Glob", parameters: [.string], result: .any) { a, _ in
                    guard case .string(let prefix) = a[0] else { return .invalid }
                    return .object(Files(files: files.filter { $0.key.hasPrefix(prefix) }))
                }
            default: return nil
            }
        }
    }

    /// Like `chartutil.VersionSet`: a `[]string` with `Has`.
    struct VersionSet: GoObject {
        let versions: [String]
        var goType: GoType { .named("chartutil.VersionSet", underlying: .sliceOfString) }
        var underlying: GoValue? { .list(GoList(type: .sliceOfString, items: versions.map { .string($0) })) }
        func method(_ name: String) -> GoFunction? {
            guard name == "Has" else { return nil }
            let versions = versions
            return GoFunction("Has", parameters: [.string], result: .bool) { a, _ in
                guard case .string(let v) = a[0] else { return .bool(false) }
                return .bool(versions.contains(v))
            }
        }
    }

    /// Like `*chart.Metadata`: exported fields only.
    struct Metadata: GoObject {
        var goType: GoType { .pointer(to: .structure("chart.Metadata")) }
        var fieldNames: [String] { ["Name", "AppVersion"] }
        func field(_ name: String) -> GoValue? {
            switch name {
            case "Name": return .string("podinfo")
            case "AppVersion": return .string("6.5.3")
            default: return nil
            }
        }
    }

    static let values = GoType.named("chartutil.Values", underlying: .mapStringAny)

    static let functions: [String: GoFunction] = [
        "first": GoFunction("first", parameters: [.sliceOfAny], result: .any) { a, _ in
            guard case .list(let l) = a[0] else { return .invalid }
            return l.items.first ?? .invalid
        },
        "keysOf": GoFunction("keysOf", parameters: [.mapStringAny], result: .sliceOfString) { a, _ in
            guard case .map(let m) = a[0] else { return .invalid }
            return .list(GoList(type: .sliceOfString, items: m.sortedKeys.map { .string($0) }))
        },
        "add64": GoFunction("add64", parameters: [.int64, .int64], result: .int64) { a, _ in
            guard case .int(let x, _) = a[0], case .int(let y, _) = a[1] else { return .invalid }
            return .int(x &+ y, .int64)
        },
        "half": GoFunction("half", parameters: [.float64], result: .float64) { a, _ in
            guard case .float(let x, _) = a[0] else { return .invalid }
            return .float(x / 2, .float64)
        },
        "join": GoFunction("join", parameters: [.string], variadic: .any, result: .string) { a, _ in
            guard case .string(let sep) = a[0] else { return .invalid }
            return .string(a.dropFirst().map { GoFmt.string($0) }.joined(separator: sep))
        },
        "typeOf": GoFunction("typeOf", parameters: [.any], result: .string) { a, _ in .string(GoFmt.sprintf("%T", a)) },
    ]

    static let data = GoValue.map([
        "Files": .object(Files(files: ["conf/a.txt": Array("hi".utf8), "conf/b.txt": Array("yo".utf8), "x": []])),
        "APIVersions": .object(VersionSet(versions: ["v1", "apps/v1"])),
        "Chart": .object(Metadata()),
        "Values": .map(["list": .list([.string("a"), .string("b")]), "n": .of(3.0)], type: values),
        "Strings": .list([.string("s")], type: .sliceOfString),
    ])

    static func render(_ text: String) throws -> String {
        var t = Template(name: "t", functions: functions, options: .init(missingKey: .zero))
        try t.parse(text)
        return try t.execute(data: data)
    }

    @Test("host objects and typed functions behave as Go's reflection would", arguments: [
        ("{{ .Files.Get \"conf/a.txt\" }}", "hi"),
        ("{{ range $p, $b := .Files.Glob \"conf/\" }}{{ $p }}={{ $b }};{{ end }}", "conf/a.txt=[104 105];conf/b.txt=[121 111];"),
        ("{{ len .Files }} {{ index .Files \"x\" }}", "3 []"),
        ("{{ .APIVersions.Has \"apps/v1\" }} {{ .APIVersions.Has \"batch/v9\" }} {{ len .APIVersions }}", "true false 2"),
        ("{{ .Chart.Name }}-{{ .Chart.AppVersion }} {{ typeOf .Chart }}", "podinfo-6.5.3 *chart.Metadata"),
        ("{{ first .Values.list }} {{ keysOf .Values }} {{ typeOf .Values }}", "a [list n] chartutil.Values"),
        ("{{ add64 1 2 }} {{ typeOf (add64 1 2) }} {{ half 3 }} {{ half .Values.n }}", "3 int64 1.5 1.5"),
        ("{{ join \"-\" 1 \"a\" .Values.n }}", "1-a-3"),
        ("{{ .Values.n | half }}", "1.5"),
    ])
    func renders(_ text: String, _ want: String) throws {
        #expect(try Self.render(text) == want, "\(text)")
    }

    @Test("conversion and field errors use Go's wording", arguments: [
        // Reached through a map[string]interface{}, Go names the static type.
        ("{{ .Chart.appVersion }}", "can't evaluate field appVersion in type interface {}"),
        ("{{ with .Chart }}{{ .appVersion }}{{ end }}", "can't evaluate field appVersion in type *chart.Metadata"),
        ("{{ first .Strings }}", "wrong type for value; expected []interface {}; got []string"),
        ("{{ add64 .Values.n 1 }}", "wrong type for value; expected int64; got float64"),
        ("{{ add64 1.5 1 }}", "expected integer; found 1.5"),
        ("{{ half \"x\" }}", "expected float; found \"x\""),
        ("{{ add64 1 }}", "wrong number of args for add64: want 2 got 1"),
        ("{{ join }}", "wrong number of args for join: want at least 1 got 0"),
        ("{{ .Files.Get }}", "wrong number of args for Get: want 1 got 0"),
        ("{{ nope 1 }}", "function \"nope\" not defined"),
    ])
    func errors(_ text: String, _ message: String) {
        do {
            let out = try Self.render(text)
            Issue.record("no error; got \(out)")
        } catch {
            #expect("\(error)".hasSuffix(message), "\(error)")
        }
    }

    @Test("a function left undefined at parse time (SkipFuncCheck) fails when called")
    func skipFuncCheck() throws {
        var t = Template(name: "t", options: .init(skipFunctionCheck: true))
        try t.parse("{{ toYaml . }}")
        // Go's evalFunction makes the identifier the current node before looking the name up.
        #expect(throws: GoTemplateError(kind: .exec, message: "template: t:1:3: executing \"t\" at <toYaml>: \"toYaml\" is not a defined function")) {
            try t.execute(data: .invalid)
        }
    }

    @Test("ranging an int-keyed map yields int keys in numeric order")
    func intKeys() throws {
        var t = Template(name: "t")
        try t.parse("{{ range $k, $v := . }}{{ printf \"%T\" $k }}{{ $k }}={{ $v }} {{ end }}")
        let m = GoValue.map(["10": .string("b"), "9": .string("a")], type: .map(key: .int, elem: .string))
        #expect(try t.execute(data: m) == "int9=a int10=b ")
    }
}
