import Testing
import GoTemplate

/// Runs Go 1.21.1's own `text/template` execution table (`execTests`).
@Suite("Go exec conformance table")
struct ExecConformanceTests {
    struct Outcome: CustomStringConvertible {
        let row: ExecTable.Row
        let problem: String?
        var description: String { "\(row.name) [\(row.input ?? "")]: \(problem ?? "ok")" }
    }

    static func run(_ row: ExecTable.Row) -> Outcome? {
        guard ExecTable.unsupported[row.input ?? ""] == nil,
              let input = ExecTable.input(for: row),
              let data = ExecTable.data(row.data) else { return nil }
        var set = Template(name: row.name, functions: ExecTable.functions)
        do {
            try set.parse(input)
            let out = try set.execute(data: data)
            if !row.ok { return Outcome(row: row, problem: "expected an error, got \(out.debugDescription)") }
            if out != row.output { return Outcome(row: row, problem: "got \(out.debugDescription), want \(row.output.debugDescription)") }
            return Outcome(row: row, problem: nil)
        } catch {
            if row.ok { return Outcome(row: row, problem: "unexpected error: \(error)") }
            return Outcome(row: row, problem: nil)
        }
    }

    @Test("at least 90% of Go's 320 execution rows run and every row that runs passes",
          .enabled(if: ExecTable.conformanceFile("gotemplate/exec-go1.21.1.json") != nil,
                   "../shared/conformance is absent"))
    func table() throws {
        let rows = try ExecTable.load()
        try #require(rows.count == 320, "fixture ../shared/conformance/gotemplate/exec-go1.21.1.json changed")
        let outcomes = rows.compactMap(Self.run)
        let failures = outcomes.filter { $0.problem != nil }
        let skipped = rows.count - outcomes.count
        print("Go exec table: \(rows.count) rows, \(outcomes.count) run, \(outcomes.count - failures.count) passed, \(skipped) skipped")
        for f in failures { Issue.record("\(f)") }
        #expect(outcomes.count * 10 >= rows.count * 9)
        #expect(failures.isEmpty)
    }
}
