import Testing
import GoTemplate
import OrderedCollections

/// Go's `exec_test.go` `cmpTests`, run as `{{if EXPR}}true{{else}}false{{end}}` against Go's
/// `cmpStruct` (rows on pointers, struct values and a non-nil Stringer are not modelled).
@Suite("Comparison functions")
struct ComparisonTests {
    struct CmpStruct: GoObject {
        var goType: GoType { .pointer(to: .structure("struct { Uthree uint; Ufour uint; NegOne int; Three int }")) }
        var fieldNames: [String] { ["Uthree", "Ufour", "NegOne", "Three", "NonNilMap", "Map", "NilIface"] }
        func field(_ name: String) -> GoValue? {
            switch name {
            case "Uthree": return .uint(3, .uint)
            case "Ufour": return .uint(4, .uint)
            case "NegOne": return .of(-1)
            case "Three": return .of(3)
            case "NonNilMap": return .map(GoMap(type: .map(key: .int, elem: .int), entries: [:]))
            case "Map": return .nilValue(.map(key: .int, elem: .int))
            case "NilIface": return .nilValue(.stringer)
            default: return nil
            }
        }
    }

    static let ok: [(String, String)] = [
        ("eq true true", "true"), ("eq true false", "false"), ("eq 1+2i 1+2i", "true"), ("eq 1+2i 1+3i", "false"),
        ("eq 1.5 1.5", "true"), ("eq 1.5 2.5", "false"), ("eq 1 1", "true"), ("eq 1 2", "false"),
        ("eq `xy` `xy`", "true"), ("eq `xy` `xyz`", "false"), ("eq .Uthree .Uthree", "true"), ("eq .Uthree .Ufour", "false"),
        ("eq 3 4 5 6 3", "true"), ("eq 3 4 5 6 7", "false"),
        ("ne true true", "false"), ("ne true false", "true"), ("ne 1+2i 1+2i", "false"), ("ne 1+2i 1+3i", "true"),
        ("ne 1.5 1.5", "false"), ("ne 1.5 2.5", "true"), ("ne 1 1", "false"), ("ne 1 2", "true"),
        ("ne `xy` `xy`", "false"), ("ne `xy` `xyz`", "true"), ("ne .Uthree .Uthree", "false"), ("ne .Uthree .Ufour", "true"),
        ("lt 1.5 1.5", "false"), ("lt 1.5 2.5", "true"), ("lt 1 1", "false"), ("lt 1 2", "true"),
        ("lt `xy` `xy`", "false"), ("lt `xy` `xyz`", "true"), ("lt .Uthree .Uthree", "false"), ("lt .Uthree .Ufour", "true"),
        ("le 1.5 1.5", "true"), ("le 1.5 2.5", "true"), ("le 2.5 1.5", "false"), ("le 1 1", "true"), ("le 1 2", "true"),
        ("le 2 1", "false"), ("le `xy` `xy`", "true"), ("le `xy` `xyz`", "true"), ("le `xyz` `xy`", "false"),
        ("le .Uthree .Uthree", "true"), ("le .Uthree .Ufour", "true"), ("le .Ufour .Uthree", "false"),
        ("gt 1.5 1.5", "false"), ("gt 1.5 2.5", "false"), ("gt 1 1", "false"), ("gt 2 1", "true"), ("gt 1 2", "false"),
        ("gt `xy` `xy`", "false"), ("gt `xy` `xyz`", "false"), ("gt .Uthree .Uthree", "false"), ("gt .Uthree .Ufour", "false"),
        ("gt .Ufour .Uthree", "true"),
        ("ge 1.5 1.5", "true"), ("ge 1.5 2.5", "false"), ("ge 2.5 1.5", "true"), ("ge 1 1", "true"), ("ge 1 2", "false"),
        ("ge 2 1", "true"), ("ge `xy` `xy`", "true"), ("ge `xy` `xyz`", "false"), ("ge `xyz` `xy`", "true"),
        ("ge .Uthree .Uthree", "true"), ("ge .Uthree .Ufour", "false"), ("ge .Ufour .Uthree", "true"),
        ("eq .Uthree .Three", "true"), ("eq .Three .Uthree", "true"), ("le .Uthree .Three", "true"), ("le .Three .Uthree", "true"),
        ("ge .Uthree .Three", "true"), ("ge .Three .Uthree", "true"), ("lt .Uthree .Three", "false"), ("lt .Three .Uthree", "false"),
        ("gt .Uthree .Three", "false"), ("gt .Three .Uthree", "false"), ("eq .Ufour .Three", "false"), ("lt .Ufour .Three", "false"),
        ("gt .Ufour .Three", "true"), ("eq .NegOne .Uthree", "false"), ("eq .Uthree .NegOne", "false"),
        ("ne .NegOne .Uthree", "true"), ("ne .Uthree .NegOne", "true"), ("lt .NegOne .Uthree", "true"),
        ("lt .Uthree .NegOne", "false"), ("le .NegOne .Uthree", "true"), ("le .Uthree .NegOne", "false"),
        ("gt .NegOne .Uthree", "false"), ("gt .Uthree .NegOne", "true"), ("ge .NegOne .Uthree", "false"),
        ("ge .Uthree .NegOne", "true"),
        ("eq (index `x` 0) 'x'", "true"), ("eq (index `x` 0) 'y'", "false"),
        ("eq .NilIface .NilIface", "true"), ("eq .NilIface 0", "false"), ("eq 0 .NilIface", "false"),
        ("eq .Map .Map", "true"), ("eq .Map nil", "true"), ("eq nil .Map", "true"), ("eq .Map .NonNilMap", "false"),
    ]

    static let failing: [(String, String)] = [
        ("eq `xy` 1", "incompatible types for comparison"),
        ("eq 2 2.0", "incompatible types for comparison"),
        ("lt true true", "invalid type for comparison"),
        ("lt 1+0i 1+0i", "invalid type for comparison"),
        ("eq .NonNilMap .NonNilMap", "non-comparable type"),
        ("lt nil 1", "invalid type for comparison"),
        ("eq 1", "missing argument for comparison"),
    ]

    static func run(_ expr: String) throws -> String {
        var t = Template(name: "empty")
        try t.parse("{{if \(expr)}}true{{else}}false{{end}}")
        return try t.execute(data: .object(CmpStruct()))
    }

    @Test("comparisons that succeed give Go's truth value", arguments: ok)
    func succeeds(_ expr: String, _ truth: String) throws {
        #expect(try Self.run(expr) == truth, "\(expr)")
    }

    @Test("comparisons Go rejects fail with Go's message", arguments: failing)
    func fails(_ expr: String, _ message: String) {
        do {
            let out = try Self.run(expr)
            Issue.record("\(expr) did not error; got \(out)")
        } catch {
            #expect("\(error)".contains("error calling \(expr.split(separator: " ")[0]): \(message)"), "\(error)")
        }
    }
}
