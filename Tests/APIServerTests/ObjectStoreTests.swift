import Foundation
import KubeModel
import StructuredData
import Testing
@testable import APIServerCore

@Suite("Object store and revision log")
struct ObjectStoreTests {
    let key = ObjectKey(resource: QualifiedResource(group: "", resource: "configmaps"), namespace: "default", name: "a")

    @Test("revisions are global and monotonic, and a stale revision is a conflict")
    func revisions() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let first = try await store.commit([Mutation(key: key, precondition: .absent, value: configMap("a"))])
        #expect(first.first?.revision == 1)
        #expect(first.first?.value.metadataString("resourceVersion") == "1")
        let other = ObjectKey(resource: QualifiedResource(group: "apps", resource: "deployments"), namespace: "default", name: "d")
        let second = try await store.commit([Mutation(key: other, precondition: .absent, value: ["kind": "Deployment"])])
        #expect(second.first?.revision == 2)
        _ = try await store.commit([Mutation(key: key, precondition: .revision(1), value: configMap("a", ["b": "2"]))])
        do {
            try await store.commit([Mutation(key: key, precondition: .revision(1), value: configMap("a"))])
            Issue.record("stale revision accepted")
        } catch {
            #expect(error.code == 409)
            #expect(error.message == "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again")
        }
    }

    @Test("a restart over SQLite keeps objects and continues the revision sequence")
    func restart() async throws {
        let dir = temporaryDirectory()
        let path = dir + "/state.db"
        do {
            let store = try ObjectStore(log: SQLiteRevisionLog(path: path))
            for i in 0..<5 {
                let k = ObjectKey(resource: key.resource, namespace: "default", name: "cm\(i)")
                try await store.commit([Mutation(key: k, precondition: .absent, value: configMap("cm\(i)"))])
            }
            try await store.commit([Mutation(key: ObjectKey(resource: key.resource, namespace: "default", name: "cm0"), precondition: .exists, value: nil)])
        }
        let reopened = try ObjectStore(log: SQLiteRevisionLog(path: path))
        #expect(await reopened.currentRevision == 6)
        #expect(await reopened.list(key.resource, namespace: "default").objects.map(\.key.name) == ["cm1", "cm2", "cm3", "cm4"])
        let next = try await reopened.commit([Mutation(key: key, precondition: .absent, value: configMap("a"))])
        #expect(next.first?.revision == 7)
        let (_, events) = try await reopened.watch(WatchFilter(resource: key.resource, namespace: nil), from: 4)
        let seen = await collect(events, count: 3)
        #expect(seen.map(\.type) == [.added, .deleted, .added])
    }

    @Test("a watch replays history after a revision and fails with Expired below the window")
    func watchWindow() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog(), historyLimit: 3)
        for i in 0..<6 {
            let k = ObjectKey(resource: key.resource, namespace: "default", name: "cm\(i)")
            try await store.commit([Mutation(key: k, precondition: .absent, value: configMap("cm\(i)"))])
        }
        let (_, events) = try await store.watch(WatchFilter(resource: key.resource, namespace: "default"), from: 3)
        let replay = await collect(events, count: 3)
        #expect(replay.map { $0.object.metadataString("name") } == ["cm3", "cm4", "cm5"])
        do {
            _ = try await store.watch(WatchFilter(resource: key.resource, namespace: nil), from: 1)
            Issue.record("expected Expired")
        } catch {
            #expect(error.code == 410)
            #expect(error.reason == "Expired")
            #expect(error.message == "too old resource version: 1 (4)")
        }
    }

    @Test("selectors turn a match change into ADDED and DELETED")
    func selectorTransitions() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let filter = WatchFilter(resource: key.resource, namespace: "default") { $0.labels["app"] == "x" }
        let (_, events) = try await store.watch(filter, from: 0)
        try await store.commit([Mutation(key: key, precondition: .absent, value: configMap("a"))])
        try await store.commit([Mutation(key: key, precondition: .exists, value: configMap("a", labels: ["app": "x"]))])
        try await store.commit([Mutation(key: key, precondition: .exists, value: configMap("a", ["z": "9"], labels: ["app": "x"]))])
        try await store.commit([Mutation(key: key, precondition: .exists, value: configMap("a"))])
        let seen = await collect(events, count: 3)
        #expect(seen.map(\.type) == [.added, .modified, .deleted])
    }

    @Test("a list by equality selector reads the label index, which follows label changes, deletes and namespaces")
    func labelIndex() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let resource = key.resource
        func k(_ ns: String, _ name: String) -> ObjectKey { ObjectKey(resource: resource, namespace: ns, name: name) }
        func names(_ selector: String, _ ns: String?) async throws -> [String] {
            let selector = try LabelSelector.parse(selector)
            return await store.list(resource, namespace: ns, selecting: selector).objects
                .filter { selector.matches($0.value.labels) }.map { $0.key.localKey }
        }
        try await store.commit([
            Mutation(key: k("a", "one"), precondition: .absent, value: configMap("one", labels: ["owner": "helm", "name": "x"])),
            Mutation(key: k("a", "two"), precondition: .absent, value: configMap("two", labels: ["owner": "helm", "name": "y"])),
            Mutation(key: k("b", "three"), precondition: .absent, value: configMap("three", labels: ["owner": "helm", "name": "x"])),
        ])
        #expect(try await names("owner=helm,name=x", nil) == ["a/one", "b/three"])
        #expect(try await names("owner=helm,name=x", "a") == ["a/one"])
        #expect(try await names("name in (y)", nil) == ["a/two"])
        #expect(try await names("owner=helm,name!=x", "a") == ["a/two"])
        try await store.commit([Mutation(key: k("a", "one"), precondition: .exists, value: configMap("one", labels: ["owner": "helm", "name": "y"]))])
        #expect(try await names("name=x", nil) == ["b/three"])
        #expect(try await names("name=y", nil) == ["a/one", "a/two"])
        try await store.commit([Mutation(key: k("a", "two"), precondition: .exists, value: nil)])
        #expect(try await names("name=y", nil) == ["a/one"])
        #expect(try await names("owner", "a") == ["a/one"])
        #expect(try await names("name=none", nil).isEmpty)
    }
}


@Suite("Watch history bounds")
struct HistoryBoundTests {
    let resource = QualifiedResource(group: "", resource: "secrets")

    @Test("the history drops its oldest events past its byte budget, keeps the newest, and answers older watches with Expired")
    func byteBudget() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog(), historyLimit: 1_000, historyByteLimit: 50_000)
        let big = String(repeating: "x", count: 20_000)
        for i in 0..<6 {
            let key = ObjectKey(resource: resource, namespace: "default", name: "s\(i)")
            try await store.commit([Mutation(key: key, precondition: .absent, value: configMap("s\(i)", ["blob": .string(big)]))])
        }
        let footprint = await store.footprint()
        #expect(footprint.historyEvents == 2)
        #expect(footprint.historyBytes <= 50_000)
        #expect(await store.historyFloor == 4)
        let (_, events) = try await store.watch(WatchFilter(resource: resource, namespace: nil), from: 4)
        #expect(await collect(events, count: 2).map { $0.object.metadataString("name") } == ["s4", "s5"])
        do {
            _ = try await store.watch(WatchFilter(resource: resource, namespace: nil), from: 3)
            Issue.record("expected Expired")
        } catch {
            #expect(error.code == 410)
        }
    }

    @Test("a large object is not kept serialized beside its value, and lists still splice the same JSON")
    func largeObjectBytes() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let key = ObjectKey(resource: resource, namespace: "default", name: "big")
        let value = configMap("big", ["blob": .string(String(repeating: "<&>", count: 10_000))])
        let stored = try await store.commit([Mutation(key: key, precondition: .absent, value: value)])
        let object = try #require(stored.first)
        #expect(object.bytes == object.value.serializedBytes())
        let listed = APIResponse.listBytes(header: ["kind": "SecretList"], items: [object])
        #expect(try JSONParser.parse(bytes: listed)["items"]?[0] == object.value)
        #expect(object.cachedBytes == nil)
    }

    @Test("a small object is serialized on its first list, not at its write, and the form is shared by every copy")
    func lazySerializedForm() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let key = ObjectKey(resource: resource, namespace: "default", name: "a")
        let stored = try #require(await store.commit([Mutation(key: key, precondition: .absent, value: configMap("a"))]).first)
        #expect(stored.cachedBytes == nil)
        let listed = try #require(await store.get(key))
        _ = APIResponse.listBytes(header: ["kind": "ConfigMapList"], items: [listed])
        #expect(stored.cachedBytes == stored.value.serializedBytes())
        #expect(await store.get(key)?.cachedBytes != nil)
    }

    @Test("an update's previous state shares the bytes its own write left in the history")
    func historySharesPreviousState() async throws {
        let store = try ObjectStore(log: MemoryRevisionLog())
        let key = ObjectKey(resource: resource, namespace: "default", name: "a")
        _ = try await store.commit([Mutation(key: key, precondition: .absent, value: configMap("a"))])
        _ = try await store.commit([Mutation(key: key, precondition: .revision(1), value: configMap("a", ["b": "2"]))])
        let events = await store.history
        #expect(events.count == 2)
        let written = events[0].object, previous = try #require(events[1].previous)
        #expect(written == previous)
        let same = written.withUnsafeBufferPointer { w in previous.withUnsafeBufferPointer { $0.baseAddress == w.baseAddress } }
        #expect(same)
        #expect(try #require(events[1].event).previous?.metadataString("resourceVersion") == "1")
    }
}

@Suite("Revision log compaction")
struct CompactionTests {
    @Test("compaction keeps every live object and the revision sequence, and moves the 410 floor")
    func compaction() async throws {
        let dir = temporaryDirectory()
        let path = dir + "/state.db"
        let resource = QualifiedResource(group: "", resource: "configmaps")
        let keep = ObjectKey(resource: resource, namespace: "default", name: "keep")
        let gone = ObjectKey(resource: resource, namespace: "default", name: "gone")
        do {
            let store = try ObjectStore(log: SQLiteRevisionLog(path: path), historyLimit: 50)
            try await store.commit([Mutation(key: keep, precondition: .absent, value: configMap("keep"))])
            try await store.commit([Mutation(key: gone, precondition: .absent, value: configMap("gone"))])
            try await store.commit([Mutation(key: gone, precondition: .exists, value: nil)])
            for i in 0..<1100 {
                try await store.commit([Mutation(key: keep, precondition: .exists, value: configMap("keep", ["i": .string(String(i))]))])
            }
            #expect(await store.historyFloor > 1000)
        }
        let log = try SQLiteRevisionLog(path: path)
        let snapshot = try log.load(historyLimit: 50)
        #expect(snapshot.currentRevision == 1103)
        #expect(snapshot.live.map(\.key) == [keep.description])
        #expect(snapshot.historyFloor > 1000)
        let reopened = try ObjectStore(log: log, historyLimit: 50)
        #expect(await reopened.get(keep)?.value["data"]?["i"] == "1099")
        #expect(await reopened.get(gone) == nil)
        do {
            _ = try await reopened.watch(WatchFilter(resource: resource, namespace: nil), from: 10)
            Issue.record("expected Expired")
        } catch {
            #expect(error.code == 410)
        }
    }
}
