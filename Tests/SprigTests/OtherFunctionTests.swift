import Testing
@testable import Sprig

@Suite("Sprig regex, dates, semver, encoding, reflection, paths and URLs")
struct OtherFunctionTests {
    @Test("functions render like sprig v3.2.3", arguments: [
        (#"{{ regexMatch "^[a-z]+$" "abc" }}"#, "true"), (#"{{ regexMatch "^[a-z]+$" "abc\n" }}"#, "false"),
        (#"{{ regexFind "[a-zA-Z][1-9]" "abcd1234" }}"#, "d1"),
        (#"{{ regexFindAll "[2,4,6,8]" "123456789" -1 }}"#, "[2 4 6 8]"),
        (#"{{ regexFindAll "[2,4,6,8]" "123456789" 1 }}"#, "[2]"),
        (#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}"#, "-W-xxW-"),
        (#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}"#, "---"),
        (#"{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}"#, "-${1}-${1}-"),
        (#"{{ regexSplit "z+" "pizza" -1 }}"#, "[pi a]"), (#"{{ regexSplit "" "abc" -1 }}"#, "[a b c]"),
        (#"{{ regexReplaceAll "a*" "baaac" "X" }}"#, "XbXcX"),
        (#"{{ mustRegexMatch "(a" "a" }}"#, "ERROR"), (#"{{ mustRegexMatch "(a)\\1" "aa" }}"#, "ERROR"),
        (#"{{ mustRegexMatch "a(?=b)" "ab" }}"#, "ERROR"),
        (#"{{ date "2006-01-02 15:04" 0 }}"#, "1970-01-01 00:00"),
        (#"{{ dateInZone "2006-01-02T15:04:05Z07:00" (toDate "2006-01-02" "2024-02-29") "UTC" }}"#, "2024-02-29T00:00:00Z"),
        (#"{{ toDate "2006-01-02 15:04" "2023-07-04 09:05" | date "Mon Jan _2 3:04PM 2006" }}"#, "Tue Jul  4 9:05AM 2023"),
        (#"{{ (toDate "2006-01-02" "2023-01-01") | unixEpoch }}"#, "1672531200"),
        (#"{{ toDate "2006-01-02" "2023-01-01" | dateModify "1.5h" | date "15:04" }}"#, "01:30"),
        (#"{{ mustToDate "2006-01-02" "nope" }}"#, "ERROR"),
        (#"{{ duration "95" }}"#, "1m35s"), (#"{{ duration 95 }}"#, "0s"), (#"{{ duration (int64 3661) }}"#, "1h1m1s"),
        (#"{{ durationRound "2h10m5s" }}"#, "2h"), (#"{{ durationRound "400h" }}"#, "16d"),
        (#"{{ htmlDate 0 }}"#, "1970-01-01"),
        (#"{{ typeOf now }}"#, "time.Time"), (#"{{ len (date "2006" "not a time") }}"#, "4"),
        (#"{{ ago (now | dateModify "-2s") }}"#, "2s"), (#"{{ unixEpoch (toDate "2006-01-02T15:04:05Z07:00" "2023-01-01T01:00:00+01:00") }}"#, "1672531200"),
        (#"{{ toDate "2006-01-02" "2023-01-01" | typeOf }}"#, "time.Time"),
        (#"{{ semverCompare ">=1.2.0" "1.3.0" }}"#, "true"), (#"{{ semverCompare "^1.2.0" "2.0.0" }}"#, "false"),
        (#"{{ semverCompare ">=1.2.0" "1.3.0-beta" }}"#, "false"), (#"{{ semverCompare ">=1.2.0-0" "1.3.0-beta" }}"#, "true"),
        (#"{{ (semver "1.2.3-alpha+b").Major }}"#, "1"), (#"{{ (semver "v1.2").String }}"#, "1.2.0"),
        (#"{{ (semver "1.2.3").LessThan (semver "1.3.0") }}"#, "true"), (#"{{ semver "x" }}"#, "ERROR"),
        (#"{{ b64enc "hello" }}"#, "aGVsbG8="), (#"{{ b64dec "aGVsbG8=" }}"#, "hello"),
        (#"{{ b64dec "!!" }}"#, "illegal base64 data at input byte 0"),
        (#"{{ b32enc "hello" }}"#, "NBSWY3DP"), (#"{{ b32dec "NBSWY3DP" }}"#, "hello"),
        (#"{{ sha256sum "hello" }}"#, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
        (#"{{ sha1sum "hello" }}"#, "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"), (#"{{ adler32sum "hello" }}"#, "103547413"),
        (#"{{ typeOf .name }}"#, "string"), (#"{{ typeOf .n }}"#, "float64"), (#"{{ typeOf .nested }}"#, "map[string]interface {}"),
        (#"{{ typeOf .missing }}"#, "<nil>"), (#"{{ kindOf .nested }}"#, "map"), (#"{{ kindOf .list }}"#, "slice"),
        (#"{{ kindOf .missing }}"#, "invalid"), (#"{{ typeIs "string" "x" }}"#, "true"), (#"{{ kindIs "int" 3 }}"#, "true"),
        (#"{{ typeIsLike "string" "x" }}"#, "true"),
        (#"{{ base "foo/bar.txt" }}"#, "bar.txt"), (#"{{ dir "foo/bar/baz" }}"#, "foo/bar"), (#"{{ clean "foo/../bar" }}"#, "bar"),
        (#"{{ ext "foo.bar" }}"#, ".bar"), (#"{{ isAbs "/x" }}"#, "true"),
        (#"{{ (urlParse "http://admin:secret@server.com:8080/api?list=false#anchor").hostname }}"#, "server.com"),
        (#"{{ (urlParse "http://admin:secret@server.com:8080/api?list=false#anchor").userinfo }}"#, "admin:secret"),
        (#"{{ urlJoin (dict "fragment" "fragment" "host" "host:80" "path" "/path" "query" "query" "scheme" "http") }}"#,
         "http://host:80/path?query#fragment"),
        (#"{{ getHostByName "localhost" }}"#, ""),
    ])
    func functions(template: String, expected: String) {
        let result = outcome(template, values)
        if expected == "ERROR" { #expect(result.hasPrefix("ERROR"), "\(result)") } else { #expect(result == expected) }
    }

    @Test("the function map holds sprig's names minus env and expandenv")
    func names() {
        #expect(Sprig.functions["env"] == nil)
        #expect(Sprig.functions["expandenv"] == nil)
        #expect(Sprig.functions["semverCompare"] != nil)
    }
}
