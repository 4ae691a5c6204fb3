import Foundation
import FluxAPI
import KubeModel
import StructuredData
import Testing

/// Objects that do not fit their Flux type are rejected with the JSON path and the reason.
@Suite("Decoding failures name the path")
struct DecodingErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var message: String
        var testDescription: String { fixture }
    }

    static let cases = [
        Case(fixture: "helmrelease-interval-number.yaml", message: "spec.interval: expected string, found number"),
        Case(fixture: "helmrelease-missing-chart.yaml", message: "spec.chart: required field is missing"),
        Case(fixture: "helmrelease-maxhistory-fraction.yaml", message: "spec.maxHistory: expected integer, found 1.5"),
        Case(fixture: "helmrelease-bad-crds-policy.yaml",
             message: #"spec.install.crds: Unsupported value: "Always": supported values: "Skip", "Create", "CreateReplace""#),
        Case(fixture: "kustomization-bad-source-kind.yaml",
             message: #"spec.sourceRef.kind: Unsupported value: "HelmRepository": supported values: "OCIRepository", "GitRepository", "Bucket""#),
        Case(fixture: "gitrepository-conditions-object.yaml", message: "status.conditions: expected array, found object"),
        Case(fixture: "receiver-resource-name-number.yaml", message: "spec.resources[1].name: expected string, found number"),
        Case(fixture: "imagepolicy-spec-string.yaml", message: "spec: expected object, found string"),
    ]

    @Test("a malformed object is rejected with its path and reason", arguments: cases)
    func rejects(_ c: Case) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/decoding/\(c.fixture)")
        let json = try YAML.parse(String(contentsOf: url, encoding: .utf8))
        let type = try #require(FluxResourceTypes.type(apiVersion: json["apiVersion"]?.stringValue ?? "", kind: json["kind"]?.stringValue ?? ""))
        #expect(throws: CodingFailure.self) { _ = try Self.decode(type, json) }
        do {
            _ = try Self.decode(type, json)
        } catch {
            #expect(error.description == c.message)
        }
    }

    static func decode<T: KubeResource>(_ type: T.Type, _ json: JSONValue) throws(CodingFailure) -> T { try T(json: json) }
}
