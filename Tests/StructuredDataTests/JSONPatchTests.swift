import Testing
@testable import StructuredData

@Suite struct JSONPatchTests {
    /// (document, patch, expected) — RFC 6902 appendix A plus Kubernetes-style paths.
    static let applyCases: [(String, String, String)] = [
        (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"baz":"qux","foo":"bar"}"#),
        (#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, #"{"foo":["bar","qux","baz"]}"#),
        (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
        (#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
        (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#, #"{"baz":"boo","foo":"bar"}"#),
        (#"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
         #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
         #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
        (#"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#,
         #"{"foo":["all","cows","eat","grass"]}"#),
        (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#, #"{"foo":"bar","child":{"grandchild":{}}}"#),
        (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, #"{"foo":["bar",["abc","def"]]}"#),
        (#"{"foo":null}"#, #"[{"op":"test","path":"/foo","value":null}]"#, #"{"foo":null}"#),
        (#"{"foo":1}"#, #"[{"op":"test","path":"/foo","value":1.0}]"#, #"{"foo":1}"#),
        (#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10}]"#, #"{"/":9,"~1":10}"#),
        (#"{"a":{"b":1}}"#, #"[{"op":"copy","from":"/a","path":"/c"},{"op":"replace","path":"/c/b","value":2}]"#,
         #"{"a":{"b":1},"c":{"b":2}}"#),
        (#"{"a":1}"#, #"[{"op":"replace","path":"","value":[1]}]"#, "[1]"),
        (#"{"metadata":{"labels":{"app":"x"}}}"#,
         #"[{"op":"add","path":"/metadata/labels/app.kubernetes.io~1name","value":"y"},{"op":"test","path":"/metadata/labels/app","value":"x"}]"#,
         #"{"metadata":{"labels":{"app":"x","app.kubernetes.io/name":"y"}}}"#),
    ]

    @Test("patches apply as RFC 6902 specifies", arguments: applyCases)
    func apply(document: String, patch: String, expected: String) throws {
        let result = try JSONPatch(text: patch).apply(to: JSONParser.parse(document))
        #expect(result == (try JSONParser.parse(expected)))
    }

    static let failures: [(String, String, StructuredDataError.Kind, String)] = [
        (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, .patchConflict,
         #"add operation does not apply: doc is missing path: "/baz/bat": missing value"#),
        (#"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#, .testFailed, "testing value /baz failed: test failed"),
        (#"{"baz":"qux"}"#, #"[{"op":"remove","path":"/nope"}]"#, .patchConflict,
         "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value"),
        (#"{"baz":"qux"}"#, #"[{"op":"replace","path":"/nope","value":1}]"#, .patchConflict,
         "replace operation does not apply: doc is missing key: /nope: missing value"),
        (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/5","value":1}]"#, .patchConflict,
         "error in add for path: '/foo/5': Unable to access invalid index: 5: invalid index referenced"),
        (#"{"a":1}"#, #"[{"op":"test","path":"/x/y","value":1}]"#, .patchConflict,
         "test operation does not apply: is missing path: /x/y: missing value"),
        (#"{"foo":"bar"}"#, #"[{"op":"frob","path":"/foo"}]"#, .invalidPatch, "Unexpected kind: frob"),
        (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/x"}]"#, .invalidPatch, "operation, missing value field: missing value"),
        (#"{"foo":"bar"}"#, #"{"op":"add"}"#, .invalidPatch, "cannot unmarshal object"),
        (#"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a","path":"/a/c"}]"#, .invalidPatch, "is a child of"),
        (#"{"foo":"bar"}"#, #"[{"op":"add","path":"x","value":1}]"#, .invalidPointer, "must be empty or start with"),
    ]

    @Test("failing patches report what is wrong", arguments: failures)
    func failure(document: String, patch: String, kind: StructuredDataError.Kind, fragment: String) throws {
        let doc = try JSONParser.parse(document)
        do {
            _ = try JSONPatch(text: patch).apply(to: doc)
            Issue.record("expected failure")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    static let diffCases: [(String, String)] = [
        (#"{"a":1,"b":{"c":[1,2]},"d":"x"}"#, #"{"a":2,"b":{"c":[1,3]},"e":null}"#),
        (#"{"a":[1,2,3]}"#, #"{"a":[1]}"#),
        (#"{"a/b":{"~":1}}"#, #"{"a/b":{"~":2,"n":[]}}"#),
        (#"[1,{"x":1}]"#, #"[1,{"x":2}]"#),
        ("1", #""s""#),
        (#"{"same":1}"#, #"{"same":1.0}"#),
    ]

    @Test("a created patch turns the source into the target", arguments: diffCases)
    func create(source: String, target: String) throws {
        let a = try JSONParser.parse(source)
        let b = try JSONParser.parse(target)
        let patch = JSONPatch.create(from: a, to: b)
        let reparsed = try JSONPatch(patch.json)
        #expect(try reparsed.apply(to: a).isEqualAsJSON(to: b))
    }

    @Test("an unchanged document gives an empty patch and small edits stay small")
    func minimal() throws {
        let a = try JSONParser.parse(#"{"spec":{"replicas":1,"template":{"x":[1,2]}}}"#)
        #expect(JSONPatch.create(from: a, to: a).operations.isEmpty)
        var b = a
        b[path: ["spec", "replicas"]] = 3
        #expect(JSONPatch.create(from: a, to: b).json.serialized() == #"[{"op":"replace","path":"/spec/replicas","value":3}]"#)
    }
}
