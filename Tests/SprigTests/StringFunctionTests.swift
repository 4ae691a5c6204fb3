import Foundation
import Testing
@testable import Sprig

@Suite("Sprig string functions")
struct StringFunctionTests {
    @Test("string functions render like sprig v3.2.3", arguments: [
        (#"{{ hello }}"#, "Hello!"),
        (#"{{ abbrev 5 "hello world" }}"#, "he..."),
        (#"{{ abbrevboth 5 10 "1234 5678 9123" }}"#, "...5678..."),
        (#"{{ trunc 5 "hello world" }}"#, "hello"),
        (#"{{ trunc -5 "hello world" }}"#, "world"),
        (#"{{ trim "   hello    " }}"#, "hello"),
        (#"{{ upper "hello" }}"#, "HELLO"),
        (#"{{ lower "HELLO" }}"#, "hello"),
        (#"{{ title "hello world" }}"#, "Hello World"),
        (#"{{ untitle "Hello World" }}"#, "hello world"),
        (#"{{ substr 0 5 "hello world" }}"#, "hello"),
        (#"{{ substr -1 5 "hello world" }}"#, "hello"),
        (#"{{ substr 6 -1 "hello world" }}"#, "world"),
        (#"{{ repeat 3 "hello" }}"#, "hellohellohello"),
        (#"{{ trimAll "$" "$5.00" }}"#, "5.00"),
        (#"{{ trimSuffix "-" "hello-" }}"#, "hello"),
        (#"{{ trimPrefix "-" "-hello" }}"#, "hello"),
        (#"{{ nospace "hello w o r l d" }}"#, "helloworld"),
        (#"{{ initials "First Try" }}"#, "FT"),
        (#"{{ swapcase "This Is A.Test" }}"#, "tHIS iS a.tEST"),
        (#"{{ snakecase "FirstName" }}"#, "first_name"),
        (#"{{ snakecase "HTTPServer" }}"#, "http_server"),
        (#"{{ camelcase "http_server" }}"#, "HttpServer"),
        (#"{{ kebabcase "FirstName" }}"#, "first-name"),
        (#"{{ wrap 80 "hello" }}"#, "hello"),
        (#"{{ wrapWith 5 "\t" "Hello World" }}"#, "Hello\tWorld"),
        (#"{{ contains "cat" "catch" }}"#, "true"),
        (#"{{ hasPrefix "cat" "catch" }}"#, "true"),
        (#"{{ hasSuffix "cat" "catch" }}"#, "false"),
        (#"{{ quote "a" 1 }}"#, #""a" "1""#),
        (#"{{ quote .missing }}"#, ""),
        (#"{{ quote 3.0 }}"#, #""3""#),
        (#"{{ quote 1e6 }}"#, #""1e+06""#),
        (#"{{ squote "a" }}"#, "'a'"),
        (#"{{ cat "hello" "beautiful" "world" }}"#, "hello beautiful world"),
        (#"{{ indent 4 "a\n\nb" }}"#, "    a\n    \n    b"),
        (#"{{ nindent 2 "a" }}"#, "\n  a"),
        (#"{{ "I Am Henry VIII" | replace " " "-" }}"#, "I-Am-Henry-VIII"),
        (#"{{ plural "one anchovy" "many anchovies" 2 }}"#, "many anchovies"),
        (#"{{ toString 1000000.0 }}"#, "1e+06"),
        (#"{{ toStrings (list 1 "a" nil) }}"#, "[1 a]"),
        (#"{{ join "," (list 1 2 3) }}"#, "1,2,3"),
        (#"{{ list "c" "a" "b" | sortAlpha }}"#, "[a b c]"),
        (#"{{ $a := split "$" "foo$bar$baz" }}{{ $a._0 }} {{ $a._2 }}"#, "foo baz"),
        (#"{{ splitList "$" "foo$bar$baz" }}"#, "[foo bar baz]"),
        (#"{{ $a := splitn "$" 2 "foo$bar$baz" }}{{ $a._1 }}"#, "bar$baz"),
        (#"{{ regexQuoteMeta "1.2.3" }}"#, #"1\.2\.3"#),
        (#"{{ len (randAlphaNum 12) }}"#, "12"),
        (#"{{ len (randNumeric 3) }}"#, "3"),
        (#"{{ len uuidv4 }}"#, "36"),
        (#"{{ len (shuffle "hello") }}"#, "5"),
    ])
    func strings(template: String, expected: String) {
        #expect(outcome(template, values) == expected)
    }

    @Test("typed parameters reject values the way Go does", arguments: [
        (#"{{ indent .n "x" }}"#, "wrong type for value; expected int; got float64"),
        (#"{{ upper .port }}"#, "wrong type for value; expected string; got float64"),
        (#"{{ .missing | upper }}"#, "invalid value; expected string"),
        (#"{{ upper .missing }}"#, "wrong type for value; expected string; got interface {}"),
        (#"{{ slice "abc" 1 2 }}"#, "list should be type of slice or array but string"),
    ])
    func typeErrors(template: String, fragment: String) {
        let result = outcome(template, values)
        #expect(result.hasPrefix("ERROR"))
        #expect(result.contains(fragment), "\(result)")
    }
}

@Suite("Sprig case conversion")
struct CaseConversionTests {
    @Test("snakecase and kebabcase split words like xstrings v1.3.3", arguments: [
        ("HTTPServer", "http_server"), ("_camelCase", "_camel_case"), ("NoHTTPS", "no_https"), ("Wi_thF", "wi_th_f"),
        ("_AnotherTES_TCaseP", "_another_tes_t_case_p"), ("ALL", "all"), ("_HELLO_WORLD_", "_hello_world_"),
        ("HELLO____WORLD", "hello____world"), ("TW", "tw"), ("_C", "_c"), ("http2xx", "http_2xx"), ("HTTP2XX", "http2_xx"),
        ("HTTP20xOK", "http_20x_ok"), ("HTTP-20xStatus", "http_20x_status"), ("a", "a"), ("Duration2m3s", "duration_2m3s"),
        ("Bld4Floor3rd", "bld4_floor_3rd"), (" _-_ ", "_____"), ("a1b2c3d", "a_1b2c3d"), ("A//B%%2c", "a//b%%2c"),
        ("  sentence case  ", "__sentence_case__"), ("FROM CamelCase to snake/kebab-case", "from_camel_case_to_snake/kebab_case"),
        ("", ""), ("abc_123_def", "abc_123_def"), ("FirstName", "first_name"),
    ])
    func snake(input: String, expected: String) throws {
        #expect(try render("{{ snakecase . }}", .string(input)) == expected)
        #expect(try render("{{ kebabcase . }}", .string(input)) == expected.replacingOccurrences(of: "_", with: "-"))
    }

    @Test("camelcase joins connector-separated words", arguments: [
        ("http_server", "HttpServer"), ("_complex__case_", "_Complex_Case_"), ("some words", "SomeWords"), ("x", "X"),
    ])
    func camel(input: String, expected: String) throws {
        #expect(try render("{{ camelcase . }}", .string(input)) == expected)
    }
}
