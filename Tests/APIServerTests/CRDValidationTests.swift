import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// Custom resources are validated against their CRD's `openAPIV3Schema` with kube-apiserver's 422
/// messages, on create and on patches.
@Suite("CRD schema validation")
struct CRDValidationTests {
    static let path = "/apis/example.com/v2/namespaces/default/releases"

    static func api() async throws -> KubeAPI {
        let api = try await KubeAPI.inMemory()
        let crd = try YAML.parse(fixture("releases-crd.yaml"))
        #expect(await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code == 201)
        return api
    }

    static func release(_ spec: JSONValue) -> JSONValue {
        ["apiVersion": "example.com/v2", "kind": "Release", "metadata": ["name": "r"], "spec": spec]
    }

    @Test("invalid specs are refused with the upstream message", arguments: [
        (["interval": "5 minutes", "chart": "c"] as JSONValue,
         #"Release.example.com "r" is invalid: spec.interval: Invalid value: "5 minutes": spec.interval in body should match '^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$'"#),
        (["chart": "c"], #"Release.example.com "r" is invalid: spec.interval: Required value"#),
        (["interval": "5m", "chart": "a-very-long-chart"], #"Release.example.com "r" is invalid: spec.chart: Too long: may not be longer than 10"#),
        (["interval": "5m", "chart": "c", "replicas": 9],
         #"Release.example.com "r" is invalid: spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5"#),
        (["interval": "5m", "chart": "c", "mode": "medium"],
         #"Release.example.com "r" is invalid: spec.mode: Unsupported value: "medium": supported values: "fast", "slow""#),
        (["interval": "5m", "chart": "c", "tags": ["a", "b", "c"]],
         #"Release.example.com "r" is invalid: spec.tags: Too many: 3: must have at most 2 items"#),
        (["interval": "5m", "chart": "c", "port": true],
         #"Release.example.com "r" is invalid: spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean""#),
    ] as [(JSONValue, String)])
    func refused(spec: JSONValue, message: String) async throws {
        let api = try await Self.api()
        let result = await api.call("POST", Self.path, Self.release(spec))
        #expect(result.code == 422)
        #expect(result.body["message"]?.stringValue == message)
    }

    @Test("valid specs are stored: durations, int-or-string, nullable")
    func accepted() async throws {
        let api = try await Self.api()
        let created = await api.call("POST", Self.path, Self.release(["interval": "1h30m", "chart": "c", "port": "http", "note": nil]))
        #expect(created.code == 201, "\(created.body)")
        let patched = await api.call("PATCH", "\(Self.path)/r", ["spec": ["interval": "5 minutes"]], contentType: "application/merge-patch+json")
        #expect(patched.code == 422)
        #expect(await api.call("GET", "\(Self.path)/r").body["spec"]?["interval"] == "1h30m")
    }
}
