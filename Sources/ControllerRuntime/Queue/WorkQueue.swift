import DequeModule
import HeapModule

/// A deduplicating, rate-limited work queue with client-go's semantics (`workqueue.RateLimitingInterface`).
///
/// Contract:
/// - An item is in the queue at most once: adding an item that is already waiting does nothing.
/// - An item is processed by one worker at a time: `get()` hands it out and marks it processing;
///   an add while it is processing is remembered and the item is queued again on `done(item)`.
/// - `addAfter(item, delay)` queues it once the delay has passed (the earliest pending time wins);
///   `addRateLimited(item)` uses the retry limiter; `forget(item)` resets its failure history.
/// - `get()` suspends until an item is ready; it returns nil once the queue is shut down (after
///   in-flight items are done when shutting down with `drain`).
public actor WorkQueue<Item: Hashable & Sendable> {
    private var queue = Deque<Item>()
    private var dirty = Set<Item>()
    private var processing = Set<Item>()
    private var waiters: [CheckedContinuation<Item?, Never>] = []
    private var shuttingDown = false
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []

    private var delayed = Heap<Delayed>()
    /// The earliest pending time of each delayed item (later duplicates are ignored).
    private var delayedAt: [Item: ContinuousClock.Instant] = [:]
    private var timer: Task<Void, Never>?
    private var timerDeadline: ContinuousClock.Instant?
    private var sequence = 0

    private var limiter: RetryRateLimiter
    private var failures: [Item: Int] = [:]
    private let metrics: QueueMetrics?

    struct Delayed: Comparable {
        var at: ContinuousClock.Instant
        var seq: Int
        var item: Item
        static func < (a: Delayed, b: Delayed) -> Bool { a.at == b.at ? a.seq < b.seq : a.at < b.at }
        static func == (a: Delayed, b: Delayed) -> Bool { a.at == b.at && a.seq == b.seq }
    }

    public init(rateLimiter: RetryRateLimiter = .controllerRuntimeDefault, metrics: QueueMetrics? = nil) {
        limiter = rateLimiter
        self.metrics = metrics
    }

    /// Items waiting to be handed out (not counting delayed or processing ones).
    public var count: Int { queue.count }
    /// Items waiting for their delay to pass.
    public var delayedCount: Int { delayedAt.count }
    public var isShuttingDown: Bool { shuttingDown }

    public func add(_ item: Item) {
        guard !shuttingDown, !dirty.contains(item) else { return }
        metrics?.added()
        dirty.insert(item)
        guard !processing.contains(item) else { return }
        enqueue(item)
    }

    private func enqueue(_ item: Item) {
        if !waiters.isEmpty {
            processing.insert(item)
            dirty.remove(item)
            waiters.removeFirst().resume(returning: item)
        } else {
            queue.append(item)
            metrics?.depth(queue.count)
        }
    }

    public func addAfter(_ item: Item, _ delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(item) }
        let at = ContinuousClock.now + delay
        if let existing = delayedAt[item], existing <= at { return }
        delayedAt[item] = at
        sequence += 1
        delayed.insert(Delayed(at: at, seq: sequence, item: item))
        armTimer()
    }

    public func addRateLimited(_ item: Item) {
        let n = failures[item, default: 0]
        failures[item] = n + 1
        addAfter(item, limiter.delay(afterFailures: n))
    }

    public func forget(_ item: Item) { failures[item] = nil }

    /// How many times `item` failed since it was last forgotten.
    public func numRequeues(_ item: Item) -> Int { failures[item, default: 0] }

    public func get() async -> Item? {
        if let item = queue.popFirst() {
            metrics?.depth(queue.count)
            processing.insert(item)
            dirty.remove(item)
            return item
        }
        if shuttingDown { return nil }
        return await withCheckedContinuation { waiters.append($0) }
    }

    public func done(_ item: Item) {
        processing.remove(item)
        if dirty.contains(item) { enqueue(item) }
        if processing.isEmpty, !drainWaiters.isEmpty {
            for w in drainWaiters { w.resume() }
            drainWaiters = []
        }
    }

    /// Stops the queue: no more adds; waiting `get()` calls return nil. With `drain`, suspends
    /// until every item being processed is done.
    public func shutDown(drain: Bool = false) async {
        shuttingDown = true
        timer?.cancel()
        timer = nil
        for w in waiters { w.resume(returning: nil) }
        waiters = []
        if drain, !processing.isEmpty {
            await withCheckedContinuation { drainWaiters.append($0) }
        }
    }

    // MARK: delayed items

    private func armTimer() {
        guard let next = delayed.min?.at else { return }
        if let deadline = timerDeadline, deadline <= next, timer != nil { return }
        timer?.cancel()
        timerDeadline = next
        timer = Task { [weak self] in
            try? await Task.sleep(until: next, clock: .continuous)
            guard !Task.isCancelled else { return }
            await self?.fireDelayed()
        }
    }

    private func fireDelayed() {
        timer = nil
        timerDeadline = nil
        let now = ContinuousClock.now
        while let first = delayed.min, first.at <= now {
            _ = delayed.popMin()
            // Skip stale entries superseded by an earlier time for the same item.
            guard delayedAt[first.item] == first.at else { continue }
            delayedAt[first.item] = nil
            add(first.item)
        }
        armTimer()
    }
}
