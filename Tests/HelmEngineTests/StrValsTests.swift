import StructuredData
import Testing
@testable import HelmEngine

/// Rows ported from Helm's `pkg/strvals/parser_test.go` (TestParseSet and friends).
@Suite("strvals parser")
struct StrValsTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var line: String
        var expectedJSON: String?   // nil means an error is expected
        var mode: String = "typed"
        var testDescription: String { "\(mode) \(line)" }
    }

    static let rows: [Row] = [
        Row(line: "name=value", expectedJSON: #"{"name":"value"}"#),
        Row(line: "long_int_string=1234567890", expectedJSON: #"{"long_int_string":1234567890}"#),
        Row(line: "boolean=true", expectedJSON: #"{"boolean":true}"#),
        Row(line: "boolean=TRUE", expectedJSON: #"{"boolean":true}"#),
        Row(line: "is_null=null", expectedJSON: #"{"is_null":null}"#),
        Row(line: "zero=0", expectedJSON: #"{"zero":0}"#),
        Row(line: "leading_zeros=00009", expectedJSON: #"{"leading_zeros":"00009"}"#),
        Row(line: "name1=value1,name2=value2", expectedJSON: #"{"name1":"value1","name2":"value2"}"#),
        Row(line: "name1=value1,name2=value2,", expectedJSON: #"{"name1":"value1","name2":"value2"}"#),
        Row(line: "name1=,name2=value2", expectedJSON: #"{"name1":"","name2":"value2"}"#),
        Row(line: "name1=one\\,two,name2=three\\,four", expectedJSON: #"{"name1":"one,two","name2":"three,four"}"#),
        Row(line: "name1=one\\=two,name2=three\\=four", expectedJSON: #"{"name1":"one=two","name2":"three=four"}"#),
        Row(line: "name1=one two three,name2=three two one", expectedJSON: #"{"name1":"one two three","name2":"three two one"}"#),
        Row(line: "outer.inner=value", expectedJSON: #"{"outer":{"inner":"value"}}"#),
        Row(line: "outer.middle.inner=value", expectedJSON: #"{"outer":{"middle":{"inner":"value"}}}"#),
        Row(line: "outer.inner1=value,outer.inner2=value2", expectedJSON: #"{"outer":{"inner1":"value","inner2":"value2"}}"#),
        Row(line: "name1.name2=", expectedJSON: #"{"name1":{"name2":""}}"#),
        Row(line: "name1.name2=1,name1.name3=2", expectedJSON: #"{"name1":{"name2":1,"name3":2}}"#),
        Row(line: "name1.name2.name3=1", expectedJSON: #"{"name1":{"name2":{"name3":1}}}"#),
        Row(line: "list={one,two,three}", expectedJSON: #"{"list":["one","two","three"]}"#),
        Row(line: "list={}", expectedJSON: #"{"list":[""]}"#),
        Row(line: "list={1,2,3}", expectedJSON: #"{"list":[1,2,3]}"#),
        Row(line: "list[0]=foo", expectedJSON: #"{"list":["foo"]}"#),
        Row(line: "list[0].foo=bar", expectedJSON: #"{"list":[{"foo":"bar"}]}"#),
        Row(line: "list[0].foo=bar,list[0].hello=world", expectedJSON: #"{"list":[{"foo":"bar","hello":"world"}]}"#),
        Row(line: "list[0]=foo,list[1]=bar", expectedJSON: #"{"list":["foo","bar"]}"#),
        Row(line: "list[0]=foo,list[3]=bar", expectedJSON: #"{"list":["foo",null,null,"bar"]}"#),
        Row(line: "nested[0][0]=1", expectedJSON: #"{"nested":[[1]]}"#),
        Row(line: "nested[1][1]=1", expectedJSON: #"{"nested":[null,[null,1]]}"#),
        Row(line: "name1.name2[0].foo=bar", expectedJSON: #"{"name1":{"name2":[{"foo":"bar"}]}}"#),
        Row(line: "list[0]={1,2}", expectedJSON: #"{"list":[[1,2]]}"#),
        Row(line: "name", expectedJSON: nil),
        Row(line: "name1=value1,name2", expectedJSON: nil),
        Row(line: "name1.=name2", expectedJSON: nil),
        Row(line: "name1,name2=", expectedJSON: nil),
        Row(line: "list[-30].hello=world", expectedJSON: nil),
        Row(line: "list[65537]=a", expectedJSON: nil),
        Row(line: "list={1,2", expectedJSON: nil),
        Row(line: "list[0]x=1", expectedJSON: nil),
        Row(line: "long_int=1234567890", expectedJSON: #"{"long_int":"1234567890"}"#, mode: "string"),
        Row(line: "boolean=true", expectedJSON: #"{"boolean":"true"}"#, mode: "string"),
        Row(line: "list={1,true}", expectedJSON: #"{"list":["1","true"]}"#, mode: "string"),
        Row(line: "outer.inner1={\"key\":\"value\"}", expectedJSON: #"{"outer":{"inner1":{"key":"value"}}}"#, mode: "json"),
        Row(line: "outer.inner1=[1,2],b=\"x\"", expectedJSON: #"{"outer":{"inner1":[1,2]},"b":"x"}"#, mode: "json"),
        Row(line: "a=", expectedJSON: #"{"a":null}"#, mode: "json"),
    ]

    @Test("parses set lines as Helm does", arguments: rows)
    func parse(_ row: Row) throws {
        let mode: StrVals.Mode = row.mode == "string" ? .string : row.mode == "json" ? .json : .typed
        guard let expectedJSON = row.expectedJSON else {
            #expect(throws: HelmError.self) { _ = try StrVals.parse(row.line, mode: mode) }
            return
        }
        var expected = try JSONParser.parse(expectedJSON)
        if row.mode == "json" { expected = expected.helmNumbers }
        let parsed = try StrVals.parse(row.line, mode: mode)
        #expect(JSONValue.object(parsed) == expected)
    }

    @Test("integers from --set are int64, not float64")
    func integersStayIntegers() throws {
        let parsed = try StrVals.parse("replicas=3")
        #expect(parsed["replicas"] == .int(3))
    }

    @Test("error messages use Helm's wording", arguments: [
        ("name", "key \"name\" has no value"),
        ("name1,name2=", "key \"name1\" has no value (cannot end with ,)"),
        ("list[65537]=a", "index of 65537 is greater than maximum supported index of 65536"),
        ("list={1,2", "list must terminate with '}'"),
    ])
    func errorText(_ line: String, _ message: String) {
        #expect(throws: HelmError(.values, message)) { _ = try StrVals.parse(line) }
    }
}
