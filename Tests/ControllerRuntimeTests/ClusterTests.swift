import Testing
import ControllerRuntime
import KubeClient
import KubeModel
import StructuredData

@Suite("Runtime on the embedded API server", .serialized)
struct ClusterTests {
    static let events = APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true)

    static func installCRD(_ client: KubeClient) async throws {
        _ = try await client.create(KubeObject(Counter.crd))
        #expect(try await eventually {
            (try? await client.list(Counter.apiResource, in: .named("default"))) != nil
        })
    }

    static func labelled(_ name: String) -> ConfigMap {
        var cm = ConfigMap(name: name, namespace: "default", data: ["k": "v"])
        cm.metadata.labels = ["count": "me"]
        return cm
    }

    /// Wires the counter controller on `client` and runs it until the returned task is cancelled.
    static func startController(_ client: KubeClient) async -> (Task<Void, Never>, RunCounter, ControllerManager) {
        let runtime = ControllerRuntime(client: client, options: ManagerOptions(), ownKinds: [Counter.apiResource])
        let manager = ControllerManager(name: "counter-controller", runtime: runtime)
        let runs = RunCounter()
        let reconciler = CounterReconciler(client: client, cache: runtime.cache, events: manager.events, runs: runs)
        let controller = manager.controller(name: "counter", kind: "Counter", group: "test.swiftflux.dev", reconciler: reconciler)
        let counters = await runtime.cache.informer(Counter.self)
        let configMaps = await runtime.cache.informer(ConfigMap.self)
        await controller.watch(counters, predicate: .fluxPrimary)
        await controller.watch(configMaps, predicate: .any) { event in
            await counters.list(namespace: event.object.namespace).map(ObjectKey.init)
        }
        let task = Task {
            _ = await manager.run()
            await runtime.factory.shutdown()
        }
        return (task, runs, manager)
    }

    static func count(_ client: KubeClient) async -> Int? {
        (try? await client.get(Counter.self, namespace: "default", name: "c1"))?.status?.count
    }

    @Test("a controller built on the runtime counts ConfigMaps into a status, with a Ready condition and an event")
    func counts() async throws {
        try await withTestCluster { client in
            try await Self.installCRD(client)
            _ = try await client.create(Counter(name: "c1", namespace: "default"))
            for n in ["a", "b", "c"] { _ = try await client.create(Self.labelled(n)) }
            _ = try await client.create(ConfigMap(name: "other", namespace: "default"))
            let (task, _, manager) = await Self.startController(client)
            #expect(try await eventually { await Self.count(client) == 3 })
            let counter = try await client.get(Counter.self, namespace: "default", name: "c1")
            #expect(counter.condition("Ready")?.status == .true)
            #expect(counter.condition("Ready")?.message == "counted 3 ConfigMaps")
            #expect(counter.condition("Ready")?.observedGeneration == counter.generation)
            _ = try await client.create(Self.labelled("d"))
            #expect(try await eventually { await Self.count(client) == 4 })
            await manager.events.flush()
            let events = try await client.listAll(Self.events, in: .named("default")).items.filter { $0.raw["reason"]?.stringValue == "Counted" }
            #expect(events.count >= 1)
            #expect(events.first?.raw[path: ["source", "component"]]?.stringValue == "counter-controller")
            #expect(events.first?.raw[path: ["involvedObject", "kind"]]?.stringValue == "Counter")
            task.cancel()
            await task.value
        }
    }

    @Test("after the API server restarts, the informers re-list and the controller neither misses nor repeats work")
    func restart() async throws {
        let cluster = try RestartableCluster()
        try await cluster.start()
        guard let client = cluster.client else { Issue.record("no client"); return }
        try await Self.installCRD(client)
        _ = try await client.create(Counter(name: "c1", namespace: "default"))
        for n in ["a", "b"] { _ = try await client.create(Self.labelled(n)) }
        let (task, runs, _) = await Self.startController(client)
        #expect(try await eventually { await Self.count(client) == 2 })
        let before = await runs.count(ObjectKey(namespace: "default", name: "c1"))

        await cluster.stop()
        try await Task.sleep(for: .milliseconds(300))
        try await cluster.start()
        for n in ["c", "d", "e"] { _ = try await client.create(Self.labelled(n)) }
        #expect(try await eventually(within: .seconds(20)) { await Self.count(client) == 5 })
        try await Task.sleep(for: .milliseconds(300))
        let after = await runs.count(ObjectKey(namespace: "default", name: "c1"))
        // One reconcile per ConfigMap change at most (the queue deduplicates bursts), nothing unbounded.
        #expect(after - before >= 1 && after - before <= 4, "reconciles after restart: \(after - before)")
        task.cancel()
        await task.value
        await cluster.destroy()
    }

    @Test("identical events are folded into one Event with a count")
    func eventCount() async throws {
        try await withTestCluster { client in
            let recorder = EventRecorder(client: client, component: "test-controller")
            let cm = try await client.create(ConfigMap(name: "subject", namespace: "default"))
            for _ in 0..<3 { recorder.event(cm, type: .warning, reason: "Failed", message: "same thing") }
            recorder.event(cm, type: .trace, reason: "Traced", message: "a trace")
            await recorder.flush()
            let events = try await client.listAll(Self.events, in: .named("default")).items
            let failed = events.filter { $0.raw["reason"]?.stringValue == "Failed" }
            #expect(failed.count == 1)
            #expect(failed.first?.raw["count"]?.intValue == 3)
            #expect(failed.first?.raw["type"]?.stringValue == "Warning")
            let traced = events.filter { $0.raw["reason"]?.stringValue == "Traced" }
            #expect(traced.first?.raw["type"]?.stringValue == "Normal", "Trace events are recorded as Normal")
            recorder.shutdown()
        }
    }

    @Test("two electors never lead at once, and a released lease is taken over at once")
    func leaderElection() async throws {
        try await withTestCluster { client in
            actor Leading { var now = 0, max = 0, leaders: [String] = []
                func enter(_ id: String) { now += 1; max = Swift.max(max, now); leaders.append(id) }
                func exit() { now -= 1 } }
            let leading = Leading()
            func elector(_ id: String) -> LeaderElector {
                var e = LeaderElector(client: client, namespace: "default", name: "test-leader-election", identity: id)
                e.leaseDuration = .seconds(2)
                e.renewDeadline = .seconds(1)
                e.retryPeriod = .milliseconds(100)
                return e
            }
            let first = Task { await elector("one").run { await leading.enter("one"); try? await Task.sleep(for: .seconds(60)); await leading.exit() } }
            #expect(try await eventually { await leading.leaders == ["one"] })
            let second = Task { await elector("two").run { await leading.enter("two"); try? await Task.sleep(for: .seconds(60)); await leading.exit() } }
            try await Task.sleep(for: .milliseconds(500))
            #expect(await leading.leaders == ["one"], "the second waits while the first renews")
            first.cancel()
            #expect(await first.value == .cancelled)
            #expect(try await eventually(within: .seconds(3)) { await leading.leaders == ["one", "two"] })
            #expect(await leading.max == 1)
            second.cancel()
            _ = await second.value
        }
    }
}

@Suite("Bad input on the embedded API server")
struct BadInputTests {
    @Test("an object that does not decode into its type is marked Stalled and Ready=False with the decoding error")
    func undecodable() async throws {
        try await withTestCluster { client in
            try await ClusterTests.installCRD(client)
            var raw = KubeObject(apiVersion: "test.swiftflux.dev/v1", kind: "Counter", name: "bad", namespace: "default")
            raw.raw["spec"] = ["suspend": "sometimes"]
            _ = try await client.create(raw)
            let runtime = ControllerRuntime(client: client, options: ManagerOptions())
            let informer = await runtime.cache.informer(Counter.self)
            await runtime.factory.start()
            await informer.waitForSync()
            let outcome = try await TypedRead.read(Counter.self, ObjectKey(namespace: "default", name: "bad"), cache: runtime.cache, client: client)
            guard case .invalid(let failure) = outcome else { Issue.record("expected invalid"); return }
            #expect(failure.description == "spec.suspend: expected boolean, found string")
            let stored = try await client.get(Counter.apiResource, namespace: "default", name: "bad")
            #expect(stored.condition("Stalled")?.status == .true)
            #expect(stored.condition("Ready")?.status == .false)
            #expect(stored.condition("Ready")?.reason == "DecodingFailed")
            #expect(stored.condition("Ready")?.message == "invalid Counter object: spec.suspend: expected boolean, found string")
            await runtime.factory.shutdown()
        }
    }
}
