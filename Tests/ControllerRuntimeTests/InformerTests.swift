import Testing
import KubeClient
import KubeModel
import StructuredData
@testable import ControllerRuntime

@Suite("Informer and shared cache")
struct InformerTests {
    static let cm = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)
    static let base = "GET /api/v1/configmaps"
    static let tail = "&allowWatchBookmarks=true&timeoutSeconds=300"

    static func object(_ name: String, ns: String = "default", rv: String, labels: [String: String] = [:], owner: String? = nil) -> String {
        let l = labels.isEmpty ? "" : #","labels":{"# + labels.sorted { $0.key < $1.key }.map { #""\#($0.key)":"\#($0.value)""# }.joined(separator: ",") + "}"
        return #"{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"\#(name)","namespace":"\#(ns)","resourceVersion":"\#(rv)"\#(l)}}"#
    }

    static func list(rv: String, _ items: [String]) -> String {
        #"{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"\#(rv)"},"items":[\#(items.joined(separator: ","))]}"#
    }

    static func event(_ type: String, _ object: String) -> String { #"{"type":"\#(type)","object":\#(object)}"# }

    static let expired = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version","reason":"Expired","code":410}}"#

    /// Collects delivered events as short strings.
    actor Recorder {
        var seen: [String] = []
        func add(_ e: InformerEvent) {
            switch e {
            case .added(let o): seen.append("added \(o.name)")
            case .updated(let old, let new): seen.append("updated \(new.name) \(old.resourceVersion)->\(new.resourceVersion)")
            case .deleted(let o): seen.append("deleted \(o.name)")
            }
        }
        func wait(for count: Int) async -> [String] {
            let deadline = ContinuousClock.now + .seconds(30)
            while seen.count < count, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
            return seen
        }
    }

    @Test("lists, delivers adds, resumes watching from the last version, and re-lists on 410 with a diff")
    func resumeAndRelist() async throws {
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", Self.list(rv: "10", [Self.object("a", rv: "5"), Self.object("b", rv: "6")])),
            .watch(Self.base + "?watch=true&resourceVersion=10" + Self.tail, events: [Self.event("MODIFIED", Self.object("a", rv: "11"))]),
            .watch(Self.base + "?watch=true&resourceVersion=11" + Self.tail, events: [Self.expired]),
            // After the 410: b is gone, a changed, c is new.
            .json(Self.base + "?limit=500", Self.list(rv: "20", [Self.object("a", rv: "15"), Self.object("c", rv: "19")])),
            .watch(Self.base + "?watch=true&resourceVersion=20" + Self.tail, events: []),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        let informer = Informer(client: client, resource: Self.cm)
        let recorder = Recorder()
        await informer.addHandler { await recorder.add($0) }
        let run = Task { await informer.run() }
        let seen = await recorder.wait(for: 6)
        run.cancel()
        #expect(seen == ["added a", "added b", "updated a 5->11", "updated a 11->15", "added c", "deleted b"])
        #expect(await informer.list().map(\.name) == ["a", "c"])
        #expect(await informer.hasSynced)
    }

    @Test("a label-selector-scoped informer lists and watches with the selector, in one namespace")
    func selectorScoping() async throws {
        let ns = "GET /api/v1/namespaces/team-a/configmaps"
        let sel = "labelSelector=sharding.fluxcd.io%2Fkey%20in%20%28shard1%29"
        let transport = ScriptedTransport([
            .json(ns + "?" + sel + "&limit=500", Self.list(rv: "3", [Self.object("x", ns: "team-a", rv: "2")])),
            .watch(ns + "?" + sel + "&watch=true&resourceVersion=3" + Self.tail, events: []),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        let factory = InformerFactory(client: client, namespaces: .named("team-a"),
                                      labelSelectors: [Self.cm.groupResource: "sharding.fluxcd.io/key in (shard1)"])
        let informer = await factory.informer(for: Self.cm)
        await factory.start()
        await informer.waitForSync()
        #expect(await informer.list().map(\.name) == ["x"])
        await factory.shutdown()
        let requests = await transport.requests.map { "\($0.method) \($0.pathAndQuery)" }
        #expect(requests.first == ns + "?" + sel + "&limit=500")
    }

    @Test("the same informer is shared for a resource however many times it is asked for")
    func shared() async {
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: ScriptedTransport([]))
        let factory = InformerFactory(client: client)
        let a = await factory.informer(for: Self.cm)
        let b = await factory.informer(for: Self.cm)
        #expect(a === b)
    }

    @Test("indexes follow adds, updates and deletes")
    func indexes() async throws {
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: ScriptedTransport([]))
        let informer = Informer(client: client, resource: Self.cm)
        await informer.addIndex("source") { [$0.labels["source"] ?? ""] }
        func obj(_ name: String, _ rv: String, _ source: String) throws -> KubeObject {
            KubeObject(try JSONParser.parse(Self.object(name, rv: rv, labels: ["source": source])))
        }
        _ = await informer.apply(.restarted([try obj("a", "1", "repo1"), try obj("b", "1", "repo1"), try obj("c", "1", "repo2")]))
        #expect(await informer.byIndex("source", "repo1").map(\.name) == ["a", "b"])
        _ = await informer.apply(.applied(try obj("b", "2", "repo2")))
        #expect(await informer.byIndex("source", "repo1").map(\.name) == ["a"])
        #expect(await informer.byIndex("source", "repo2").map(\.name) == ["b", "c"])
        _ = await informer.apply(.deleted(try obj("c", "3", "repo2")))
        #expect(await informer.byIndex("source", "repo2").map(\.name) == ["b"])
        #expect(await informer.byIndex(Informer.namespaceIndex, "default").map(\.name) == ["a", "b"])
    }

    @Test("resync re-delivers every cached object as an unchanged update")
    func resync() async throws {
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", Self.list(rv: "1", [Self.object("a", rv: "1")])),
            .watch(Self.base + "?watch=true&resourceVersion=1" + Self.tail, events: []),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        let informer = Informer(client: client, resource: Self.cm, resyncPeriod: .milliseconds(30))
        let recorder = Recorder()
        await informer.addHandler { await recorder.add($0) }
        let run = Task { await informer.run() }
        let seen = await recorder.wait(for: 3)
        run.cancel()
        #expect(Array(seen.prefix(3)) == ["added a", "updated a 1->1", "updated a 1->1"])
    }

    @Test("a handler added after the sync first receives every cached object")
    func lateHandler() async throws {
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: ScriptedTransport([]))
        let informer = Informer(client: client, resource: Self.cm)
        _ = await informer.apply(.restarted([KubeObject(try JSONParser.parse(Self.object("z", rv: "1"))),
                                             KubeObject(try JSONParser.parse(Self.object("y", rv: "1")))]))
        let recorder = Recorder()
        await informer.addHandler { await recorder.add($0) }
        #expect(await recorder.seen == ["added y", "added z"])
    }
}
