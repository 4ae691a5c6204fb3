import Foundation
import GoTemplate
import OrderedCollections

/// Loads Go's execution table and turns each row's Go `data` expression into a `GoValue`.
enum ExecTable {
    struct Row: Sendable {
        let name: String
        let input: String?
        let output: String
        let data: String
        let ok: Bool
    }

    /// Locates a file under `shared/conformance` by walking up from this source file.
    static func conformanceFile(_ relative: String) -> URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("shared/conformance").appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func load() throws -> [Row] {
        guard let url = conformanceFile("gotemplate/exec-go1.21.1.json") else { return [] }
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
        return raw.map { r in
            Row(name: r["name"] as? String ?? "", input: r["input"] as? String, output: r["output"] as? String ?? "",
                data: r["data"] as? String ?? "nil", ok: (r["ok"] as? String) == "true")
        }
    }

    /// Inputs Go computes at run time (`bigInt`, `bigUint` on 64-bit).
    static func input(for row: Row) -> String? {
        if let i = row.input { return i }
        switch (row.name, row.ok) {
        case ("ideal int", true): return "{{typeOf 0x7fffffffffffffff}}"
        case ("ideal too big", false): return "{{typeOf 0x8000000000000000}}"
        default: return nil
        }
    }

    /// Rows this harness cannot express, by input, with the reason (none at present).
    static let unsupported: [String: String] = [:]

    static func data(_ expr: String) -> GoValue? {
        switch expr {
        case "nil": return .invalid
        case "tVal", "&iVal": return TVal.value
        case "T{}": return TVal.zero
        case "tSliceOfNil":
            return .list(GoList(type: .slice(of: .pointer(to: TVal.tType)), items: [.object(TObject(fields: [:], isNil: true))]))
        case "uint(14)": return .uint(14, .uint)
        case "15.1": return .of(15.1)
        case "true": return .bool(true)
        case "16.2 - 17i": return .complex(16.2, -17, .complex128)
        case "\"hello\"": return .string("hello")
        case "[]int{-1, -2, -3}": return TVal.ints([-1, -2, -3])
        case "map[string]int{\"two\": 22}": return TVal.msi([("two", 22)])
        case "`It'd be nice.`": return .string("It'd be nice.")
        case "map[string]string{\"cause\": \"neglect\"}": return TVal.strMap(.string, [("cause", "neglect")])
        case "map[string]any{\"S\": bytes.NewBufferString(\"foozle\")}":
            return .map(["S": .object(Stringish(type: .pointer(to: .structure("bytes.Buffer")), method: "String", text: "foozle"))])
        default:
            break
        }
        if expr.hasPrefix("struct {") { return .object(AnonStruct()) }
        if expr.count == 3, expr.hasPrefix("'"), expr.hasSuffix("'"), let c = expr.unicodeScalars.dropFirst().first {
            return .int(Int64(c.value), .int32)
        }
        if let i = Int(expr) { return .of(i) }
        return nil
    }

    static func str(_ v: GoValue) -> String { if case .string(let s) = v { return s }; return "" }

    /// The test-only functions of `exec_test.go`.
    static let functions: [String: GoFunction] = [
        "add": GoFunction("add", parameters: [], variadic: .int, result: .int) { a, _ in
            .of(a.reduce(0) { s, v in if case .int(let i, _) = v { return s + Int(i) }; return s })
        },
        "count": GoFunction("count", parameters: [.int], result: .sliceOfString) { a, _ in
            guard case .int(let n, _) = a[0], n >= 0, n < 26 else { return .invalid }
            let letters = Array("abcdefghijklmnopqrstuvwxyz").prefix(Int(n)).map { GoValue.string(String($0)) }
            return .list(GoList(type: .sliceOfString, items: letters))
        },
        "dddArg": GoFunction("dddArg", parameters: [.int], variadic: .string, result: .string) { a, _ in
            .string(a.dropFirst().map(str).joined(separator: " "))
        },
        "die": GoFunction("die", parameters: [], result: .bool) { _, _ in throw GoTemplateError.function("die") },
        "echo": GoFunction("echo", parameters: [.any], result: .any) { a, _ in a[0] },
        "makemap": GoFunction("makemap", parameters: [], variadic: .string, result: .mapStringString) { a, _ in
            var m = OrderedDictionary<String, GoValue>()
            var i = 0
            while i + 1 < a.count { m[str(a[i])] = a[i + 1]; i += 2 }
            return .map(GoMap(type: .mapStringString, entries: m))
        },
        "mapOfThree": GoFunction("mapOfThree", parameters: [], result: .any) { _, _ in TVal.msi([("three", 3)]) },
        "oneArg": GoFunction("oneArg", parameters: [.string], result: .string) { a, _ in .string("oneArg=" + str(a[0])) },
        "returnInt": GoFunction("returnInt", parameters: [], result: .int) { _, _ in .of(7) },
        "stringer": GoFunction("stringer", parameters: [.stringer], result: .string) { a, ctx in
            guard case .object(let o) = a[0], let m = o.method("String") else { return .string("") }
            return try m.body([], ctx)
        },
        "twoArgs": GoFunction("twoArgs", parameters: [.string, .string], result: .string) { a, _ in
            .string("twoArgs=" + str(a[0]) + str(a[1]))
        },
        "typeOf": GoFunction("typeOf", parameters: [.any], result: .string) { a, _ in .string(GoFmt.sprintf("%T", a)) },
        "valueString": GoFunction("valueString", parameters: [.string], result: .string) { _, _ in .string("value is ignored") },
        "vfunc": GoFunction("vfunc", parameters: [TVal.vType, .pointer(to: TVal.vType)], result: .string) { _, _ in .string("vfunc") },
        "zeroArgs": GoFunction("zeroArgs", parameters: [], result: .string) { _, _ in .string("zeroArgs") },
    ]
}

/// `struct { a int; b string }{7, "seven"}`.
struct AnonStruct: GoObject {
    var goType: GoType { .structure("struct { a int; b string }") }
    var fieldNames: [String] { ["a", "b"] }
    /// Unexported: printable by fmt, not reachable from templates.
    func field(_ name: String) -> GoValue? { name == "a" ? .of(7) : name == "b" ? .string("seven") : nil }
}
