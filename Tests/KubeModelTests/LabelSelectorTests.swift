import Foundation
import Testing
import StructuredData
@testable import KubeModel

@Suite("Label selectors")
struct LabelSelectorTests {
    @Test("parses valid selectors to their canonical string", arguments: [
        ("", ""),
        ("   ", ""),
        ("x=a", "x=a"),
        ("x==a", "x==a"),
        ("x!=a", "x!=a"),
        ("y=a,x=b", "x=b,y=a"),
        ("x in (b,a,b)", "x in (a,b)"),
        ("x notin (a)", "x notin (a)"),
        ("x in ()", "x in ()"),
        ("x in (,a)", "x in (,a)"),
        ("x", "x"),
        ("!x", "!x"),
        ("x>1", "x>1"),
        ("x<10", "x<10"),
        ("x=", "x="),
        ("x=,y=b", "x=,y=b"),
        ("example.com/app = web , tier in ( db )", "example.com/app=web,tier in (db)"),
        ("in=notin", "in=notin"),
        ("x in (in,notin)", "x in (in,notin)"),
    ])
    func parsesValid(input: String, canonical: String) throws {
        let selector = try LabelSelector.parse(input)
        #expect(selector.description == canonical)
        let reparsed = try LabelSelector.parse(selector.description)
        #expect(reparsed == selector)
    }

    static let nameRegexMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    @Test("rejects invalid selectors with the upstream message", arguments: [
        ("x=a b", "found 'b', expected: ',' or 'end of string'"),
        ("x=a,", "found '', expected: identifier after ','"),
        ("=a", "found '=', expected: !, identifier, or 'end of string'"),
        ("x in a", "unable to parse requirement: found 'a' expected: '('"),
        ("x in (a", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"),
        ("x in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"),
        ("x foo", "unable to parse requirement: found 'foo', expected: in, notin, =, ==, !=, gt, lt"),
        ("x=(", "unable to parse requirement: found '(', expected: identifier"),
        ("!", "unable to parse requirement: found '', expected: identifier"),
        ("x=a=b", "found '=', expected: ',' or 'end of string'"),
        ("!x=a", "found '=', expected: ',' or 'end of string'"),
        ("x>a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
        ("app:monolith", "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": " + nameRegexMessage),
        ("x=-a", "unable to parse requirement: values[0][x]: Invalid value: \"-a\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        ("a/b/c=d", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        ("x=<>", "unable to parse requirement: found '<', expected: identifier"),
    ])
    func rejectsInvalid(input: String, message: String) {
        #expect(throws: KubeModelError.invalidLabelSelector(message)) { try LabelSelector.parse(input) }
    }

    /// `TestSelectorParse` good and bad strings of `k8s.io/apimachinery/pkg/labels`.
    @Test("accepts upstream's good strings and round-trips them without spaces", arguments: [
        "x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5",
    ])
    func upstreamGood(input: String) throws {
        #expect(try LabelSelector.parse(input).description == input.replacingOccurrences(of: " ", with: ""))
    }

    @Test("rejects upstream's bad strings", arguments: ["x=a||y=b", "x==a==b", "!x=a", "x<a"])
    func upstreamBad(input: String) {
        #expect(throws: KubeModelError.self) { try LabelSelector.parse(input) }
    }

    @Test("matches label sets", arguments: [
        ("", ["a": "1"], true),
        ("a=1", ["a": "1"], true),
        ("a=1", ["a": "2"], false),
        ("a=1", [:], false),
        ("a!=1", [:], true),
        ("a!=1", ["a": "1"], false),
        ("a in (1,2)", ["a": "2"], true),
        ("a notin (1,2)", ["a": "3"], true),
        ("a notin (1,2)", [:], true),
        ("a", ["a": ""], true),
        ("!a", ["a": ""], false),
        ("!a", ["b": "x"], true),
        ("a>5", ["a": "6"], true),
        ("a>5", ["a": "5"], false),
        ("a<5", ["a": "x"], false),
        ("a=1,b=2", ["a": "1", "b": "2"], true),
        ("a=1,b=2", ["a": "1"], false),
        ("a=", ["a": ""], true),
    ] as [(String, [String: String], Bool)])
    func matches(selector: String, labels: [String: String], expected: Bool) throws {
        #expect(try LabelSelector.parse(selector).matches(labels) == expected)
    }

    @Test("converts metav1.LabelSelector objects", arguments: [
        (#"{"matchLabels":{"b":"2","a":"1"}}"#, "a=1,b=2"),
        (#"{}"#, ""),
        (#"{"matchExpressions":[{"key":"k","operator":"In","values":["y","x"]}]}"#, "k in (x,y)"),
        (#"{"matchExpressions":[{"key":"k","operator":"DoesNotExist"}],"matchLabels":{"a":"b"}}"#, "a=b,!k"),
    ])
    func convertsMetaV1(json: String, canonical: String) throws {
        let selector = try LabelSelector(labelSelector: JSONParser.parse(json))
        #expect(selector.description == canonical)
        #expect(selector.isEmpty == canonical.isEmpty)
    }

    @Test("rejects bad metav1.LabelSelector objects", arguments: [
        (#"{"matchExpressions":[{"key":"k","operator":"Foo"}]}"#, #""Foo" is not a valid label selector operator"#),
        (#"{"matchExpressions":[{"key":"k","operator":"In"}]}"#, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"),
        (#"{"matchExpressions":[{"key":"k","operator":"Exists","values":["a"]}]}"#, #"values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist"#),
        (#"{"matchLabels":{"-k":"v"}}"#, "key: Invalid value: \"-k\": " + LabelSelectorTests.nameRegexMessage),
    ])
    func rejectsMetaV1(json: String, message: String) throws {
        let value = try JSONParser.parse(json)
        #expect(throws: KubeModelError.invalidLabelSelector(message)) { try LabelSelector(labelSelector: value) }
    }

    @Test("a null metav1 selector selects nothing and an empty one everything")
    func nullSelectsNothing() throws {
        let nothing = try LabelSelector(labelSelector: .null)
        #expect(!nothing.matches([:]))
        #expect(!nothing.isEmpty)
        #expect(LabelSelector.everything.matches(["a": "b"]))
    }
}
