import Testing
import GoTemplate
import OrderedCollections

/// Property: no template text and no data crash the process; every failure is a thrown
/// `GoTemplateError`. Deterministic (seeded) so failures reproduce.
@Suite("Fuzz: parse and execute never crash")
struct FuzzTests {
    /// SplitMix64.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    }

    static let fragments = [
        "{{", "}}", "{{-", "-}}", " ", "\n", ".", ".a", ".b.c", "$", "$x", ":=", "=", "|", "(", ")", "\"s\"", "`r`",
        "'c'", "1", "-2", "0x1F", "1.5", "1e3", "2i", "nil", "true", "false", "if", "else", "end", "range", "with",
        "define \"d\"", "template \"d\"", "block \"b\" .", "break", "continue", "and", "or", "not", "len", "index",
        "slice", "print", "printf \"%v %d %s\"", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery",
        "call", "/*", "*/", ",", "text", "%", "\\", "\"", "é", "\u{0}", "{{/* c */}}",
    ]

    static func randomTemplate(_ r: inout RNG) -> String {
        var s = ""
        for _ in 0..<r.int(40) { s += r.pick(fragments) }
        return s
    }

    static func structuredTemplate(_ r: inout RNG) -> String {
        let operands = [".", ".a", ".b.c", "$", "1", "\"x\"", "nil", "(len .a)", "(index .b \"c\")", "$.a", "2.5", "true"]
        let funcs = ["and", "or", "not", "len", "index", "slice", "print", "printf \"%v\"", "eq", "lt", "html", "call", "js"]
        func pipe(_ r: inout RNG) -> String {
            var p = r.int(2) == 0 ? r.pick(operands) : r.pick(funcs) + " " + r.pick(operands) + " " + r.pick(operands)
            if r.int(3) == 0 { p += " | " + r.pick(funcs) }
            return p
        }
        var s = ""
        for _ in 0..<r.int(8) {
            switch r.int(6) {
            case 0: s += "{{ \(pipe(&r)) }}"
            case 1: s += "{{ if \(pipe(&r)) }}y{{ else }}n{{ end }}"
            case 2: s += "{{ range $i, $e := \(pipe(&r)) }}[{{ $i }}:{{ $e }}]{{ end }}"
            case 3: s += "{{ with \(pipe(&r)) }}<{{ . }}>{{ end }}"
            case 4: s += "{{ $v := \(pipe(&r)) }}{{ $v }}"
            default: s += "text "
            }
        }
        return s
    }

    static func randomValue(_ r: inout RNG, depth: Int = 0) -> GoValue {
        switch r.int(depth > 3 ? 8 : 11) {
        case 0: return .invalid
        case 1: return .null
        case 2: return .bool(r.int(2) == 0)
        case 3: return .of(r.int(200) - 100)
        case 4: return .of(Double(r.int(2_000_000)) / 7)
        case 5: return .string(r.pick(["", "x", "héllo", "a b", "<&>"]))
        case 6: return .uint(UInt64(r.int(10)), .uint8)
        case 7: return .bytes(Array("hi".utf8))
        case 8: return .list((0..<r.int(4)).map { _ in randomValue(&r, depth: depth + 1) })
        default:
            var m = OrderedDictionary<String, GoValue>()
            for k in ["a", "b", "c", "d"].prefix(r.int(5)) { m[k] = randomValue(&r, depth: depth + 1) }
            return .map(m)
        }
    }

    @Test("random token soup and random data never crash", arguments: [1, 2, 3, 4])
    func tokenSoup(seed: Int) {
        var r = RNG(state: UInt64(seed))
        var parsed = 0
        for _ in 0..<1500 {
            var t = Template(name: "fuzz", options: .init(missingKey: r.pick([.invalid, .zero, .error])))
            let text = Self.randomTemplate(&r)
            do {
                try t.parse(text)
                parsed += 1
                _ = try? t.execute(data: Self.randomValue(&r))
            } catch {
                #expect(error is GoTemplateError)
            }
        }
        #expect(parsed > 0)
    }

    @Test("well-formed random templates over random data never crash", arguments: [5, 6, 7, 8])
    func structured(seed: Int) throws {
        var r = RNG(state: UInt64(seed))
        var executed = 0
        for _ in 0..<1500 {
            var t = Template(name: "fuzz", options: .init(missingKey: r.pick([.invalid, .zero, .error])))
            try t.parse(Self.structuredTemplate(&r))
            do {
                _ = try t.execute(data: Self.randomValue(&r))
                executed += 1
            } catch {
                #expect(error is GoTemplateError)
            }
        }
        #expect(executed > 0)
    }

    @Test("pathological nesting fails cleanly", arguments: [
        String(repeating: "(", count: 200_000) + "1" + String(repeating: ")", count: 200_000),
        String(repeating: "{{if 1}}", count: 100_000),
    ])
    func nesting(_ body: String) {
        var t = Template(name: "deep")
        let text = body.hasPrefix("(") ? "{{" + body + "}}" : body
        #expect(throws: GoTemplateError.self) {
            try t.parse(text)
            _ = try t.execute(data: .invalid)
        }
    }
}
