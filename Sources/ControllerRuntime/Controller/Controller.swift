import Foundation
import KubeModel
import Logging
import Synchronization

/// A controller: a deduplicating work queue fed by informer events, drained by `workers`
/// concurrent reconcile loops (controller-runtime's `Controller`).
///
/// Contract:
/// - One reconcile per key at a time; different keys run concurrently up to `workers`.
/// - Outcomes map to the queue in one place (`settle`): an error → rate-limited retry unless
///   terminal; `.requeueAfter` → forget failures and add after the delay; `.requeue` →
///   rate-limited add; `.done` → forget.
/// - A reconcile that runs past `timeout` is cancelled and counted as an error; its worker moves
///   on at once, and the key stays locked until the cancelled reconcile really returns, so a hung
///   reconciler never blocks other keys and never runs twice for the same key.
/// - `run()` returns after its task is cancelled and in-flight reconciles have finished (drain);
///   reconciles still running `gracefulShutdownTimeout` after the cancellation are cancelled
///   (`--graceful-shutdown-timeout`).
public final class Controller: Sendable {
    public let name: String
    public let queue: WorkQueue<ObjectKey>
    let reconciler: any Reconciler
    let workers: Int
    let timeout: Duration?
    let gracefulShutdownTimeout: Duration?
    let metrics: ControllerMetrics?
    let logger: Logger
    /// The reconciles running now, by a per-run identifier.
    private let inFlight = Mutex<[UUID: Task<Result<ReconcileResult, any Error>, Never>]>([:])

    public init(name: String, reconciler: any Reconciler, workers: Int = 1, timeout: Duration? = nil,
                gracefulShutdownTimeout: Duration? = nil,
                rateLimiter: RetryRateLimiter = .controllerRuntimeDefault, metrics: ControllerMetrics? = nil,
                logger: Logger = Logger(label: "controller")) {
        self.name = name
        self.reconciler = reconciler
        self.workers = max(1, workers)
        self.timeout = timeout
        self.gracefulShutdownTimeout = gracefulShutdownTimeout
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "controller"] = "\(name)"
        self.logger = logger
        queue = WorkQueue(rateLimiter: rateLimiter, metrics: metrics?.queue)
    }

    /// Feeds events of `informer` that pass `predicate` into the queue, as the keys `map` returns
    /// (by default the object's own key).
    public func watch(_ informer: Informer, predicate: Predicate = .any,
                      map: (@Sendable (InformerEvent) async -> [ObjectKey])? = nil) async {
        let queue = self.queue
        await informer.addHandler { event in
            guard predicate.test(event) else { return }
            if let map {
                for key in await map(event) { await queue.add(key) }
            } else {
                await queue.add(ObjectKey(event.object))
            }
        }
    }

    /// Runs the workers until cancelled, then drains.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask { await self.workerLoop() }
            }
            await withTaskCancellationHandler {
                await group.waitForAll()
            } onCancel: {
                Task { await self.queue.shutDown(drain: true) }
                if let grace = self.gracefulShutdownTimeout {
                    Task {
                        try? await Task.sleep(for: grace)
                        for work in self.inFlight.withLock({ Array($0.values) }) { work.cancel() }
                    }
                }
            }
        }
    }

    private func workerLoop() async {
        while let key = await queue.get() {
            await process(key)
        }
    }

    /// One reconcile of `key` with the timeout, then the queue bookkeeping.
    func process(_ key: ObjectKey) async {
        let started = ContinuousClock.now
        var log = logger
        log[metadataKey: "name"] = "\(key.name)"
        log[metadataKey: "namespace"] = "\(key.namespace)"
        log[metadataKey: "reconcileID"] = "\(UUID().uuidString.lowercased())"
        let reconciler = self.reconciler
        let scoped = log
        let work = Task { () -> Result<ReconcileResult, any Error> in
            await ReconcileContext.$logger.withValue(scoped) {
                do { return .success(try await reconciler.reconcile(key)) } catch { return .failure(error) }
            }
        }
        let id = UUID()
        inFlight.withLock { $0[id] = work }
        let outcome = await Self.race(work, timeout: timeout)
        metrics?.reconciled(controller: name, duration: ContinuousClock.now - started, outcome: outcome)
        switch outcome {
        case .finished(let result):
            inFlight.withLock { $0[id] = nil }
            await settle(key, result, log)
            await queue.done(key)
        case .timedOut:
            log.error("Reconciler error", metadata: ["error": "reconcile timed out after \(timeout.map { "\($0)" } ?? "")"])
            await queue.addRateLimited(key)
            let queue = self.queue
            Task {
                _ = await work.value
                self.inFlight.withLock { $0[id] = nil }
                await queue.done(key)
            }
        }
    }

    /// The queue policy, in one switch.
    func settle(_ key: ObjectKey, _ result: Result<ReconcileResult, any Error>, _ log: Logger) async {
        switch result {
        case .failure(let error as TerminalError):
            log.error("Reconciler error", metadata: ["error": "\(error)"])
            await queue.forget(key)
        case .failure(let error):
            if !(error is CancellationError) { log.error("Reconciler error", metadata: ["error": "\(error)"]) }
            await queue.addRateLimited(key)
        case .success(.requeueAfter(let delay)):
            await queue.forget(key)
            await queue.addAfter(key, delay)
        case .success(.requeue):
            await queue.addRateLimited(key)
        case .success(.done):
            await queue.forget(key)
        }
    }

    enum Outcome {
        case finished(Result<ReconcileResult, any Error>)
        case timedOut
    }

    /// Waits for `work`, or for `timeout` (then cancels `work` without waiting for it).
    static func race(_ work: Task<Result<ReconcileResult, any Error>, Never>, timeout: Duration?) async -> Outcome {
        guard let timeout else { return .finished(await work.value) }
        let once = OnceFlag()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let timer = Task {
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled, once.claim() else { return }
                work.cancel()
                continuation.resume(returning: .timedOut)
            }
            Task {
                let result = await work.value
                guard once.claim() else { return }
                timer.cancel()
                continuation.resume(returning: .finished(result))
            }
        }
    }
}

/// True for the first caller of `claim()` only.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    func claim() -> Bool {
        lock.withLock {
            if claimed { return false }
            claimed = true
            return true
        }
    }
}
