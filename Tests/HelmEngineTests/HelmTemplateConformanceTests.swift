import Foundation
import HelmEngine
import SharedTestData
import Testing
@testable import SwiftFluxCLI

/// Helm v3.13.2's `helm template` goldens (cmd/helm/template_test.go), run through the CLI
/// code path; output (stdout then stderr) must match byte for byte.
@Suite("helm template conformance", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct HelmTemplateConformanceTests {
    static let root = SharedConformance.path("helm-v3.13.2")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var args: [String]
        var golden: String
        var wantError: Bool
        var testDescription: String { name }
    }

    static func cases() -> [Case] {
        guard let data = FileManager.default.contents(atPath: root + "/cases.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rows = json["cases"] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let name = row["name"] as? String, let golden = row["golden"] as? String else { return nil }
            return Case(name: name, args: row["args"] as? [String] ?? [], golden: golden,
                        wantError: row["wantError"] as? Bool ?? false)
        }
    }

    @Test("the case table is present and holds 23 goldens")
    func tableLoads() {
        #expect(Self.cases().count == 23)
    }

    @Test("helm template output matches the golden file", arguments: cases())
    func golden(_ testCase: Case) throws {
        var runner = HelmTemplateRunner(workingDirectory: Self.root)
        // cases.json: "Kubernetes version v1.20.0 unless --kube-version is given (Helm's built-in default under test)"
        runner.defaultKubeVersion = Capabilities.defaultKubeVersion
        let output = runner.run(testCase.args)
        let expected = try String(contentsOfFile: Self.root + "/" + testCase.golden, encoding: .utf8)
        #expect((output.status != 0) == testCase.wantError)
        #expect(output.combined == expected)
    }
}
