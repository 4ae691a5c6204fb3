import Testing
import GoTemplate

/// Go's `parse_test.go` `errorTests`: each input must fail to parse with a message containing
/// the expected text (line numbers included where Go checks them).
@Suite("Parse errors")
struct ParseErrorTests {
    static let cases: [(name: String, input: String, contains: String)] = [
        ("unclosed1", "line1\n{{", "unclosed1:2: unclosed action"),
        ("unclosed2", "line1\n{{define `x`}}line2\n{{", "unclosed2:3: unclosed action"),
        ("unclosed3", "line1\n{{\"x\"\n\"y\"\n", "unclosed3:4: unclosed action started at unclosed3:2"),
        ("unclosed4", "{{\n\n\n\n\n", "unclosed4:6: unclosed action started at unclosed4:1"),
        ("var1", "line1\n{{\nx\n}}", "var1:3: function \"x\" not defined"),
        ("function", "{{foo}}", "function \"foo\" not defined"),
        ("comment1", "{{/*}}", "comment1:1: unclosed comment"),
        ("comment2", "{{/*\nhello\n}}", "comment2:1: unclosed comment"),
        ("lparen", "{{.X (1 2 3}}", "unclosed left paren"),
        ("rparen", "{{.X 1 2 3 ) }}", "unexpected right paren"),
        ("rparen2", "{{(.X 1 2 3", "unclosed action"),
        ("space", "{{`x`3}}", "in operand"),
        ("idchar", "{{a#}}", "'#'"),
        ("charconst", "{{'a}}", "unterminated character constant"),
        ("stringconst", "{{\"a}}", "unterminated quoted string"),
        ("rawstringconst", "{{`a}}", "unterminated raw quoted string"),
        ("number", "{{0xi}}", "number syntax"),
        ("multidefine", "{{define `a`}}a{{end}}{{define `a`}}b{{end}}", "multiple definition of template"),
        ("eof", "{{range .X}}", "unexpected EOF"),
        ("variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "unexpected \":=\""),
        ("multidecl", "{{$a,$b,$c := 23}}", "too many declarations"),
        ("undefvar", "{{$a}}", "undefined variable"),
        ("wrongdot", "{{true.any}}", "unexpected . after term"),
        ("wrongpipeline", "{{12|false}}", "non executable command in pipeline"),
        ("emptypipeline", "{{ ( ) }}", "missing value for parenthesized pipeline"),
        ("multilinerawstring", "{{ $v := `\n` }} {{", "multilinerawstring:2: unclosed action"),
        ("rangeundefvar", "{{range $k}}{{end}}", "undefined variable"),
        ("rangeundefvars", "{{range $k, $v}}{{end}}", "undefined variable"),
        ("rangemissingvalue1", "{{range $k,}}{{end}}", "missing value for range"),
        ("rangemissingvalue2", "{{range $k, $v := }}{{end}}", "missing value for range"),
        ("rangenotvariable1", "{{range $k, .}}{{end}}", "range can only initialize variables"),
        ("rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "range can only initialize variables"),
        // Go 1.21 specifics.
        ("breakoutside", "{{break}}", "{{break}} outside {{range}}"),
        ("elsewith", "{{with 1}}a{{else with 2}}b{{end}}", "unexpected <with> in else"),
        ("unterminatedline", "hello\n\n{{`unterminated\n\n\n\n}}\n some more\n\n", "X:3: unterminated raw quoted string"),
        ("end", "{{end}}", "unexpected {{end}}"),
        ("defineinside", "{{if true}}{{define \"x\"}}{{end}}{{end}}", "unexpected <define> in command"),
    ]

    @Test("Go's parse error table reports the expected message", arguments: cases)
    func parseError(_ c: (name: String, input: String, contains: String)) {
        var t = Template(name: c.name == "unterminatedline" ? "X" : c.name)
        do {
            try t.parse(c.input)
            Issue.record("\(c.name): expected an error containing \(c.contains)")
        } catch let e as GoTemplateError {
            #expect(e.kind == .parse)
            #expect(e.message.contains(c.contains), "\(c.name): \(e.message)")
            #expect(e.message.hasPrefix("template: "))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test("full parse error text matches Go", arguments: [
        ("{{ .Values.x ", "template: t:1: unclosed action"),
        ("a\n{{ nope }}", "template: t:2: function \"nope\" not defined"),
        ("{{ if }}", "template: t:1: missing value for if"),
        ("{{ end }}", "template: t:1: unexpected {{end}}"),
        ("{{3-}}", "template: t:1: bad number syntax: \"3-\""),
        ("x\n{{ .a | 3 }}", "template: t:2: non executable command in pipeline stage 2"),
        ("{{ 99999999999999999999 }}", "template: t:1: integer overflow: \"99999999999999999999\""),
    ])
    func fullText(_ input: String, _ expected: String) {
        var t = Template(name: "t")
        #expect(throws: GoTemplateError(kind: .parse, message: expected)) { try t.parse(input) }
    }
}
