import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// kube-apiserver's limits: each refusal carries the upstream code and message, and the server
/// keeps serving other requests.
@Suite("Limits and request validation")
struct LimitsTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    /// The server still answers an ordinary request.
    static func stillServes(_ api: KubeAPI) async -> Bool {
        await api.call("GET", "/api/v1/namespaces/default").code == 200
    }

    @Test("an object above 1.5 MiB after patching is refused with 413")
    func objectSize() async throws {
        let api = try await KubeAPI.inMemory()
        let big = String(repeating: "x", count: 900_000)
        #expect(await api.call("POST", Self.configMaps, configMap("big", ["a": .string(big)])).code == 201)
        let grown = await api.call("PATCH", "\(Self.configMaps)/big", ["data": ["b": .string(big)]],
                                   contentType: "application/merge-patch+json")
        #expect(grown.code == 413)
        #expect(grown.body["reason"] == "RequestEntityTooLarge")
        #expect(grown.body["message"] == "Request entity too large: etcdserver: request is too large")
        #expect(await api.call("GET", "\(Self.configMaps)/big").body["data"]?["b"] == nil)
        #expect(await Self.stillServes(api))
    }

    @Test("a JSON patch with more than 10,000 operations is refused with 413")
    func patchOperations() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", Self.configMaps, configMap("c"))
        let operations = JSONValue.array(Array(repeating: ["op": "test", "path": "/data/a", "value": "1"], count: 10_001))
        let result = await api.call("PATCH", "\(Self.configMaps)/c", operations, contentType: "application/json-patch+json")
        #expect(result.code == 413)
        #expect(result.body["message"] == "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001")
        #expect(await Self.stillServes(api))
    }

    @Test("repeated JSON-patch copies stop at 3 MiB of copied bytes instead of growing the object without bound")
    func copyAmplification() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", Self.configMaps, configMap("c", ["a": .string(String(repeating: "y", count: 1000))]))
        // Each copy doubles the copied object: 40 of them would need terabytes.
        var operations: [JSONValue] = [["op": "add", "path": "/data/tree", "value": ["leaf": .string(String(repeating: "z", count: 1000))]]]
        for i in 0..<40 { operations.append(["op": "copy", "from": "/data/tree", "path": .string("/data/tree/n\(i)")]) }
        let result = await api.call("PATCH", "\(Self.configMaps)/c", .array(operations), contentType: "application/json-patch+json")
        #expect(result.code == 422, "\(result.body)")
        #expect(result.body["message"]?.stringValue?.hasPrefix("Unable to complete the copy, the accumulated size increase of copy is ") == true)
        #expect(result.body["message"]?.stringValue?.hasSuffix(", exceeding the limit 3145728") == true)
        #expect(await Self.stillServes(api))
    }

    @Test("request bodies are read per Content-Type", arguments: [
        ("application/yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  a: \"1\"\n", 201, nil),
        ("text/plain", "{}", 415,
         "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf"),
    ] as [(String, String, Int, String?)])
    func contentTypes(contentType: String, body: String, code: Int, message: String?) async throws {
        let api = try await KubeAPI.inMemory()
        let response = await api.handle(APIRequest(method: "POST", path: Self.configMaps, contentType: contentType, body: Array(body.utf8)))
        #expect(response.code == code)
        if let message, case .json(_, let status) = response { #expect(status["message"]?.stringValue == message) }
    }

    @Test("malformed timeoutSeconds is a 400 with strconv's message")
    func timeoutSeconds() async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.call("GET", Self.configMaps, query: ["watch": "true", "timeoutSeconds": "soon"])
        #expect(result.code == 400)
        #expect(result.body["message"] == #"strconv.ParseInt: parsing "soon": invalid syntax"#)
    }

    @Test("a resourceVersion from the future waits briefly, then answers 504 Too large resource version")
    func futureResourceVersion() async throws {
        let api = try await KubeAPI.inMemory()
        await api.waitForSimulation()
        let current = await api.store.currentRevision
        let result = await api.call("GET", Self.configMaps, query: ["resourceVersion": String(current + 1000)])
        #expect(result.code == 504)
        #expect(result.body["reason"] == "Timeout")
        #expect(result.body["message"]?.stringValue == "Timeout: Too large resource version: \(current + 1000), current: \(current)")
        #expect(result.body["details"]?["causes"]?[0]?["reason"] == "ResourceVersionTooLarge")
    }

    @Test("resourceVersionMatch=Exact lists the state at that revision; older than the history is 410")
    func exactList() async throws {
        let api = try await KubeAPI.inMemory(historyLimit: 5)
        let created = await api.call("POST", Self.configMaps, configMap("c", ["v": "1"]))
        let first = created.body.metadataString("resourceVersion")
        _ = await api.call("PATCH", "\(Self.configMaps)/c", ["data": ["v": "2"]], contentType: "application/merge-patch+json")
        _ = await api.call("POST", Self.configMaps, configMap("d"))
        let old = await api.call("GET", Self.configMaps, query: ["resourceVersion": first, "resourceVersionMatch": "Exact"])
        #expect(old.code == 200)
        #expect(old.body["metadata"]?["resourceVersion"]?.stringValue == first)
        #expect(old.body["items"]?.arrayValue?.map { $0["data"]?["v"] } == ["1"])
        for i in 0..<10 { _ = await api.call("POST", Self.configMaps, configMap("e\(i)")) }
        let gone = await api.call("GET", Self.configMaps, query: ["resourceVersion": first, "resourceVersionMatch": "Exact"])
        #expect(gone.code == 410)
        #expect(gone.body["message"] == "The resourceVersion for the provided list is too old.")
        let bad = await api.call("GET", Self.configMaps, query: ["resourceVersionMatch": "Exact"])
        #expect(bad.code == 422)
    }

    @Test("a watcher that does not read is closed once its buffer is full; the others keep receiving")
    func slowWatcher() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog(), watcherBufferLimit: 16)
        let api = try await KubeAPI(store: store)
        let filter = WatchFilter(resource: QualifiedResource(group: "", resource: "configmaps"), namespace: "default")
        let start = await store.currentRevision
        let slow = try await store.watch(filter, from: start)
        let reader = try await store.watch(filter, from: start)
        let received = Task { await collect(reader.events, count: 40, within: 30).count }
        for i in 0..<40 { _ = await api.call("POST", Self.configMaps, configMap("c\(i)")) }
        #expect(await received.value == 40)
        #expect(await store.closedSlowWatchers == 1)
        #expect(await store.watcherCount == 1)
        await store.stopWatching(reader.id)
        #expect(await store.watcherCount == 0)
        // The slow watcher's stream holds at most its buffer, then ends.
        var buffered = 0
        for await _ in slow.events { buffered += 1 }
        #expect(buffered == 16)
    }

    @Test("built-in objects of the wrong shape are refused on every write path", arguments: [
        ("POST", configMap("c", [1]), 400,
         #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string"#),
        ("POST", configMap("c", ["a": 1]), 400,
         #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string"#),
        ("POST", configMap("c", labels: ["team": 7]), 400,
         #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"#),
        ("POST", configMap("c", labels: ["team": "a b"]), 422,
         #"ConfigMap "c" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#),
        ("PATCH", ["data": [1]] as JSONValue, 400,
         #"ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string"#),
        ("PATCH", ["metadata": ["annotations": ["big": .string(String(repeating: "x", count: 262_144))]]] as JSONValue, 422,
         #"ConfigMap "c" is invalid: metadata.annotations: Too long: must have at most 262144 bytes"#),
    ] as [(String, JSONValue, Int, String)])
    func typeValidation(method: String, body: JSONValue, code: Int, message: String) async throws {
        let api = try await KubeAPI.inMemory()
        let result: (code: Int, body: JSONValue)
        if method == "POST" {
            result = await api.call("POST", Self.configMaps, body)
        } else {
            _ = await api.call("POST", Self.configMaps, configMap("c"))
            result = await api.call("PATCH", "\(Self.configMaps)/c", body, contentType: "application/merge-patch+json")
        }
        #expect(result.code == code)
        #expect(result.body["message"]?.stringValue == message)
        #expect(await api.call("GET", "\(Self.configMaps)/c").body["data"]?.arrayValue == nil)
    }

    @Test("a user with too many requests in flight gets 429 with Retry-After; others are still served")
    func inFlightLimit() async throws {
        let api = try await KubeAPI(store: ObjectStore(log: MemoryRevisionLog()), inFlight: InFlightLimiter(limit: 1))
        let alice = UserInfo(name: "alice", groups: [UserInfo.authenticatedGroup])
        #expect(api.inFlight.acquire(alice))
        let refused = await api.call("GET", "/api", user: alice)
        #expect(refused.code == 429)
        #expect(refused.body["message"] == "Too many requests, please try again later.")
        #expect(APIResponse.retryAfter(refused.body) == 1)
        #expect(await api.call("GET", "/api", user: UserInfo(name: "bob", groups: [UserInfo.authenticatedGroup])).code == 200)
        #expect(await api.call("GET", "/api").code == 200)
        api.inFlight.release(alice)
        #expect(await api.call("GET", "/api", user: alice).code == 200)
    }
}
