import StructuredData
import Testing
@testable import HelmEngine

/// Behaviours of Helm's `coalesce_test.go` (TestCoalesceValues, TestMergeValues,
/// TestCoalesceTables) on a chart tree built in code: moby → pequod → ahab, plus spouter.
@Suite("values coalescing")
struct CoalesceTests {
    static func yaml(_ text: String) -> JSONObject {
        (try? YAML.parse(text).helmNumbers.objectValue) ?? [:]
    }

    static func chart(_ name: String, values: String, dependencies: [Chart] = []) -> Chart {
        var metadata = ChartMetadata()
        metadata.name = name
        metadata.version = "1.0.0"
        metadata.apiVersion = "v2"
        var chart = Chart(metadata: metadata)
        chart.values = yaml(values)
        chart.dependencies = dependencies
        return chart
    }

    static let moby = chart("moby", values: """
        back: ground
        anchor: "anchor"
        nested:
          boat: true
        name: moby
        global:
          name: Ishmael
          subject: Queequeg
          nested:
            boat: true
        pequod:
          ahab:
            scope: whale
        """, dependencies: [
            chart("pequod", values: """
                name: pequod
                global:
                  name: Stinky
                  harpooner: Tashtego
                  nested:
                    boat: false
                    sail: true
                """, dependencies: [chart("ahab", values: "scope: ahab\nname: ahab\n")]),
            chart("spouter", values: "scope: spouter\n"),
        ])

    static let user = yaml("""
        name: Ishmael
        back: null
        global: {}
        bottom: null
        pequod:
          ahab:
            nested:
              foo: true
        """)

    @Test("user values win, null deletes chart defaults, globals flow down with the parent winning")
    func coalesceValues() throws {
        let v = try Coalesce.coalesceValues(Self.moby, Self.user)
        let value = JSONValue.object(v)
        #expect(value[dotted: "name"] == .string("Ishmael"))
        #expect(v["back"] == nil)                                  // null deletes a default
        #expect(v.keys.contains("bottom"))                          // null for an undefined key stays
        #expect(value[dotted: "anchor"] == .string("anchor"))
        #expect(value[dotted: "pequod.name"] == .string("pequod"))
        #expect(value[dotted: "pequod.ahab.scope"] == .string("whale"))
        #expect(value[dotted: "pequod.ahab.name"] == .string("ahab"))
        #expect(value[dotted: "pequod.ahab.nested.foo"] == .bool(true))
        #expect(value[dotted: "pequod.global.name"] == .string("Ishmael"))     // parent global wins
        #expect(value[dotted: "pequod.global.harpooner"] == .string("Tashtego"))
        #expect(value[dotted: "pequod.global.subject"] == .string("Queequeg"))
        #expect(value[dotted: "pequod.global.nested.boat"] == .bool(true))
        #expect(value[dotted: "pequod.global.nested.sail"] == .bool(true))
        #expect(value[dotted: "pequod.ahab.global.name"] == .string("Ishmael"))
        #expect(value[dotted: "spouter.global.name"] == .string("Ishmael"))
        #expect(value[dotted: "spouter.scope"] == .string("spouter"))
        #expect(value[dotted: "global.harpooner"] == nil)                    // globals never flow up
    }

    @Test("merge mode keeps nulls instead of deleting")
    func mergeValuesKeepsNulls() throws {
        let v = try Coalesce.mergeValues(Self.moby, Self.user)
        #expect(v["back"] == .null)
        #expect(v["bottom"] == .null)
    }

    @Test("coalesceTables: dst wins, nested tables merge, null in dst deletes")
    func coalesceTables() {
        let dst = Self.yaml("name: Ishmael\naddress:\n  street: 123 Spouter Inn Ct.\n  city: null\nboat: null\n")
        let src = Self.yaml("occupation: whaler\naddress:\n  state: MA\n  city: Nantucket\nboat: pequod\n")
        let merged = JSONValue.object(Coalesce.coalesceTables(dst, src))
        #expect(merged[dotted: "name"] == .string("Ishmael"))
        #expect(merged[dotted: "occupation"] == .string("whaler"))
        #expect(merged[dotted: "address.state"] == .string("MA"))
        #expect(merged[dotted: "address.street"] == .string("123 Spouter Inn Ct."))
        #expect(merged["address"]?["city"] == nil)
        #expect(merged["boat"] == nil)
    }

    @Test("a non-table user value for a subchart is a type mismatch")
    func subchartTypeMismatch() {
        #expect(throws: HelmError.self) {
            _ = try Coalesce.coalesceValues(Self.moby, ["pequod": .string("boat")])
        }
    }

    @Test("a user null for a subchart default removes it from the subchart's values")
    func subchartNullDeletes() throws {
        let v = JSONValue.object(try Coalesce.coalesceValues(Self.moby, Self.yaml("pequod:\n  name: null\n")))
        #expect(v["pequod"]?.objectValue?.keys.contains("name") == false)
        #expect(v[dotted: "pequod.ahab.scope"] == .string("whale"))
    }
}
