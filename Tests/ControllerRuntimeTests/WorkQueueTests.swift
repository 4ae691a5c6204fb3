import Testing
@testable import ControllerRuntime

@Suite("Work queue")
struct WorkQueueTests {
    @Test("an item added several times while waiting is handed out once")
    func dedupe() async {
        let q = WorkQueue<String>()
        await q.add("a")
        await q.add("b")
        await q.add("a")
        #expect(await q.count == 2)
        #expect(await q.get() == "a")
        #expect(await q.get() == "b")
        #expect(await q.count == 0)
    }

    @Test("an item added while it is processed waits, and is queued again once done")
    func oneAtATime() async {
        let q = WorkQueue<String>()
        await q.add("a")
        #expect(await q.get() == "a")
        await q.add("a")
        await q.add("a")
        #expect(await q.count == 0, "not handed out while processing")
        await q.done("a")
        #expect(await q.count == 1)
        #expect(await q.get() == "a")
        await q.done("a")
        #expect(await q.count == 0)
    }

    @Test("a waiting get receives the next added item")
    func waitingGet() async {
        let q = WorkQueue<Int>()
        async let next = q.get()
        try? await Task.sleep(for: .milliseconds(20))
        await q.add(7)
        #expect(await next == 7)
    }

    @Test("delayed items arrive after their delay, earliest time wins for duplicates")
    func addAfter() async {
        let q = WorkQueue<String>()
        let start = ContinuousClock.now
        await q.addAfter("late", .milliseconds(200))
        await q.addAfter("soon", .milliseconds(60))
        await q.addAfter("late", .milliseconds(30))
        #expect(await q.count == 0)
        #expect(await q.get() == "late")
        let first = ContinuousClock.now - start
        #expect(first >= .milliseconds(30))
        #expect(await q.get() == "soon")
        #expect(ContinuousClock.now - start >= .milliseconds(60))
        #expect(await q.delayedCount == 0, "the superseded 200 ms entry is gone")
    }

    @Test("rate-limited adds back off exponentially per item and forget resets the history")
    func backoff() {
        var limiter = RetryRateLimiter(base: .milliseconds(5), maximum: .seconds(1000), bucket: nil)
        let delays = (0..<5).map { limiter.delay(afterFailures: $0) }
        #expect(delays == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40), .milliseconds(80)])
        #expect(limiter.delay(afterFailures: 40) == .seconds(1000), "capped at the maximum")
        #expect(limiter.delay(afterFailures: 100) == .seconds(1000), "no overflow for huge counts")
    }

    @Test("the queue counts failures per item until forgotten")
    func numRequeues() async {
        let q = WorkQueue<String>(rateLimiter: .flux(minRetryDelay: .milliseconds(1), maxRetryDelay: .milliseconds(2)))
        await q.addRateLimited("x")
        await q.addRateLimited("x")
        #expect(await q.numRequeues("x") == 2)
        #expect(await q.numRequeues("y") == 0)
        await q.forget("x")
        #expect(await q.numRequeues("x") == 0)
        #expect(await q.get() == "x")
    }

    @Test("the overall bucket delays items once its burst is spent")
    func bucket() {
        var limiter = RetryRateLimiter(base: .milliseconds(1), maximum: .seconds(1), bucket: (qps: 10, burst: 2))
        let now = ContinuousClock.now
        #expect(limiter.delay(afterFailures: 0, now: now) == .milliseconds(1))
        #expect(limiter.delay(afterFailures: 0, now: now) == .milliseconds(1))
        let third = limiter.delay(afterFailures: 0, now: now)
        #expect(third >= .milliseconds(99) && third <= .milliseconds(101))
    }

    @Test("shutting down wakes waiting gets with nil and refuses new items")
    func shutdown() async {
        let q = WorkQueue<Int>()
        async let waiting = q.get()
        try? await Task.sleep(for: .milliseconds(20))
        await q.shutDown()
        #expect(await waiting == nil)
        await q.add(1)
        #expect(await q.get() == nil)
    }

    @Test("draining waits for items being processed")
    func drain() async {
        let q = WorkQueue<Int>()
        await q.add(1)
        #expect(await q.get() == 1)
        let drained = Task { await q.shutDown(drain: true) }
        try? await Task.sleep(for: .milliseconds(20))
        await q.done(1)
        await drained.value
        #expect(await q.isShuttingDown)
    }
}
