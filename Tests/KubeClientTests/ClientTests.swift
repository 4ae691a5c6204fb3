import Testing
import KubeModel
import StructuredData
@testable import KubeClient

/// Client behaviour against recorded API server responses (no network).
@Suite("Client against a scripted API server")
struct ClientTests {
    static let cm = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)

    static func client(_ steps: [ScriptedTransport.Step], config: ClientConfig = ClientConfig(server: "https://k", qps: 0))
        async -> (KubeClient, ScriptedTransport)
    {
        let transport = ScriptedTransport(steps)
        let client = KubeClient(config: config, transport: transport)
        await client.mapper.register([cm])
        return (client, transport)
    }

    static func item(_ name: String, rv: String) -> String {
        #"{"metadata":{"name":"\#(name)","namespace":"default","resourceVersion":"\#(rv)"},"data":{"k":"v"}}"#
    }

    @Test("listAll follows continue tokens and fills item kinds")
    func pagination() async throws {
        let (client, transport) = await Self.client([
            .json("GET /api/v1/namespaces/default/configmaps?limit=2",
                  #"{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"100","continue":"p2","remainingItemCount":1},"items":[\#(Self.item("a", rv: "10")),\#(Self.item("b", rv: "11"))]}"#),
            .json("GET /api/v1/namespaces/default/configmaps?limit=2&continue=p2",
                  #"{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"100"},"items":[\#(Self.item("c", rv: "12"))]}"#),
        ])
        let list = try await client.listAll(Self.cm, pageSize: 2)
        #expect(list.items.map(\.name) == ["a", "b", "c"])
        #expect(list.items.allSatisfy { $0.kind == "ConfigMap" && $0.apiVersion == "v1" })
        #expect(list.resourceVersion == "100")
        #expect(await transport.remaining.isEmpty)
    }

    @Test("a 409 from the server surfaces as its Status")
    func conflict() async throws {
        let status = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"a","kind":"configmaps"},"code":409}"#
        let (client, _) = await Self.client([.json("PUT /api/v1/namespaces/default/configmaps/a", status: 409, status)])
        var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "default")
        object.resourceVersion = "1"
        await #expect {
            _ = try await client.update(object)
        } throws: { error in
            guard let e = error as? KubeClientError, let s = e.status else { return false }
            return e.isConflict && s == Status.conflict(GroupResource(group: "", resource: "configmaps"), "a")
        }
    }

    @Test("non-Status failures get a synthesized Status", arguments: [
        (404, "GET", "", StatusReason.notFound, "the server could not find the requested resource"),
        (409, "POST", "", .alreadyExists, "the server reported a conflict"),
        (500, "GET", "boom", .internalError, #"an error on the server ("boom") has prevented the request from succeeding"#),
        (401, "GET", "", .unauthorized, "the server has asked for the client to provide credentials"),
    ])
    func synthesized(code: Int, method: String, body: String, reason: StatusReason, message: String) {
        let s = KubeClient.status(from: Array(body.utf8), code: code, method: method)
        #expect(s.reason == reason && s.message == message && s.code == code)
    }

    @Test("sends credentials, impersonation and write options")
    func headersAndOptions() async throws {
        var config = ClientConfig(server: "https://k", bearerToken: "t0k", qps: 0)
        config.impersonation = Impersonation(user: "alice", groups: ["g1", "g2"])
        let (client, transport) = await Self.client([
            .json("PATCH /api/v1/namespaces/default/configmaps/a?dryRun=All&fieldManager=flux&force=true", Self.item("a", rv: "5")),
        ], config: config)
        var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "default")
        object.raw["data"] = ["k": "v"]
        let applied = try await client.apply(object, fieldManager: "flux", force: true, dryRun: true)
        #expect(applied.resourceVersion == "5")
        let sent = try #require(await transport.requests.first)
        #expect(sent.header("Authorization") == "Bearer t0k")
        #expect(sent.header("Content-Type") == "application/apply-patch+yaml")
        #expect(sent.headers.filter { $0.name == "Impersonate-Group" }.map(\.value) == ["g1", "g2"])
        #expect(sent.header("Impersonate-User") == "alice")
    }

    @Test("the REST mapper rediscovers a group-version on a miss")
    func discoveryRefresh() async throws {
        let (client, transport) = await Self.client([
            .json("GET /apis/source.toolkit.fluxcd.io/v1", #"{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"source.toolkit.fluxcd.io/v1","resources":[{"name":"gitrepositories","singularName":"gitrepository","namespaced":true,"kind":"GitRepository","verbs":["get","list","watch"],"shortNames":["gitrepo"]},{"name":"gitrepositories/status","singularName":"","namespaced":true,"kind":"GitRepository","verbs":["get","patch","update"]}]}"#),
            .json("GET /apis/example.com/v1", status: 404, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}"#),
        ])
        let gvk = GroupVersionKind(group: "source.toolkit.fluxcd.io", version: "v1", kind: "GitRepository")
        let r = try await client.resource(for: gvk)
        #expect(r.resource == "gitrepositories" && r.namespaced && r.shortNames == ["gitrepo"])
        _ = try await client.resource(for: gvk)  // cached: no second request
        await #expect {
            _ = try await client.resource(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Widget"))
        } throws: { ($0 as? KubeClientError)?.description == #"no matches for kind "Widget" in version "example.com/v1""# }
        #expect(await transport.requests.count == 2)
    }

    @Test("delete returns nil for a Success status and the object while finalizers remain")
    func delete() async throws {
        let (client, _) = await Self.client([
            .json("DELETE /api/v1/namespaces/default/configmaps/a", #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"a","kind":"configmaps","uid":"u"}}"#),
            .json("DELETE /api/v1/namespaces/default/configmaps/b", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b","finalizers":["x"],"deletionTimestamp":"2024-01-01T00:00:00Z"}}"#),
        ])
        #expect(try await client.delete(Self.cm, name: "a") == nil)
        #expect(try await client.delete(Self.cm, name: "b")?.isBeingDeleted == true)
    }
}

@Suite("Resolving kubectl-style resource names")
struct ResourceNameTests {
    static let core = #"{"kind":"APIVersions","versions":["v1"]}"#
    static let groups = #"{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}]}"#
    static let v1 = #"{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"configmaps","namespaced":true,"kind":"ConfigMap","verbs":["get"],"shortNames":["cm"]}]}"#
    static let apps = #"{"kind":"APIResourceList","groupVersion":"apps/v1","resources":[{"name":"deployments","namespaced":true,"kind":"Deployment","verbs":["get"],"shortNames":["deploy"]},{"name":"deployments/status","namespaced":true,"kind":"Deployment","verbs":["get"]}]}"#

    @Test("resolves plural, singular, kind, short and group-qualified names", arguments: [
        ("deployments", "apps", "deployments"), ("deploy", "apps", "deployments"), ("Deployment", "apps", "deployments"),
        ("deployments.apps", "apps", "deployments"), ("deployments.v1.apps", "apps", "deployments"), ("cm", "", "configmaps"),
    ])
    func resolves(name: String, group: String, resource: String) async throws {
        let transport = ScriptedTransport([
            .json("GET /api", Self.core), .json("GET /apis", Self.groups),
            .json("GET /api/v1", Self.v1), .json("GET /apis/apps/v1", Self.apps),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        let r = try await client.resource(named: name)
        #expect(r.group == group && r.resource == resource)
    }

    @Test("names no served type clearly")
    func unknown() async {
        let transport = ScriptedTransport([
            .json("GET /api", Self.core), .json("GET /apis", Self.groups),
            .json("GET /api/v1", Self.v1), .json("GET /apis/apps/v1", Self.apps),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        await #expect { _ = try await client.resource(named: "widgets") } throws: {
            ($0 as? KubeClientError)?.description == #"the server doesn't have a resource type "widgets""#
        }
    }
}

@Suite("Retrying when the server asks to")
struct RetryTests {
    static let busy = KubeResponse(statusCode: 429, headers: [.init("Retry-After", "0"), .init("Content-Type", "application/json")],
                                   body: Array(#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"slow down","reason":"TooManyRequests","details":{"retryAfterSeconds":0},"code":429}"#.utf8))

    @Test("a 429 with Retry-After is retried, then the answer is used")
    func retries() async throws {
        let transport = ScriptedTransport([
            .init("GET /api/v1/namespaces/default/configmaps/a", .response(Self.busy)),
            .json("GET /api/v1/namespaces/default/configmaps/a", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        #expect(try await client.get(ConfigMap.apiResource, name: "a").name == "a")
        #expect(await transport.requests.count == 2)
    }

    @Test("gives up after ten attempts with the server's Status")
    func givesUp() async throws {
        let transport = ScriptedTransport(Array(repeating: .init("GET /api/v1/namespaces/default/configmaps/a", .response(Self.busy)), count: 10))
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        await #expect { _ = try await client.get(ConfigMap.apiResource, name: "a") } throws: {
            ($0 as? KubeClientError)?.status?.isTooManyRequests == true
        }
        #expect(await transport.remaining.isEmpty)
    }

    @Test("only 429 and 5xx answers with an integer Retry-After are retried", arguments: [
        (429, "3", 3), (503, "1", 1), (500, "120", 60), (404, "1", nil), (429, "soon", nil), (502, nil, nil),
    ] as [(Int, String?, Int?)])
    func retryAfter(code: Int, header: String?, expected: Int?) {
        let response = KubeResponse(statusCode: code, headers: header.map { [.init("Retry-After", $0)] } ?? [])
        #expect(KubeClient.retryAfter(response) == expected)
    }
}
