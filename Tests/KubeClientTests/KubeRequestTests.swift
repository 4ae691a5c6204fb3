import KubeModel
import Testing
import StructuredData
@testable import KubeClient

@Suite("Request building (pure)")
struct KubeRequestTests {
    static let cm = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)
    static let ns = APIResource(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
    static let hr = APIResource(group: "helm.toolkit.fluxcd.io", version: "v2beta2", resource: "helmreleases",
                                kind: "HelmRelease", namespaced: true)

    static func build(_ id: String) throws -> KubeRequest {
        switch id {
        case "get": return try .get(cm, namespace: "default", name: "c")
        case "get-cluster": return try .get(ns, namespace: "ignored", name: "flux-system")
        case "get-status": return try .get(hr, namespace: "a", name: "b", subresource: "status")
        case "list-selector":
            return try .list(cm, namespace: nil, options: ListOptions(labelSelector: "owner=helm,name in (a,b)", limit: 500))
        case "list-continue":
            return try .list(cm, namespace: "x", options: ListOptions(fieldSelector: "metadata.name=c", continueToken: "tok=="))
        case "watch": return try .watch(cm, namespace: "x", options: WatchOptions(resourceVersion: "42", timeoutSeconds: 300))
        case "create-dry-run": return .create(cm, namespace: "x", object: [:], options: WriteOptions(dryRun: true))
        case "update-status": return try .update(hr, namespace: "a", name: "b", object: [:], subresource: "status")
        case "apply-force":
            return try .patch(cm, namespace: "x", name: "c", type: .apply(force: true), body: [:],
                              options: WriteOptions(fieldManager: "kustomize-controller"))
        case "delete-dry-run": return try .delete(cm, namespace: "x", name: "c", options: DeleteOptions(dryRun: true))
        case "apply-no-manager": return try .patch(cm, namespace: "x", name: "c", type: .apply(force: false), body: [:])
        case "get-no-name": return try .get(cm, namespace: "x", name: "")
        case "bad-label": return try .list(cm, namespace: "x", options: ListOptions(labelSelector: "a b"))
        case "bad-field": return try .list(cm, namespace: "x", options: ListOptions(fieldSelector: "nope"))
        default: throw KubeClientError.invalidRequest("unknown test case \(id)")
        }
    }

    @Test("builds method, path and query for every verb", arguments: [
        ("get", "GET /api/v1/namespaces/default/configmaps/c"),
        ("get-cluster", "GET /api/v1/namespaces/flux-system"),
        ("get-status", "GET /apis/helm.toolkit.fluxcd.io/v2beta2/namespaces/a/helmreleases/b/status"),
        ("list-selector", "GET /api/v1/configmaps?labelSelector=owner%3Dhelm%2Cname%20in%20%28a%2Cb%29&limit=500"),
        ("list-continue", "GET /api/v1/namespaces/x/configmaps?fieldSelector=metadata.name%3Dc&continue=tok%3D%3D"),
        ("watch", "GET /api/v1/namespaces/x/configmaps?watch=true&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=300"),
        ("create-dry-run", "POST /api/v1/namespaces/x/configmaps?dryRun=All"),
        ("update-status", "PUT /apis/helm.toolkit.fluxcd.io/v2beta2/namespaces/a/helmreleases/b/status"),
        ("apply-force", "PATCH /api/v1/namespaces/x/configmaps/c?fieldManager=kustomize-controller&force=true"),
        ("delete-dry-run", "DELETE /api/v1/namespaces/x/configmaps/c?dryRun=All"),
    ])
    func builds(id: String, expected: String) throws {
        #expect(try Self.build(id).description == expected)
    }

    @Test("sets the content type of each patch type", arguments: [
        (PatchType.json, "application/json-patch+json"), (.merge, "application/merge-patch+json"),
        (.strategic, "application/strategic-merge-patch+json"), (.apply(force: false), "application/apply-patch+yaml"),
    ])
    func patchContentType(type: PatchType, contentType: String) throws {
        let r = try KubeRequest.patch(Self.cm, namespace: "x", name: "c", type: type, body: [:],
                                      options: WriteOptions(fieldManager: "m"))
        #expect(r.header("content-type") == contentType)
    }

    @Test("rejects requests that cannot be valid before sending them", arguments: [
        ("apply-no-manager", "fieldManager is required for apply patch"),
        ("get-no-name", "resource name may not be empty (get)"),
        ("bad-label", "invalid label selector \"a b\": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("bad-field", "invalid field selector \"nope\": invalid selector: 'nope'; can't understand 'nope'"),
    ])
    func rejects(id: String, message: String) {
        #expect { _ = try Self.build(id) } throws: { ($0 as? KubeClientError)?.description == message }
    }

    @Test("delete sends DeleteOptions in the body")
    func deleteBody() throws {
        let r = try KubeRequest.delete(Self.cm, namespace: "x", name: "c",
                                       options: DeleteOptions(propagationPolicy: "Foreground", preconditionResourceVersion: "7"))
        #expect(String(decoding: r.body ?? [], as: UTF8.self)
            == #"{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"7"},"propagationPolicy":"Foreground"}"#)
    }

    @Test("token bucket allows a burst then paces at QPS")
    func tokenBucket() {
        var bucket = TokenBucket(qps: 5, burst: 2)
        let waits = [0.0, 0.0, 0.0, 0.0].map { bucket.reserve(at: $0) }
        #expect(waits.map { ($0 * 1000).rounded() } == [0, 0, 200, 400])
        #expect(bucket.reserve(at: 10) == 0)
    }
}

@Suite("HTTP transport configuration")
struct HTTPTransportConfigTests {
    @Test("invalid PEM material is reported by field", arguments: [
        (ClientConfig(server: "https://k", caData: Array("not a pem".utf8)), "unable to load certificate-authority data"),
        (ClientConfig(server: "https://k", clientCertificateData: Array("x".utf8), clientKeyData: Array("y".utf8)),
         "unable to load client certificate data"),
    ])
    func invalidPEM(config: ClientConfig, prefix: String) {
        #expect { _ = try HTTPTransport(config: config) } throws: {
            ($0 as? KubeClientError)?.description.hasPrefix(prefix) == true
        }
    }
}
