import Testing
@testable import Sprig

@Suite("Sprig math, defaults, lists and dicts")
struct DataFunctionTests {
    @Test("integer and float math follow cast and decimal rules", arguments: [
        (#"{{ add 1 2 3 }}"#, "6"), (#"{{ add1 .n }}"#, "4"), (#"{{ sub 3 2 }}"#, "1"), (#"{{ mul 2 3 4 }}"#, "24"),
        (#"{{ div 7 2 }}"#, "3"), (#"{{ mod 7 2 }}"#, "1"), (#"{{ max 1 5 3 }}"#, "5"), (#"{{ min 4 2 9 }}"#, "2"),
        (#"{{ biggest 1 2 }}"#, "2"), (#"{{ int "0x1F" }}"#, "31"), (#"{{ int "010" }}"#, "8"), (#"{{ int "08" }}"#, "0"),
        (#"{{ int "1.0" }}"#, "1"), (#"{{ int "1.5" }}"#, "0"), (#"{{ int 3.9 }}"#, "3"), (#"{{ int64 true }}"#, "1"),
        (#"{{ atoi "42" }}"#, "42"), (#"{{ atoi "x" }}"#, "0"), (#"{{ float64 "1.5" }}"#, "1.5"), (#"{{ toDecimal "0777" }}"#, "511"),
        (#"{{ until 5 }}"#, "[0 1 2 3 4]"), (#"{{ untilStep 3 6 2 }}"#, "[3 5]"), (#"{{ seq 1 3 }}"#, "1 2 3"),
        (#"{{ seq 3 }}"#, "1 2 3"), (#"{{ seq 5 -1 3 }}"#, "5 4 3"), (#"{{ seq 0 }}"#, "1 0"),
        (#"{{ addf 1.1 2.2 }}"#, "3.3"), (#"{{ add1f 1.5 }}"#, "2.5"), (#"{{ subf 1.5 0.5 }}"#, "1"),
        (#"{{ mulf 1.5 2 }}"#, "3"), (#"{{ divf 10 4 }}"#, "2.5"), (#"{{ maxf 1 2.5 }}"#, "2.5"), (#"{{ minf 1 2.5 }}"#, "1"),
        (#"{{ ceil 1.1 }}"#, "2"), (#"{{ floor 1.9 }}"#, "1"), (#"{{ round 123.555555 3 }}"#, "123.556"),
        (#"{{ round 123.5555 3 0.6 }}"#, "123.555"), (#"{{ typeOf (add 1 2) }}"#, "int64"),
        (#"{{ div 1 0 }}"#, "ERROR"),
    ])
    func math(template: String, expected: String) {
        let result = outcome(template, values)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR")) } else { #expect(result == expected) }
    }

    @Test("defaults and emptiness use sprig's empty", arguments: [
        (#"{{ default "foo" .missing }}"#, "foo"), (#"{{ default true .enabled }}"#, "true"),
        (#"{{ default "x" 0 }}"#, "x"), (#"{{ default "x" "y" }}"#, "y"), (#"{{ empty "" }}"#, "true"),
        (#"{{ empty 0.0 }}"#, "true"), (#"{{ empty (list) }}"#, "true"), (#"{{ empty (dict) }}"#, "true"),
        (#"{{ empty .nested }}"#, "false"), (#"{{ coalesce 0 "" "x" }}"#, "x"), (#"{{ coalesce 0 "" }}"#, "<no value>"),
        (#"{{ all 1 "a" true }}"#, "true"), (#"{{ all 1 "" }}"#, "false"), (#"{{ any 0 "" "x" }}"#, "true"),
        (#"{{ any }}"#, "false"), (#"{{ compact (list 1 0 "" "a") }}"#, "[1 a]"),
        (#"{{ ternary "a" "b" true }}"#, "a"), (#"{{ ternary "a" "b" false }}"#, "b"),
        (#"{{ toJson (dict "b" 1 "a" (list 1.5 "<x>")) }}"#, #"{"a":[1.5,"\u003cx\u003e"],"b":1}"#),
        (#"{{ toRawJson (dict "a" "<x>") }}"#, #"{"a":"<x>"}"#),
        (#"{{ toPrettyJson (dict "a" 1) }}"#, "{\n  \"a\": 1\n}"),
        (#"{{ (fromJson "{\"a\": 1}").a }}"#, "1"), (#"{{ typeOf (fromJson "{\"a\": 1}").a }}"#, "float64"),
        (#"{{ mustFromJson "{" }}"#, "ERROR"),
    ])
    func defaults(template: String, expected: String) {
        let result = outcome(template, values)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR")) } else { #expect(result == expected) }
    }

    @Test("lists behave like sprig's reflect-based helpers", arguments: [
        (#"{{ list 1 2 3 }}"#, "[1 2 3]"), (#"{{ append (list 1) 2 }}"#, "[1 2]"), (#"{{ prepend (list 1) 0 }}"#, "[0 1]"),
        (#"{{ first (list 1 2) }}"#, "1"), (#"{{ first (list) }}"#, "<no value>"), (#"{{ last (list 1 2) }}"#, "2"),
        (#"{{ rest (list 1 2 3) }}"#, "[2 3]"), (#"{{ initial (list 1 2 3) }}"#, "[1 2]"), (#"{{ reverse (list 1 2 3) }}"#, "[3 2 1]"),
        (#"{{ uniq (list 1 1 2) }}"#, "[1 2]"), (#"{{ without (list 1 2 3) 2 }}"#, "[1 3]"),
        (#"{{ has 4 .list }}"#, "false"), (#"{{ has 4.0 .list }}"#, "true"), (#"{{ has "a" .list }}"#, "true"),
        (#"{{ slice (list 1 2 3 4) 1 3 }}"#, "[2 3]"), (#"{{ slice (list 1 2 3) 1 }}"#, "[2 3]"),
        (#"{{ concat (list 1) (list 2 3) }}"#, "[1 2 3]"), (#"{{ chunk 2 (list 1 2 3) }}"#, "[[1 2] [3]]"),
        (#"{{ first .missing }}"#, "ERROR"), (#"{{ mustFirst "x" }}"#, "ERROR"),
    ])
    func lists(template: String, expected: String) {
        let result = outcome(template, values)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR")) } else { #expect(result == expected) }
    }

    @Test("dicts follow sprig and mergo semantics", arguments: [
        (#"{{ $d := dict "a" 1 "b" }}{{ $d.a }}-{{ $d.b }}-"#, "1--"), (#"{{ get (dict "a" 1) "a" }}"#, "1"),
        (#"{{ get (dict) "x" }}"#, ""), (#"{{ $d := set (dict) "a" 1 }}{{ $d.a }}"#, "1"),
        (#"{{ unset (dict "a" 1 "b" 2) "a" }}"#, "map[b:2]"), (#"{{ hasKey (dict "a" 1) "a" }}"#, "true"),
        (#"{{ pluck "a" (dict "a" 1) (dict "a" 2) (dict "b" 3) }}"#, "[1 2]"),
        (#"{{ keys (dict "b" 1 "a" 2) | sortAlpha }}"#, "[a b]"), (#"{{ pick (dict "a" 1 "b" 2) "a" }}"#, "map[a:1]"),
        (#"{{ omit (dict "a" 1 "b" 2) "a" }}"#, "map[b:2]"), (#"{{ values (dict "a" 1) }}"#, "[1]"),
        (#"{{ merge (dict "a" 1 "b" false "c" "") (dict "a" 2 "b" true "c" "x" "d" 4) }}"#, "map[a:1 b:true c:x d:4]"),
        (#"{{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1 "y" 2)) (dict "a" 2 "n" (dict "y" 3)) }}"#, "map[a:2 n:map[x:1 y:3]]"),
        (#"{{ merge (dict "n" (dict "x" 1)) (dict "n" (dict "x" 2 "y" 3)) }}"#, "map[n:map[x:1 y:3]]"),
        (#"{{ dig "a" "b" "none" .nested }}"#, "deep"), (#"{{ dig "a" "z" "none" .nested }}"#, "none"),
        (#"{{ dig "a" "b" "c" "none" .nested }}"#, "ERROR"),
        (#"{{ deepEqual (list 1 2) (list 1 2) }}"#, "true"),
        (#"{{ $d := dict }}{{ $_ := set $d "a" 1 }}{{ $d.a }}"#, "1"),
        (#"{{ $d := dict }}{{ $_ := set $d "self" $d }}{{ $d }}"#, "ERROR"),
        (#"{{ $a := dict }}{{ $b := dict "a" $a }}{{ $_ := set $a "b" $b }}"#, "ERROR"),
        (#"{{ trimSuffix "é" "café" }}"#, "caf"), (#"{{ seq 9223372036854775806 9223372036854775807 }}"#, ""), (#"{{ untilStep 9223372036854775806 9223372036854775807 5 }}"#, "[9223372036854775806]"),
        (#"{{ $d := dict "a" 1 "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }}"#, "map[b:2]"),
        (#"{{ $d := dict "a" 1 }}{{ $_ := merge $d (dict "b" 2) }}{{ $d }}"#, "map[a:1 b:2]"),
        (#"{{ $t := dict }}{{ $one := dict "foo" (dict "bar" "baz") "qux" true }}{{ $two := dict "foo" (dict "bar" "baz2") "qux" false }}{{ $_ := mergeOverwrite $t $one }}{{ $_ := mergeOverwrite $t $two }}{{ $one }}"#,
         "map[foo:map[bar:baz2] qux:true]"),
        (#"{{ $t := dict }}{{ $one := dict "foo" (dict "bar" "baz") "qux" true }}{{ $two := dict "foo" (dict "bar" "baz2") "qux" false }}{{ $_ := deepCopy $one | mergeOverwrite $t }}{{ $_ := mergeOverwrite $t $two }}{{ $one }}"#,
         "map[foo:map[bar:baz] qux:true]"),
    ])
    func dicts(template: String, expected: String) {
        let result = outcome(template, values)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR")) } else { #expect(result == expected) }
    }
}
