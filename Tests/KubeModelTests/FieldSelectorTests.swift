import Testing
@testable import KubeModel

@Suite("Field selectors")
struct FieldSelectorTests {
    @Test("parses to the canonical sorted string", arguments: [
        ("", ""),
        ("metadata.name=foo", "metadata.name=foo"),
        ("metadata.name==foo", "metadata.name=foo"),
        ("metadata.namespace!=kube-system,metadata.name=a", "metadata.name=a,metadata.namespace!=kube-system"),
        (#"a=x\,y\=z\\"#, #"a=x\,y\=z\\"#),
        ("a=", "a="),
        ("a=b,", "a=b"),
    ])
    func parses(input: String, canonical: String) throws {
        #expect(try FieldSelector.parse(input).description == canonical)
    }

    /// `TestSelectorParse` of `k8s.io/apimachinery/pkg/fields`.
    @Test("round-trips upstream's good strings", arguments: ["x=a,y=b,z=c", "", "x!=a,y=b", #"x=a||y\=b"#, #"x=a\=\=b"#])
    func upstreamGood(input: String) throws {
        #expect(try FieldSelector.parse(input).description == input)
    }

    @Test("rejects upstream's bad strings", arguments: ["x=a||y=b", "x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x"])
    func upstreamBad(input: String) {
        #expect(throws: KubeModelError.self) { try FieldSelector.parse(input) }
    }

    @Test("unescapes values", arguments: [
        (#"a=x\,y"#, "x,y"),
        (#"a=x\=y"#, "x=y"),
        (#"a=x\\y"#, #"x\y"#),
    ])
    func unescapes(input: String, value: String) throws {
        #expect(try FieldSelector.parse(input).requirements.first?.value == value)
    }

    @Test("rejects invalid selectors with the upstream message", arguments: [
        ("a", "invalid selector: 'a'; can't understand 'a'"),
        ("b=1,a", "invalid selector: 'b=1,a'; can't understand 'a'"),
        (#"a=x\y"#, #"invalid field selector: invalid escape sequence: \y"#),
        (#"a=x\"#, #"invalid field selector: invalid escape sequence: \"#),
        ("a=b=c", "invalid field selector: unescaped character in value: 61"),
    ])
    func rejects(input: String, message: String) {
        #expect(throws: KubeModelError.invalidFieldSelector(message)) { try FieldSelector.parse(input) }
    }

    @Test("matches field values; missing fields read as empty", arguments: [
        ("metadata.name=a", ["metadata.name": "a"], true),
        ("metadata.name=a", ["metadata.name": "b"], false),
        ("metadata.name!=a", [:], true),
        ("metadata.name=", [:], true),
        ("metadata.name=a,metadata.namespace=n", ["metadata.name": "a", "metadata.namespace": "n"], true),
        ("metadata.name=a,metadata.namespace=n", ["metadata.name": "a"], false),
    ] as [(String, [String: String], Bool)])
    func matches(selector: String, fields: [String: String], expected: Bool) throws {
        #expect(try FieldSelector.parse(selector).matches { fields[$0] } == expected)
    }
}
