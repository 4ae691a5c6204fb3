import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// Structure of the `/openapi/v2` and `/openapi/v3` documents, read in process.
@Suite("OpenAPI documents")
struct OpenAPIDocumentTests {
    static func raw(_ api: KubeAPI, _ path: String, accept: String? = nil) async -> (code: Int, contentType: String, body: [UInt8]) {
        let response = await api.handle(APIRequest(method: "GET", path: path, accept: accept))
        switch response {
        case .raw(let code, let contentType, let body), .document(let code, let contentType, let body, _):
            return (code, contentType, body)
        default:
            return (response.code, "", [])
        }
    }

    static func json(_ api: KubeAPI, _ path: String) async throws -> JSONValue {
        try JSONParser.parse(bytes: await raw(api, path).body)
    }

    /// Every `$ref` in `value`.
    static func references(_ value: JSONValue) -> [String] {
        switch value {
        case .object(let fields):
            return fields.flatMap { key, v in key == "$ref" ? [v.stringValue ?? ""] : references(v) }
        case .array(let items): return items.flatMap(references)
        default: return []
        }
    }

    @Test("v2 JSON lists every built-in kind with its group-version-kind, and every reference resolves")
    func v2Definitions() async throws {
        let api = try await KubeAPI.inMemory()
        let doc = try await Self.json(api, "/openapi/v2")
        #expect(doc["swagger"] == "2.0")
        let definitions = doc["definitions"]?.objectValue ?? [:]
        for type in BuiltinResources.all {
            let name = BuiltinSchemas.package(group: type.group, version: type.version) + "." + type.kind
            #expect(definitions[name]?["x-kubernetes-group-version-kind"] == [["group": .string(type.group), "kind": .string(type.kind), "version": .string(type.version)]], "\(name)")
            #expect(definitions[name + "List"] != nil, "\(name)List")
        }
        for name in ["io.k8s.api.rbac.v1.ClusterRole", "io.k8s.api.networking.v1.Ingress", "io.k8s.api.coordination.v1.Lease",
                     "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", "io.k8s.api.policy.v1.PodDisruptionBudget",
                     "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
                     "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.api.core.v1.PodSpec"] {
            #expect(definitions[name] != nil, "\(name)")
        }
        #expect(definitions["io.k8s.api.apps.v1.DeploymentSpec"]?["required"] == ["selector", "template"])
        #expect(definitions["io.k8s.api.core.v1.PodSpec"]?["properties"]?["containers"]?["x-kubernetes-patch-merge-key"] == "name")
        #expect(definitions["io.k8s.api.core.v1.PodSpec"]?["properties"]?["containers"]?["items"] == ["$ref": "#/definitions/io.k8s.api.core.v1.Container"])
        #expect(definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]?["format"] == "int-or-string")
        for ref in Self.references(doc) {
            #expect(ref.hasPrefix("#/definitions/") && definitions[String(ref.dropFirst("#/definitions/".count))] != nil, "\(ref)")
        }
    }

    @Test("v2 PATCH operations carry the group-version-kind and a dryRun query parameter, and no fieldValidation")
    func v2PatchOperations() async throws {
        let api = try await KubeAPI.inMemory()
        let doc = try await Self.json(api, "/openapi/v2")
        let patch = doc["paths"]?["/api/v1/namespaces/{namespace}/configmaps/{name}"]?["patch"]
        #expect(patch?["x-kubernetes-group-version-kind"] == ["group": "", "kind": "ConfigMap", "version": "v1"])
        let names = patch?["parameters"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("dryRun"))
        #expect(!names.contains("fieldValidation"))
        #expect(doc["paths"]?["/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}"]?["patch"] != nil)
    }

    @Test("v2 protobuf is served as application/octet-stream when protobuf is accepted, JSON otherwise")
    func v2ContentTypes() async throws {
        let api = try await KubeAPI.inMemory()
        let proto = await Self.raw(api, "/openapi/v2", accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
        #expect(proto.code == 200 && proto.contentType == "application/octet-stream")
        #expect(proto.body.first == 0x0a)  // field 1 (swagger), length-delimited
        #expect(String(decoding: proto.body, as: UTF8.self).contains("io.k8s.api.apps.v1.Deployment"))
        let json = await Self.raw(api, "/openapi/v2", accept: "application/json")
        #expect(json.contentType == "application/json" && json.body.first == UInt8(ascii: "{"))
    }

    @Test("v3 discovery lists each group-version with a hash that matches its document")
    func v3Discovery() async throws {
        let api = try await KubeAPI.inMemory()
        let discovery = try await Self.json(api, "/openapi/v3")
        let paths = discovery["paths"]?.objectValue ?? [:]
        #expect(paths["api/v1"] != nil && paths["apis/apps/v1"] != nil && paths["apis/apiextensions.k8s.io/v1"] != nil)
        let url = paths["apis/apps/v1"]?["serverRelativeURL"]?.stringValue ?? ""
        #expect(url.hasPrefix("/openapi/v3/apis/apps/v1?hash="))
        let hash = String(url.split(separator: "=").last ?? "")
        #expect(hash.count == 128)
        let doc = await Self.raw(api, "/openapi/v3/apis/apps/v1")
        #expect(await api.openAPI.snapshot(api.registry).v3["apis/apps/v1"]?.hash == hash)
        let parsed = try JSONParser.parse(bytes: doc.body)
        #expect(parsed["openapi"] == "3.0.0")
        let schemas = parsed["components"]?["schemas"]?.objectValue ?? [:]
        #expect(schemas["io.k8s.api.apps.v1.Deployment"]?["x-kubernetes-group-version-kind"] == [["group": "apps", "kind": "Deployment", "version": "v1"]])
        #expect(schemas["io.k8s.api.core.v1.ConfigMap"] == nil)
        #expect(schemas["io.k8s.api.apps.v1.DeploymentSpec"]?["properties"]?["template"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec"]])
        for ref in Self.references(parsed) {
            #expect(ref.hasPrefix("#/components/schemas/") && schemas[String(ref.dropFirst("#/components/schemas/".count))] != nil, "\(ref)")
        }
        #expect(parsed["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]?["patch"]?["x-kubernetes-group-version-kind"] == ["group": "apps", "kind": "Deployment", "version": "v1"])
        #expect(await Self.raw(api, "/openapi/v3/apis/nothing.example.com/v1").code == 404)
    }

    @Test("a CRD's group-version appears in v2 and v3 when created and disappears when deleted")
    func customResourceLifecycle() async throws {
        let api = try await KubeAPI.inMemory()
        let before = await api.openAPI.snapshot(api.registry)
        let created = await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", OpenAPITestData.widgetCRD)
        #expect(created.code == 201, "\(created.body)")
        let discovery = try await Self.json(api, "/openapi/v3")
        #expect(discovery["paths"]?["apis/example.com/v1"] != nil)
        let doc = try await Self.json(api, "/openapi/v3/apis/example.com/v1")
        let widget = doc["components"]?["schemas"]?["com.example.v1.Widget"]
        #expect(widget?["x-kubernetes-group-version-kind"] == [["group": "example.com", "kind": "Widget", "version": "v1"]])
        #expect(widget?["properties"]?["metadata"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]])
        #expect(widget?["properties"]?["spec"]?["properties"]?["size"]?["nullable"] == true)
        let v2 = try await Self.json(api, "/openapi/v2")
        let v2Widget = v2["definitions"]?["com.example.v1.Widget"]
        #expect(v2Widget?["properties"]?["metadata"]?["$ref"] == "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
        #expect(v2Widget?["properties"]?["spec"]?["properties"]?["size"] == ["description": "How big."])
        #expect(v2Widget?["properties"]?["spec"]?["properties"]?["extra"]?["properties"] == nil)
        #expect(v2["definitions"]?["com.example.v1.WidgetList"] != nil)
        // kubectl's client-side apply sends a strategic merge patch only when the PATCH lists it.
        let patch = doc["paths"]?["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]?["patch"]
        #expect(patch?["requestBody"]?["content"]?.objectValue?.keys.elements == ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"])
        #expect(v2["paths"]?["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]?["patch"]?["consumes"] == ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"])
        #expect(before.v3["apis/example.com/v1"] == nil)
        let deleted = await api.call("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
        #expect(deleted.code == 200, "\(deleted.body)")
        let gone = await eventually(within: 10) {
            (try? await Self.json(api, "/openapi/v3"))?["paths"]?["apis/example.com/v1"] == nil
        }
        #expect(gone)
    }

    @Test("the documents are cached until the served types change, and concurrent requests after a change agree")
    func caching() async throws {
        let api = try await KubeAPI.inMemory()
        let first = await Self.raw(api, "/openapi/v3")
        let second = await Self.raw(api, "/openapi/v3")
        #expect(first.body == second.body)
        let start = ContinuousClock.now
        for _ in 0..<200 { _ = await Self.raw(api, "/openapi/v2", accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf") }
        #expect(ContinuousClock.now - start < .seconds(2))
        _ = await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", OpenAPITestData.widgetCRD)
        let bodies = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { await Self.raw(api, "/openapi/v3").body } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(bodies).count == 1)
        #expect(String(decoding: bodies[0], as: UTF8.self).contains("apis/example.com/v1"))
    }
}

enum OpenAPITestData {
    /// A CRD with a nullable field and a field preserving unknown fields.
    static let widgetCRD: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": [
            "group": "example.com", "scope": "Namespaced",
            "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
            "versions": [[
                "name": "v1", "served": true, "storage": true,
                "schema": ["openAPIV3Schema": [
                    "description": "A Widget is a thing made in tests.",
                    "type": "object",
                    "properties": [
                        "spec": [
                            "description": "What the widget should be.",
                            "type": "object",
                            "required": ["color", "size"],
                            "properties": [
                                "color": ["description": "The widget's color.", "type": "string", "enum": ["red", "blue"]],
                                "size": ["description": "How big.", "type": "integer", "nullable": true],
                                "extra": ["type": "object", "x-kubernetes-preserve-unknown-fields": true,
                                          "properties": ["a": ["type": "string"]]],
                            ],
                        ],
                    ],
                ]],
            ]],
        ],
    ]
}

@Suite("OpenAPI v3 hashes")
struct OpenAPIHashTests {
    @Test("the current hash makes a document immutable, a stale one redirects to the current URL")
    func hashes() async throws {
        let api = try await KubeAPI.inMemory()
        let hash = await api.openAPI.snapshot(api.registry).v3["api/v1"]?.hash ?? ""
        let current = await api.handle(APIRequest(method: "GET", path: "/openapi/v3/api/v1", query: ["hash": hash]))
        guard case .document(200, "application/json", _, let headers) = current else {
            Issue.record("\(current)")
            return
        }
        #expect(headers.contains(.init("Cache-Control", "public, immutable")))
        #expect(headers.contains(.init("Etag", "\"\(hash)\"")))
        let stale = await api.handle(APIRequest(method: "GET", path: "/openapi/v3/api/v1", query: ["hash": "0"]))
        guard case .document(301, _, _, let redirect) = stale else {
            Issue.record("\(stale)")
            return
        }
        #expect(redirect == [.init("Location", "/openapi/v3/api/v1?hash=\(hash)")])
    }

    @Test("Expires is written like Go's RFC 1123 in UTC")
    func expires() {
        #expect(GoTime.rfc1123(0) == "Thu, 01 Jan 1970 00:00:00 UTC")
        #expect(GoTime.rfc1123(1_796_688_000) == "Tue, 08 Dec 2026 00:00:00 UTC")
    }
}
