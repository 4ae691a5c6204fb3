import Testing
import KubeModel
@testable import ControllerRuntime

@Suite("Controller loop")
struct ControllerTests {
    actor Log {
        var calls: [String] = []
        var running: Set<String> = []
        var overlaps = 0
        func start(_ k: String) {
            if running.contains(k) { overlaps += 1 }
            running.insert(k)
            calls.append(k)
        }
        func end(_ k: String) { running.remove(k) }
        func count(_ k: String) -> Int { calls.filter { $0 == k }.count }
        func wait(_ k: String, count n: Int, within: Duration = .seconds(30)) async -> Bool {
            let deadline = ContinuousClock.now + within
            while calls.filter({ $0 == k }).count < n {
                if ContinuousClock.now > deadline { return false }
                try? await Task.sleep(for: .milliseconds(2))
            }
            return true
        }
    }

    struct Boom: Error {}

    static func key(_ n: String) -> ObjectKey { ObjectKey(namespace: "ns", name: n) }
    static let fast = RetryRateLimiter(base: .milliseconds(1), maximum: .milliseconds(20), bucket: nil)

    @Test("an error retries the key with backoff until it succeeds, then the history is forgotten")
    func errorRetries() async {
        let log = Log()
        let c = Controller(name: "t", reconciler: ReconcilerFunction { key in
            await log.start(key.name)
            defer { Task { await log.end(key.name) } }
            if await log.count(key.name) < 3 { throw Boom() }
            return .done
        }, rateLimiter: Self.fast)
        let run = Task { await c.run() }
        await c.queue.add(Self.key("a"))
        #expect(await log.wait("a", count: 3))
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await log.count("a") == 3, "no retry after success")
        #expect(await c.queue.numRequeues(Self.key("a")) == 0)
        run.cancel()
        await run.value
    }

    @Test("a terminal error is not retried")
    func terminal() async {
        let log = Log()
        let c = Controller(name: "t", reconciler: ReconcilerFunction { key in
            await log.start(key.name)
            throw TerminalError(Boom())
        }, rateLimiter: Self.fast)
        let run = Task { await c.run() }
        await c.queue.add(Self.key("a"))
        #expect(await log.wait("a", count: 1))
        try? await Task.sleep(for: .milliseconds(60))
        #expect(await log.count("a") == 1)
        run.cancel()
        await run.value
    }

    @Test("requeueAfter brings the key back after the delay")
    func requeueAfter() async {
        let log = Log()
        let c = Controller(name: "t", reconciler: ReconcilerFunction { key in
            await log.start(key.name)
            return await log.count(key.name) < 2 ? .requeueAfter(.milliseconds(40)) : .done
        })
        let run = Task { await c.run() }
        let start = ContinuousClock.now
        await c.queue.add(Self.key("a"))
        #expect(await log.wait("a", count: 2))
        #expect(ContinuousClock.now - start >= .milliseconds(40))
        run.cancel()
        await run.value
    }

    @Test("a key is never reconciled twice at once, while other keys run concurrently")
    func oneAtATimePerKey() async {
        let log = Log()
        let c = Controller(name: "t", reconciler: ReconcilerFunction { key in
            await log.start(key.name)
            try? await Task.sleep(for: .milliseconds(20))
            await log.end(key.name)
            return await log.count(key.name) < 3 ? .requeue : .done
        }, workers: 4, rateLimiter: Self.fast)
        let run = Task { await c.run() }
        for n in ["a", "b", "c"] { await c.queue.add(Self.key(n)) }
        for _ in 0..<5 { await c.queue.add(Self.key("a")) }
        for n in ["a", "b", "c"] { #expect(await log.wait(n, count: 3)) }
        #expect(await log.overlaps == 0)
        run.cancel()
        await run.value
    }

    actor Gate {
        var open = false
        func release() { open = true }
    }

    @Test("a reconcile that hangs past the timeout does not block other keys and is cancelled")
    func hangingReconciler() async {
        let log = Log()
        let gate = Gate()
        let c = Controller(name: "t", reconciler: ReconcilerFunction { key in
            await log.start(key.name)
            if key.name == "stuck", await log.count("stuck") == 1 {
                // Ignores cancellation until the test releases it, as a badly behaved reconciler would.
                while !(await gate.open) { try? await Task.sleep(for: .milliseconds(10)) }
            }
            await log.end(key.name)
            return .done
        }, workers: 1, timeout: .milliseconds(50), rateLimiter: Self.fast)
        let run = Task { await c.run() }
        await c.queue.add(Self.key("stuck"))
        #expect(await log.wait("stuck", count: 1))
        await c.queue.add(Self.key("other"))
        #expect(await log.wait("other", count: 1), "the single worker moved on while the first reconcile still hangs")
        #expect(await log.count("stuck") == 1, "the timed-out key is not retried while its reconcile still runs")
        await gate.release()
        // The timed-out key is retried only after its hung reconcile really returned: no overlap.
        #expect(await log.wait("stuck", count: 2))
        #expect(await log.overlaps == 0)
        run.cancel()
        await run.value
    }

    @Test("predicates: generation changes, reconcile requests and deletions pass; status-only updates do not")
    func predicates() throws {
        func obj(gen: Int64, requested: String? = nil, deleting: Bool = false) -> KubeObject {
            var o = KubeObject(apiVersion: "v1", kind: "X", name: "n", namespace: "ns")
            o.generation = gen
            if let requested { o.annotations = ["reconcile.fluxcd.io/requestedAt": requested] }
            if deleting { o.deletionTimestamp = "2026-01-01T00:00:00Z" }
            return o
        }
        let p = Predicate.fluxPrimary
        #expect(p.test(.added(obj(gen: 1))))
        #expect(p.test(.deleted(obj(gen: 1))))
        #expect(!p.test(.updated(old: obj(gen: 1), new: obj(gen: 1))))
        #expect(p.test(.updated(old: obj(gen: 1), new: obj(gen: 2))))
        #expect(p.test(.updated(old: obj(gen: 1), new: obj(gen: 1, requested: "t1"))))
        #expect(!p.test(.updated(old: obj(gen: 1, requested: "t1"), new: obj(gen: 1, requested: "t1"))))
        #expect(p.test(.updated(old: obj(gen: 1), new: obj(gen: 1, deleting: true))))
    }
}
