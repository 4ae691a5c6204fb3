import StructuredData
import Testing
@testable import APIServerCore

@Suite("Server-side apply")
struct ServerSideApplyTests {
    static let cmPath = "/api/v1/namespaces/default/configmaps/c"

    static func cm(_ data: String, labels: String = "") -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n\(labels)data:\n\(data)"
    }

    @Test("apply creates with 201, records an Apply entry, and re-applying is a no-op")
    func createAndNoOp() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n"), manager: "m1")
        #expect(created.code == 201)
        #expect(created.body["data"]?["a"] == "1")
        #expect(created.body.managers == ["m1/Apply"])
        #expect(created.body.fieldsV1(of: "m1") == #"{"f:data":{"f:a":{}}}"#)
        let entry = created.body["metadata"]?["managedFields"]?[0]
        #expect(entry?["apiVersion"] == "v1")
        #expect(entry?["fieldsType"] == "FieldsV1")
        #expect(entry?["time"]?.stringValue?.hasSuffix("Z") == true)
        let again = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n"), manager: "m1")
        #expect(again.code == 200)
        #expect(again.body["metadata"]?["resourceVersion"] == created.body["metadata"]?["resourceVersion"])
        #expect(again.body == created.body)
    }

    @Test("a JSON body is accepted (kubectl sends JSON as apply-patch+yaml)")
    func jsonBody() async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.apply(Self.cmPath, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"x":"y"}}"#, manager: "kubectl")
        #expect(result.code == 201)
        #expect(result.body["data"]?["x"] == "y")
    }

    @Test("fields a manager stops applying are removed unless another manager owns them")
    func prune() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n  b: \"2\"\n  c: \"3\"\n"), manager: "m1")
        _ = await api.apply(Self.cmPath, Self.cm("  c: \"3\"\n"), manager: "m2")
        let pruned = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n"), manager: "m1")
        #expect(pruned.code == 200)
        #expect(pruned.body["data"] == ["a": "1", "c": "3"])
        #expect(pruned.body.fieldsV1(of: "m1") == #"{"f:data":{"f:a":{}}}"#)
        #expect(pruned.body.fieldsV1(of: "m2") == #"{"f:data":{"f:c":{}}}"#)
    }

    @Test("a changed value owned by another manager is a 409 with upstream message and causes")
    func conflict() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c", ["a": "1"]),
                           query: ["fieldManager": "kubectl-client-side-apply"])
        let result = await api.apply(Self.cmPath, Self.cm("  a: \"2\"\n"), manager: "kubectl")
        #expect(result.code == 409)
        #expect(result.body["reason"] == "Conflict")
        #expect(result.body["message"] == #"Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.a"#)
        let cause = result.body["details"]?["causes"]?[0]
        #expect(cause?["reason"] == "FieldManagerConflict")
        #expect(cause?["message"] == #"conflict with "kubectl-client-side-apply" using v1"#)
        #expect(cause?["field"] == ".data.a")
    }

    @Test("several conflicts are grouped by manager")
    func manyConflicts() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n  b: \"1\"\n"), manager: "m1")
        let result = await api.apply(Self.cmPath, Self.cm("  a: \"2\"\n  b: \"2\"\n"), manager: "m2")
        #expect(result.code == 409)
        #expect(result.body["message"] == "Apply failed with 2 conflicts: conflicts with \"m1\":\n- .data.a\n- .data.b")
    }

    @Test("force takes ownership; the same value is shared without conflict")
    func forceAndSharing() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n  b: \"1\"\n"), manager: "m1")
        let shared = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n"), manager: "m2")
        #expect(shared.code == 200)
        #expect(shared.body.fieldsV1(of: "m1") == #"{"f:data":{"f:a":{},"f:b":{}}}"#)
        #expect(shared.body.fieldsV1(of: "m2") == #"{"f:data":{"f:a":{}}}"#)
        let forced = await api.apply(Self.cmPath, Self.cm("  b: \"2\"\n"), manager: "m2", force: true)
        #expect(forced.code == 200)
        #expect(forced.body["data"] == ["a": "1", "b": "2"])
        #expect(forced.body.fieldsV1(of: "m1") == #"{"f:data":{"f:a":{}}}"#)
        #expect(forced.body.fieldsV1(of: "m2") == #"{"f:data":{"f:b":{}}}"#)
    }

    @Test("associative lists merge by key; an item dropped by its only applier is pruned")
    func listMap() async throws {
        let api = try await KubeAPI.inMemory()
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        func deployment(_ containers: String) -> String {
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
            \(containers)
            """
        }
        let first = await api.apply(path, deployment("      - {name: app, image: app:1}\n      - {name: side, image: side:1}"), manager: "flux")
        #expect(first.code == 201)
        _ = await api.apply(path, deployment("      - {name: extra, image: extra:1}"), manager: "other")
        let second = await api.apply(path, deployment("      - {name: app, image: app:2}"), manager: "flux")
        #expect(second.code == 200)
        let names = second.body["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["app", "extra"])
        #expect(second.body["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "app:2")
        #expect(second.body["spec"]?["template"]?["spec"]?["containers"]?[0]?["imagePullPolicy"] == "IfNotPresent")
        let fields = try #require(second.body.fieldsV1(of: "flux"))
        #expect(fields.contains(#""k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{}}"#))
        #expect(!fields.contains("side"))
    }

    @Test("dry-run apply creates nothing and returns no resourceVersion")
    func dryRunCreate() async throws {
        let api = try await KubeAPI.inMemory()
        let dry = await api.apply(Self.cmPath, Self.cm("  a: \"1\"\n"), manager: "flux", dryRun: true)
        #expect(dry.code == 201)
        #expect(dry.body["metadata"]?["resourceVersion"] == nil)
        #expect(dry.body["metadata"]?["uid"] != nil)
        #expect(dry.body.managers == ["flux/Apply"])
        #expect(await api.call("GET", Self.cmPath).code == 404)
    }

    @Test("apply validation errors", arguments: [
        ("", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", 422,
         "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"),
        ("m", "apiVersion: v2\nkind: ConfigMap\nmetadata: {name: c}\n", 400,
         "Incorrect version specified in apply patch. Specified patch version: v2, expected: v1"),
        ("m", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, managedFields: [{manager: x}]}\n", 400,
         "metadata.managedFields must be nil"),
    ])
    func validation(manager: String, body: String, code: Int, message: String) async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.apply(Self.cmPath, body, manager: manager)
        #expect(result.code == code)
        #expect(result.body["message"]?.stringValue == message)
    }

    @Test("non-apply writes record Update entries; status is not owned through the main resource")
    func updateEntries() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/api/v1/namespaces/default/configmaps",
                                     configMap("c", ["a": "1"], labels: ["app": "x"]), query: ["fieldManager": "kubectl-create"])
        #expect(created.body.fieldsV1(of: "kubectl-create", operation: "Update") == #"{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:labels":{".":{},"f:app":{}}}}"#)
        let patched = await api.call("PATCH", Self.cmPath, ["data": ["b": "2"]], query: ["fieldManager": "kubectl-patch"],
                                     contentType: "application/merge-patch+json")
        #expect(patched.body.managers == ["kubectl-create/Update", "kubectl-patch/Update"])
        #expect(patched.body.fieldsV1(of: "kubectl-patch", operation: "Update") == #"{"f:data":{"f:b":{}}}"#)
        let reset = await api.call("PATCH", Self.cmPath, ["metadata": ["managedFields": []]],
                                   contentType: "application/merge-patch+json")
        #expect(reset.body["metadata"]?["managedFields"] == nil)
    }
}

@Suite("managedFields bookkeeping")
struct ManagedFieldsCapTests {
    @Test("at most ten Update entries are kept; older ones merge into ancient-changes")
    func cap() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c", [:]), query: ["fieldManager": "m0"])
        var last = JSONValue.null
        for index in 1...12 {
            last = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c", ["data": [.init(stringLiteral: "k\(index)"): "v"]],
                                  query: ["fieldManager": "m\(index)"], contentType: "application/merge-patch+json").body
        }
        let updates = last["metadata"]?["managedFields"]?.arrayValue ?? []
        #expect(updates.count == 10)
        #expect(last.managers.contains("ancient-changes/Update"))
        #expect(last.managers.contains("m12/Update"))
        #expect(last["data"]?.objectValue?.count == 12)
    }
}

@Suite("Apply configuration validation")
struct ApplyValidationTests {
    @Test("duplicate keys in an associative list are rejected")
    func duplicateKeys() async throws {
        let api = try await KubeAPI.inMemory()
        let body = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: a, image: 'i:1'}, {name: a, image: 'i:2'}]
            """
        let result = await api.apply("/apis/apps/v1/namespaces/default/deployments/web", body, manager: "m")
        #expect(result.code == 500)
        #expect(result.body["message"] == #"failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name="a"]"#)
        #expect(await api.call("GET", "/apis/apps/v1/namespaces/default/deployments/web").code == 404)
    }
}
