import Foundation
import StructuredData
import Testing
@testable import APIServerCore

@Suite("REST semantics")
struct KubeAPITests {
    @Test("create returns 201 with server metadata, get returns it, duplicates are AlreadyExists")
    func createGet() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c"))
        #expect(created.code == 201)
        #expect(created.body["metadata"]?["uid"]?.stringValue?.count == 36)
        #expect(created.body["metadata"]?["creationTimestamp"]?.stringValue?.hasSuffix("Z") == true)
        #expect(created.body["metadata"]?["namespace"] == "default")
        let got = await api.call("GET", "/api/v1/namespaces/default/configmaps/c")
        #expect(got.code == 200)
        #expect(got.body == created.body)
        let again = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c"))
        #expect(again.code == 409)
        #expect(again.body["reason"] == "AlreadyExists")
        #expect(again.body["message"] == "configmaps \"c\" already exists")
    }

    @Test("errors carry upstream status codes, reasons and messages", arguments: [
        ("GET", "/api/v1/namespaces/default/configmaps/missing", nil, 404, "NotFound", "configmaps \"missing\" not found"),
        ("GET", "/apis/apps/v1/namespaces/default/deployments/x", nil, 404, "NotFound", "deployments.apps \"x\" not found"),
        ("GET", "/api/v1/nothing", nil, 404, "NotFound", "the server could not find the requested resource"),
        ("POST", "/api/v1/namespaces/nope/configmaps", configMap("c"), 404, "NotFound", "namespaces \"nope\" not found"),
        ("POST", "/api/v1/namespaces/default/configmaps", configMap("Bad_Name"), 422, "Invalid", nil),
        ("POST", "/api/v1/namespaces/default/configmaps", JSONValue.array([]), 400, "BadRequest", nil),
    ] as [(String, String, JSONValue?, Int, String, String?)])
    func errors(method: String, path: String, body: JSONValue?, code: Int, reason: String, message: String?) async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.call(method, path, body)
        #expect(result.code == code)
        #expect(result.body["kind"] == "Status")
        #expect(result.body["reason"]?.stringValue == reason)
        #expect(result.body["code"]?.intValue == Int64(code))
        if let message { #expect(result.body["message"]?.stringValue == message) }
    }

    @Test("an update with a stale resourceVersion is a Conflict; a current one succeeds")
    func optimisticConcurrency() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c"))
        var edit = created.body
        edit.set(["data", "a"], "2")
        let ok = await api.call("PUT", "/api/v1/namespaces/default/configmaps/c", edit)
        #expect(ok.code == 200)
        #expect(ok.body["data"]?["a"] == "2")
        let stale = await api.call("PUT", "/api/v1/namespaces/default/configmaps/c", edit)
        #expect(stale.code == 409)
        #expect(stale.body["message"] == "Operation cannot be fulfilled on configmaps \"c\": the object has been modified; please apply your changes to the latest version and try again")
    }

    @Test("merge and JSON patches apply; a failed JSON-patch test is 422")
    func patches() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c", ["a": "1", "b": "2"]))
        let merged = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c",
                                    ["metadata": ["labels": ["x": "y"]], "data": ["a": nil]], contentType: "application/merge-patch+json")
        #expect(merged.code == 200)
        #expect(merged.body["data"] == ["b": "2"])
        #expect(merged.body["metadata"]?["labels"]?["x"] == "y")
        let jp = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c",
                                [["op": "add", "path": "/data/c", "value": "3"]], contentType: "application/json-patch+json")
        #expect(jp.body["data"] == ["b": "2", "c": "3"])
        let failed = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c",
                                    [["op": "test", "path": "/data/c", "value": "4"]], contentType: "application/json-patch+json")
        #expect(failed.code == 422)
    }

    @Test("secrets fold stringData into base64 data")
    func secrets() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/api/v1/namespaces/default/secrets",
                                     ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "stringData": ["k": "hello"]])
        #expect(created.body["data"] == ["k": "aGVsbG8="])
        #expect(created.body["stringData"] == nil)
        #expect(created.body["type"] == "Opaque")
    }

    @Test("label and field selectors filter lists; limit and continue paginate")
    func listing() async throws {
        let api = try await KubeAPI.inMemory()
        for i in 0..<5 {
            _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c\(i)", labels: ["n": .string(i % 2 == 0 ? "even" : "odd")]))
        }
        let even = await api.call("GET", "/api/v1/namespaces/default/configmaps", query: ["labelSelector": "n=even"])
        #expect(even.body["items"]?.arrayValue?.count == 3)
        let notIn = await api.call("GET", "/api/v1/configmaps", query: ["labelSelector": "n notin (even)"])
        #expect(notIn.body["items"]?.arrayValue?.count == 2)
        let byName = await api.call("GET", "/api/v1/namespaces/default/configmaps", query: ["fieldSelector": "metadata.name=c3"])
        #expect(byName.body["items"]?.arrayValue?.map { $0.metadataString("name") } == ["c3"])
        let bad = await api.call("GET", "/api/v1/namespaces/default/configmaps", query: ["fieldSelector": "spec.x=1"])
        #expect(bad.code == 400)
        #expect(bad.body["message"] == "field label not supported: spec.x")
        let page1 = await api.call("GET", "/api/v1/namespaces/default/configmaps", query: ["limit": "2"])
        #expect(page1.body["items"]?.arrayValue?.count == 2)
        #expect(page1.body["metadata"]?["remainingItemCount"] == 3)
        let token = page1.body["metadata"]?["continue"]?.stringValue ?? ""
        let page2 = await api.call("GET", "/api/v1/namespaces/default/configmaps", query: ["limit": "2", "continue": token])
        #expect(page2.body["items"]?.arrayValue?.map { $0.metadataString("name") } == ["c2", "c3"])
    }

    @Test("a watch from a list revision sees later changes, including the deletion revision")
    func watchFromList() async throws {
        let api = try await KubeAPI.inMemory()
        let list = await api.call("GET", "/api/v1/namespaces/default/configmaps")
        let rv = list.body["metadata"]?["resourceVersion"]?.stringValue ?? ""
        let events = await api.watchEvents("/api/v1/namespaces/default/configmaps", query: ["resourceVersion": rv])
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("w"))
        let deleted = await api.call("DELETE", "/api/v1/namespaces/default/configmaps/w")
        #expect(deleted.body["status"] == "Success")
        let seen = await collect(events, count: 2)
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "DELETED"])
        let createdRV = Int(seen.first?["object"]?["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0
        let deletedRV = Int(seen.last?["object"]?["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0
        #expect(deletedRV > createdRV)
    }

    @Test("a watch below the retained history gets an in-stream 410 Expired error")
    func watchExpired() async throws {
        let api = try await KubeAPI.inMemory(historyLimit: 2)
        for i in 0..<5 { _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c\(i)")) }
        let events = await api.watchEvents("/api/v1/namespaces/default/configmaps", query: ["resourceVersion": "1"])
        let seen = await collect(events, count: 1)
        #expect(seen.first?["type"] == "ERROR")
        #expect(seen.first?["object"]?["code"] == 410)
        #expect(seen.first?["object"]?["reason"] == "Expired")
    }

    @Test("events filter on involvedObject field selectors, as kubectl describe asks")
    func eventSelectors() async throws {
        let api = try await KubeAPI.inMemory()
        for (name, target) in [("e1", "a"), ("e2", "b")] {
            _ = await api.call("POST", "/api/v1/namespaces/default/events", [
                "apiVersion": "v1", "kind": "Event", "metadata": ["name": .string(name)],
                "involvedObject": ["kind": "ConfigMap", "name": .string(target), "namespace": "default", "uid": .string("u-\(target)")],
                "reason": "Test", "type": "Normal",
            ])
        }
        let selected = await api.call("GET", "/api/v1/namespaces/default/events", query: [
            "fieldSelector": "involvedObject.name=b,involvedObject.namespace=default,involvedObject.kind=ConfigMap,involvedObject.uid=u-b",
        ])
        #expect(selected.body["items"]?.arrayValue?.map { $0.metadataString("name") } == ["e2"])
    }

    @Test("hostile query values are rejected or clamped, never fatal", arguments: [
        ["watch": "true", "timeoutSeconds": "inf"], ["watch": "true", "timeoutSeconds": "nan"],
        ["watch": "true", "resourceVersion": "-5"], ["limit": "-1"], ["continue": "%%%"],
        ["labelSelector": "a in (b"], ["fieldSelector": "=x"],
    ])
    func hostileQueries(query: [String: String]) async throws {
        let api = try await KubeAPI.inMemory()
        let response = await api.handle(APIRequest(method: "GET", path: "/api/v1/namespaces/default/configmaps", query: query))
        #expect([200, 400, 410].contains(response.code))
    }

    @Test("generateName, dry-run create and deletecollection follow upstream rules")
    func createVariants() async throws {
        let api = try await KubeAPI.inMemory()
        let generated = await api.call("POST", "/api/v1/namespaces/default/configmaps",
                                       ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "gen-"]])
        let name = generated.body["metadata"]?["name"]?.stringValue ?? ""
        #expect(generated.code == 201)
        #expect(name.hasPrefix("gen-") && name.count == 9)
        let dry = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("dry"), query: ["dryRun": "All"])
        #expect(dry.code == 201)
        #expect(dry.body["metadata"]?["resourceVersion"] == nil)
        #expect(dry.body["metadata"]?["uid"] != nil)
        #expect(await api.call("GET", "/api/v1/namespaces/default/configmaps/dry").code == 404)
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("x1", labels: ["sweep": "yes"]))
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("x2", labels: ["sweep": "yes"]))
        let swept = await api.call("DELETE", "/api/v1/namespaces/default/configmaps", query: ["labelSelector": "sweep=yes"])
        #expect(swept.body["items"]?.arrayValue?.count == 2)
        let left = await api.call("GET", "/api/v1/namespaces/default/configmaps")
        #expect(left.body["items"]?.arrayValue?.map { $0.metadataString("name") } == [name])
    }

    @Test("a watch with timeoutSeconds sends a bookmark at the current revision and closes")
    func watchTimeoutBookmark() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("b"))
        await api.waitForSimulation()
        let rv = await api.store.currentRevision
        let events = await api.watchEvents("/api/v1/namespaces/default/configmaps",
                                           query: ["resourceVersion": String(rv), "timeoutSeconds": "1", "allowWatchBookmarks": "true"])
        let seen = await collect(events, count: 5, within: 10)
        #expect(seen.map { $0["type"]?.stringValue ?? "" } == ["BOOKMARK"])
        #expect(seen.first?["object"]?["kind"] == "ConfigMap")
        #expect(seen.first?["object"]?["metadata"]?["resourceVersion"]?.stringValue == String(rv))
    }

    @Test("malformed objects and patches get 4xx answers", arguments: [
        ("POST", "/api/v1/namespaces/default/configmaps", #"{"metadata":5,"data":{"a":"1"}}"#, "application/json"),
        ("POST", "/api/v1/namespaces/default/configmaps", #"{"metadata":{"name":7}}"#, "application/json"),
        ("POST", "/api/v1/namespaces/default/configmaps", #"{"kind":"Secret","metadata":{"name":"a"}}"#, "application/json"),
        ("POST", "/api/v1/namespaces/default/configmaps", String(repeating: "[", count: 5000), "application/json"),
        ("PATCH", "/api/v1/namespaces/default/configmaps/base", #"[{"op":"replace","path":"/metadata","value":5}]"#, "application/json-patch+json"),
        ("PATCH", "/api/v1/namespaces/default/configmaps/base", #"[{"op":"bogus"}]"#, "application/json-patch+json"),
        ("PATCH", "/api/v1/namespaces/default/configmaps/base", #"{"a":1}"#, "text/plain"),
        ("PUT", "/api/v1/namespaces/default/configmaps/base", #"{"metadata":{"name":"other"}}"#, "application/json"),
        ("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", #"{"metadata":{"name":"x.a/b.c"},"spec":{"group":"a/b.c","scope":"Namespaced","names":{"plural":"x","kind":"X"},"versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}]}}"#, "application/json"),
    ])
    func malformed(method: String, path: String, body: String, contentType: String) async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("base"))
        let response = await api.handle(APIRequest(method: method, path: path, contentType: contentType, body: Array(body.utf8)))
        #expect((400..<500).contains(response.code), "\(response)")
        let still = await api.call("GET", "/api/v1/namespaces/default/configmaps/base")
        #expect(still.body["metadata"]?["name"] == "base")
    }

    @Test("built-in workloads get upstream defaults on create")
    func builtinDefaults() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
            "spec": ["selector": ["matchLabels": ["app": "web"]],
                     "template": ["metadata": ["labels": ["app": "web"]],
                                  "spec": ["containers": [["name": "c", "image": "nginx", "ports": [["containerPort": 80]]]]]]],
        ])
        let spec = created.body["spec"]
        #expect(spec?["replicas"] == 1)
        #expect(spec?["strategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
        #expect(spec?["progressDeadlineSeconds"] == 600)
        let container = spec?[path: ["template", "spec", "containers"]]?[0]
        #expect(container?["imagePullPolicy"] == "Always")
        #expect(container?["ports"]?[0]?["protocol"] == "TCP")
        #expect(spec?[path: ["template", "spec", "restartPolicy"]] == "Always")
        let job = await api.call("POST", "/apis/batch/v1/namespaces/default/jobs", [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]],
        ])
        #expect(job.body["spec"]?["backoffLimit"] == 6)
        #expect(job.body[path: ["spec", "template", "spec", "containers"]]?[0]?["imagePullPolicy"] == "IfNotPresent")
    }

    @Test("aggregated discovery is served only when Accept asks for it", arguments: [
        ("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", "apidiscovery.k8s.io/v2"),
        ("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json", "apidiscovery.k8s.io/v2beta1"),
        ("application/json, */*", "v1"),
    ])
    func aggregatedDiscovery(accept: String, apiVersion: String) async throws {
        let api = try await KubeAPI.inMemory()
        for path in ["/api", "/apis"] {
            let response = await api.handle(APIRequest(method: "GET", path: path, accept: accept))
            guard case .raw(200, let contentType, let bytes) = response else {
                if case .json(200, let body) = response { #expect(apiVersion == "v1" && body["kind"] != nil) } else { Issue.record("\(response)") }
                continue
            }
            #expect(contentType.contains("as=APIGroupDiscoveryList"))
            let body = try JSONParser.parse(bytes: bytes)
            #expect(body["apiVersion"]?.stringValue == apiVersion)
            if path == "/apis" {
                let apps = body["items"]?.arrayValue?.first { $0["metadata"]?["name"] == "apps" }
                let deployments = apps?["versions"]?[0]?["resources"]?.arrayValue?.first { $0["resource"] == "deployments" }
                #expect(deployments?["scope"] == "Namespaced")
                #expect(deployments?["subresources"]?.arrayValue?.count == 2)
            }
        }
    }
}
