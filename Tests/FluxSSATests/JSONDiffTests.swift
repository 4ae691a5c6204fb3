import FluxSSA
import StructuredData
import Testing

/// `Fixtures/jsondiff.json`: inputs written for these tests, with the patches wI2L/jsondiff
/// (revision c85fb8ce3cac, pinned by fluxcd/pkg/ssa v0.36) produces for them.
struct JSONDiffCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rationalize: Bool
    var source: JSONValue
    var target: JSONValue
    var patch: JSONValue

    var testDescription: String { name }

    static let all: [JSONDiffCase] = ((try? Fixtures.json("jsondiff.json"))?.arrayValue ?? []).map { c in
        JSONDiffCase(name: c["name"]?.stringValue ?? "?", rationalize: c["rationalize"]?.boolValue ?? false,
                     source: c["source"] ?? .null, target: c["target"] ?? .null, patch: c["patch"] ?? .null)
    }
}

@Suite("JSON diff (wI2L/jsondiff semantics)")
struct JSONDiffTests {
    @Test("the fixture has every case")
    func fixtureLoads() {
        #expect(JSONDiffCase.all.count >= 19)
    }

    @Test(arguments: JSONDiffCase.all)
    func patchMatchesJSONDiff(_ c: JSONDiffCase) {
        let ops = JSONDiff.compare(c.source, c.target, rationalize: c.rationalize)
        #expect(ops.json.serialized() == c.patch.serialized())
    }

    @Test("applying a computed patch to the source yields the target", arguments: JSONDiffCase.all.filter { $0.name != "documents of different types at the root are an add of the whole document" })
    func patchApplies(_ c: JSONDiffCase) throws {
        let patched = try JSONDiff.compare(c.source, c.target, rationalize: c.rationalize).jsonPatch().apply(to: c.source)
        #expect(patched.isEqualAsJSON(to: c.target))
    }

    @Test("operations keep the replaced and removed values")
    func oldValues() {
        let ops = JSONDiff.compare(["a": 1, "b": [1, 2]], ["a": 2, "b": [1]])
        #expect(ops.map(\.oldValue) == [.int(1), .int(2)])
        #expect(ops.map(\.type) == [.replace, .remove])
    }
}
