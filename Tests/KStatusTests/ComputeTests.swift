import Foundation
import GoCompat
import KStatus
import KubeModel
import StructuredData
import Testing

/// One row of a kstatus table fixture (`Fixtures/*.yaml`).
struct StatusCase: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var reader: String
    var now: GoTime
    var object: KubeObject
    var expected: StatusResult?
    var error: String?

    var testDescription: String { name }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let files = ["generic", "deployment", "statefulset", "daemonset", "replicaset", "pod", "job", "core"]

    /// Every case of every fixture file; a fixture that fails to load yields no cases (the count
    /// test below then fails).
    static let all: [StatusCase] = files.flatMap { (try? load($0)) ?? [] }

    static func load(_ file: String) throws -> [StatusCase] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(file + ".yaml"), encoding: .utf8)
        return try (YAML.parse(text).arrayValue ?? []).map { row in
            let status = row["status"]?.stringValue.flatMap(ResourceStatus.init(rawValue:))
            let message = row["message"]?.stringValue ?? ""
            var expected: StatusResult?
            if let status {
                var conditions: [Condition] = []
                let type = status == .inProgress ? "Reconciling" : status == .failed ? "Stalled" : nil
                if let type {
                    conditions = [Condition(type: type, status: .true, reason: row["reason"]?.stringValue ?? "",
                                            message: row["conditionMessage"]?.stringValue ?? message)]
                }
                expected = StatusResult(status: status, message: message, conditions: conditions)
            }
            let now = try row["now"]?.stringValue.map { try GoTime.parseRFC3339($0) } ?? GoTime(unixSeconds: 1_704_067_200)
            return StatusCase(name: row["name"]?.stringValue ?? "?", file: file, reader: row["reader"]?.stringValue ?? "compute",
                              now: now, object: KubeObject(row["object"] ?? .null), expected: expected,
                              error: row["error"]?.stringValue)
        }
    }

    func run() throws(KStatusError) -> StatusResult {
        switch reader {
        case "completedJob": return try StatusResult.completedJob(object)
        case "kustomizeController": return try StatusResult.kustomizeController(object)
        default: return try StatusResult.compute(object, now: now)
        }
    }
}

@Suite("kstatus Compute (cli-utils v0.36 tables)")
struct ComputeTests {
    @Test("every fixture file loads with its cases", arguments: StatusCase.files)
    func fixturesLoad(file: String) throws {
        #expect(try StatusCase.load(file).count >= 5)
    }

    @Test(arguments: StatusCase.all)
    func rule(_ c: StatusCase) {
        do {
            let result = try c.run()
            #expect(c.error == nil, "expected the error \(c.error ?? "")")
            #expect(result == c.expected)
        } catch {
            #expect(error.message == c.error)
        }
    }
}
