import Testing
import GoTemplate
import OrderedCollections

/// Vectors in the style of Go's `fmt_test.go` for `Sprintf`, `Sprint` and `Sprintln`.
@Suite("Go fmt")
struct FmtTests {
    static let list = GoValue.list([.of(1), .string("a"), .null])
    static let map = GoValue.map(["b": .of(2), "a": .of(1.5), "c": .list([])])
    static let bytes = GoValue.bytes(Array("hi".utf8))

    static let sprintf: [(String, [GoValue], String)] = [
        ("%d", [.of(12345)], "12345"), ("%v", [.of(-12345)], "-12345"), ("%+d", [.of(12345)], "+12345"),
        ("% d", [.of(12345)], " 12345"), ("%x", [.of(0x1234abc)], "1234abc"), ("%X", [.of(-0x1234abc)], "-1234ABC"),
        ("%#x", [.of(0)], "0x0"), ("%#X", [.of(255)], "0XFF"), ("%b", [.of(7)], "111"), ("%08b", [.of(5)], "00000101"),
        ("%o", [.of(8)], "10"), ("%#o", [.of(8)], "010"), ("%O", [.of(8)], "0o10"), ("%.3d", [.of(7)], "007"),
        ("%6.2d", [.of(7)], "    07"), ("%010d", [.of(-12345)], "-000012345"), ("%-10d", [.of(12345)], "12345     "),
        ("%.0d", [.of(0)], ""), ("%5.0d", [.of(0)], "     "), ("%04x", [.of(127)], "007f"),
        ("%c", [.of(0x78)], "x"), ("%c", [.of(0xe4)], "ä"), ("%3c", [.of(0x78)], "  x"), ("%q", [.of(0x78)], "'x'"),
        ("%U", [.of(0x263a)], "U+263A"), ("%#U", [.of(0x2318)], "U+2318 '⌘'"), ("%#U", [.of(10)], "U+000A"),
        ("%t", [.bool(true)], "true"), ("%5t", [.bool(true)], " true"), ("%v", [.bool(false)], "false"),
        ("%s", [.string("abc")], "abc"), ("%q", [.string("abc")], "\"abc\""), ("%x", [.string("abc")], "616263"),
        ("%X", [.string("xyz")], "78797A"), ("% x", [.string("xyz")], "78 79 7a"), ("%#x", [.string("xyz")], "0x78797a"),
        ("%# x", [.string("xyz")], "0x78 0x79 0x7a"), ("%q", [.string("\"")], "\"\\\"\""), ("%#q", [.string("abc")], "`abc`"),
        ("%#q", [.string("`")], "\"`\""), ("%q", [.string("\n")], "\"\\n\""), ("%+q", [.string("abc☺")], "\"abc\\u263a\""),
        ("%q", [.string("☺")], "\"☺\""), ("%5s", [.string("abc")], "  abc"), ("%-5s", [.string("abc")], "abc  "),
        ("%05s", [.string("abc")], "00abc"), ("%.2s", [.string("abc")], "ab"), ("%.5s", [.string("日本語日本語")], "日本語日本"),
        ("%5.2s", [.string("abc")], "   ab"),
        ("%e", [.of(1.0)], "1.000000e+00"), ("%E", [.of(1.0)], "1.000000E+00"), ("%f", [.of(1.0)], "1.000000"),
        ("%g", [.of(1.0)], "1"), ("%g", [.of(3.5)], "3.5"), ("%.3g", [.of(1234.0)], "1.23e+03"),
        ("%v", [.of(1e6)], "1e+06"), ("%v", [.of(123456.0)], "123456"), ("%v", [.of(1234567.0)], "1.234567e+06"),
        ("%v", [.of(0.00001)], "1e-05"), ("%v", [.of(0.0001)], "0.0001"), ("%v", [.of(3.0)], "3"), ("%v", [.of(1e21)], "1e+21"),
        ("%8.3f", [.of(3.14159)], "   3.142"), ("%-8.3f", [.of(3.14159)], "3.142   "), ("%08.3f", [.of(-3.14159)], "-003.142"),
        ("%+.3e", [.of(1.0)], "+1.000e+00"), ("% .3f", [.of(1.0)], " 1.000"), ("%6.2f", [.of(1.0)], "  1.00"),
        ("%v", [.complex(1, 2, .complex128)], "(1+2i)"), ("%.2f", [.complex(1, 2, .complex128)], "(1.00+2.00i)"),
        ("%v", [list], "[1 a <nil>]"), ("%d", [.list([.of(1), .of(2)])], "[1 2]"), ("%q", [.list([.string("a")])], "[\"a\"]"),
        ("%v", [map], "map[a:1.5 b:2 c:[]]"), ("%v", [.null], "<nil>"), ("%d", [.null], "%!d(<nil>)"),
        ("%v", [bytes], "[104 105]"), ("%s", [bytes], "hi"), ("%x", [bytes], "6869"),
        ("%d", [.string("x")], "%!d(string=x)"), ("%s", [.of(3)], "%!s(int=3)"), ("%t", [.of(1)], "%!t(int=1)"),
        ("%d", [.of(3.0)], "%!d(float64=3)"), ("%d", [], "%!d(MISSING)"), ("%s", [.string("a"), .string("b")], "a%!(EXTRA string=b)"),
        ("%d %d", [.of(1), .of(2), .of(3), .string("x")], "1 2%!(EXTRA int=3, string=x)"),
        ("%", [], "%!(NOVERB)"), ("%!", [], "%!!(MISSING)"), ("%%", [], "%"), ("100%% done", [], "100% done"),
        ("%[2]d %[1]d", [.of(1), .of(2)], "2 1"), ("%[3]d", [.of(1), .of(2)], "%!d(BADINDEX)"), ("%[1]d %d", [.of(1), .of(2)], "1 2"),
        ("%*d", [.of(4), .of(42)], "  42"), ("%-*d", [.of(4), .of(42)], "42  "), ("%*d", [.of(-4), .of(42)], "42  "),
        ("%.*d", [.of(3), .of(7)], "007"), ("%*d", [.string("x"), .of(42)], "%!(BADWIDTH)42"),
        ("%T", [.of(1)], "int"), ("%T", [.string("s")], "string"), ("%T", [.null], "<nil>"), ("%T", [.of(1.5)], "float64"),
        ("%T", [list], "[]interface {}"), ("%T", [map], "map[string]interface {}"), ("%T", [bytes], "[]uint8"),
        ("%v", [.list([.string("a b"), .of(2)], type: .sliceOfString)], "[a b 2]"),
        ("%5v", [.list([.of(1), .of(2)])], "[    1     2]"),
        ("%#v", [.string("a")], "\"a\""), ("%#v", [.of(10)], "10"), ("%#v", [.list([.of(1)])], "[]interface {}{1}"),
        ("%x", [.of(-1)], "-1"), ("%v", [.uint(14, .uint)], "14"), ("%#v", [.uint(14, .uint)], "0xe"),
    ]

    @Test("Sprintf matches Go", arguments: sprintf)
    func printf(_ format: String, _ args: [GoValue], _ want: String) {
        #expect(GoFmt.sprintf(format, args) == want, "\(format)")
    }

    @Test("Sprint adds spaces only between non-string operands", arguments: [
        ([GoValue.string("a"), .of(1), .of(2), .string("b")], "a1 2b"),
        ([.of(1), .of(2)], "1 2"),
        ([.string("a"), .string("b")], "ab"),
        ([.null, .of(1.5)], "<nil> 1.5"),
    ])
    func sprint(_ args: [GoValue], _ want: String) {
        #expect(GoFmt.sprint(args) == want)
    }

    @Test("Sprintln always separates and ends with a newline")
    func sprintln() {
        #expect(GoFmt.sprintln([.string("a"), .of(1)]) == "a 1\n")
        #expect(GoFmt.sprintln([]) == "\n")
    }
}
