import StructuredData
import Testing
@testable import APIServerCore

@Suite("PATCH types")
struct PatchTypeTests {
    static let path = "/apis/apps/v1/namespaces/default/deployments/web"

    static func seed(_ api: KubeAPI) async throws {
        let body = try JSONParser.parse(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"side","image":"side:1"}]}}}}"#)
        _ = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", body)
    }

    @Test("kubectl's client-side apply strategic merge patch ($setElementOrder, $patch: delete)")
    func kubectlStrategicPatch() async throws {
        let api = try await KubeAPI.inMemory()
        try await Self.seed(api)
        let patch = try JSONParser.parse(#"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],"image":"nginx:1.26","name":"nginx"},{"$patch":"delete","name":"side"}]}}}}"#)
        let result = await api.call("PATCH", Self.path, patch, query: ["fieldManager": "kubectl-client-side-apply"],
                                    contentType: "application/strategic-merge-patch+json")
        #expect(result.code == 200)
        let containers = result.body["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
        #expect(containers.count == 1)
        #expect(containers.first?["image"] == "nginx:1.26")
        #expect(containers.first?["env"] == [["name": "A", "value": "1"], ["name": "C", "value": "3"]])
        #expect(result.body["metadata"]?["generation"] == 2)
        #expect(result.body.managers.contains("kubectl-client-side-apply/Update"))
    }

    @Test("JSON patch applies; a failed test is 422; merge patch null deletes")
    func jsonAndMergePatch() async throws {
        let api = try await KubeAPI.inMemory()
        try await Self.seed(api)
        let ok = await api.call("PATCH", Self.path, [["op": "replace", "path": "/spec/replicas", "value": 3]],
                                contentType: "application/json-patch+json")
        #expect(ok.code == 200)
        #expect(ok.body["spec"]?["replicas"] == 3)
        let failed = await api.call("PATCH", Self.path, [["op": "test", "path": "/spec/replicas", "value": 5]],
                                    contentType: "application/json-patch+json")
        #expect(failed.code == 422)
        let merged = await api.call("PATCH", Self.path, ["spec": ["revisionHistoryLimit": .null, "paused": true]],
                                    contentType: "application/merge-patch+json")
        #expect(merged.body["spec"]?["paused"] == true)
        #expect(merged.body["spec"]?["revisionHistoryLimit"] == 10)
    }

    @Test("/openapi/v2 lists a dryRun-capable PATCH per built-in kind (kubectl 1.20 diff)")
    func openAPIDocument() async throws {
        let api = try await KubeAPI.inMemory()
        let accept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
        guard case .raw(let code, let contentType, let body) = await api.handle(APIRequest(method: "GET", path: "/openapi/v2", accept: accept)) else {
            Issue.record("not a raw response")
            return
        }
        #expect(code == 200)
        #expect(contentType == "application/octet-stream")
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("/apis/apps/v1/namespaces/{namespace}/deployments/{name}"))
        #expect(text.contains("/api/v1/namespaces/{name}"))
        #expect(text.contains(#"{"group":"apps","kind":"Deployment","version":"v1"}"#))
        #expect(text.contains("dryRun"))
        #expect(body.first == 0x0a)
    }

    @Test("force on a non-apply patch is rejected")
    func forceOnMergePatch() async throws {
        let api = try await KubeAPI.inMemory()
        try await Self.seed(api)
        let result = await api.call("PATCH", Self.path, ["spec": ["paused": true]], query: ["force": "true"],
                                    contentType: "application/merge-patch+json")
        #expect(result.code == 422)
        #expect(result.body["message"] == "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch")
    }
}
