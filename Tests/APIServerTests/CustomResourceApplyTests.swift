import StructuredData
import Testing
@testable import APIServerCore

@Suite("Server-side apply of custom resources")
struct CustomResourceApplyTests {
    static let path = "/apis/example.com/v1/namespaces/default/gadgets/g"

    static func gadget(_ spec: String) -> String {
        "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n\(spec)"
    }

    static func setUp() async throws -> KubeAPI {
        let api = try await KubeAPI.inMemory()
        let crd = try YAML.parse(fixture("gadgets-crd.yaml"))
        #expect(await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code == 201)
        return api
    }

    @Test("x-kubernetes-list-type map and set merge across managers; dropped items are pruned")
    func listTypes() async throws {
        let api = try await Self.setUp()
        let a = await api.apply(Self.path, Self.gadget("  items: [{name: a, value: '1'}]\n  tags: [t1]\n  args: [p]\n"), manager: "a")
        #expect(a.code == 201)
        #expect(a.body["spec"]?["mode"] == "auto")
        #expect(a.body.fieldsV1(of: "a") == #"{"f:spec":{"f:args":{},"f:items":{"k:{\"name\":\"a\"}":{".":{},"f:name":{},"f:value":{}}},"f:tags":{"v:\"t1\"":{}}}}"#)
        let b = await api.apply(Self.path, Self.gadget("  items: [{name: b, value: '2'}]\n  tags: [t2]\n"), manager: "b")
        #expect(b.code == 200, "\(b.body)")
        #expect(b.body["spec"]?["items"] == [["name": "a", "value": "1"], ["name": "b", "value": "2"]])
        #expect(b.body["spec"]?["tags"] == ["t1", "t2"])
        let atomic = await api.apply(Self.path, Self.gadget("  args: [q]\n"), manager: "b")
        #expect(atomic.code == 409)
        #expect(atomic.body["details"]?["causes"]?[0]?["field"] == ".spec.args")
        let pruned = await api.apply(Self.path, Self.gadget("  tags: [t1]\n  args: [p]\n"), manager: "a")
        #expect(pruned.body["spec"]?["items"] == [["name": "b", "value": "2"]])
        #expect(pruned.body["spec"]?["tags"] == ["t1", "t2"])
    }

    @Test("status in an apply to the main resource is ignored and not owned")
    func statusIgnored() async throws {
        let api = try await Self.setUp()
        let result = await api.apply(Self.path, Self.gadget("  mode: manual\nstatus: {ready: true}\n"), manager: "a")
        #expect(result.code == 201)
        #expect(result.body["status"] == nil)
        #expect(result.body.fieldsV1(of: "a") == #"{"f:spec":{"f:mode":{}}}"#)
        #expect(result.body["metadata"]?["generation"] == 1)
        let again = await api.apply(Self.path, Self.gadget("  mode: manual\n"), manager: "a")
        #expect(again.body["metadata"]?["resourceVersion"] == result.body["metadata"]?["resourceVersion"])
    }
}

@Suite("Server-side apply as Flux and controllers use it")
struct FluxApplyPatternTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: app, image: 'nginx:1.25', ports: [{containerPort: 80}]}
        """

    @Test("a forced dry-run apply of the applied manifest returns the live object unchanged (no drift)")
    func noDrift() async throws {
        let api = try await KubeAPI.inMemory()
        let path = "/apis/apps/v1/namespaces/default/deployments/web"
        let created = await api.apply(path, Self.deployment, manager: "kustomize-controller", force: true)
        #expect(created.code == 201)
        await api.waitForSimulation()
        let live = await api.call("GET", path).body
        let dry = await api.apply(path, Self.deployment, manager: "kustomize-controller", force: true, dryRun: true)
        #expect(dry.code == 200)
        #expect(dry.body == live)
        let changed = await api.apply(path, Self.deployment.replacingOccurrences(of: "nginx:1.25", with: "nginx:1.26"),
                                      manager: "kustomize-controller", force: true, dryRun: true)
        #expect(changed.body["metadata"]?["generation"] == 2)
        #expect(changed.body["metadata"]?["resourceVersion"] == live["metadata"]?["resourceVersion"])
        #expect(await api.call("GET", path).body == live)
    }

    @Test("a controller applies status through /status with its own manager and subresource")
    func statusApply() async throws {
        let api = try await CustomResourceApplyTests.setUp()
        _ = await api.apply(CustomResourceApplyTests.path, CustomResourceApplyTests.gadget("  mode: manual\n"), manager: "user")
        let status = await api.apply(CustomResourceApplyTests.path + "/status",
                                     "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nstatus: {ready: true}\n",
                                     manager: "gadget-controller")
        #expect(status.code == 200)
        #expect(status.body["status"]?["ready"] == true)
        #expect(status.body["spec"]?["mode"] == "manual")
        let entry = status.body["metadata"]?["managedFields"]?.arrayValue?.first { $0["manager"] == "gadget-controller" }
        #expect(entry?["subresource"] == "status")
        #expect(entry?["fieldsV1"] == ["f:status": ["f:ready": [:]]])
    }

    @Test("without fieldManager an update is recorded under the User-Agent's first segment")
    func userAgentManager() async throws {
        let api = try await KubeAPI.inMemory()
        let response = await api.handle(APIRequest(method: "POST", path: "/api/v1/namespaces/default/configmaps",
                                                   contentType: "application/json", userAgent: "helm/v3.13.3 (linux/amd64)",
                                                   body: configMap("c").serializedBytes()))
        guard case .json(_, let body) = response else {
            Issue.record("no JSON response")
            return
        }
        #expect(body.managers == ["helm/Update"])
    }
}
