import ControllerRuntime
import FluxAPI
import GoCompat
import HelmActions
import KubeClient
import KubeModel
import Logging

/// helm-controller's options (its flags).
public struct HelmControllerOptions: Sendable {
    /// `--requeue-dependency` (30 s).
    public var requeueDependency: Duration = .seconds(30)
    /// `--no-cross-namespace-refs` (false).
    public var noCrossNamespaceRefs = false
    /// `--default-service-account`.
    public var defaultServiceAccount = ""
    /// `--snapshot-digest-algo` (sha256).
    public var snapshotDigestAlgorithm: SnapshotDigestAlgorithm = .sha256
    /// `--http-retry` (9).
    public var httpRetry = 9
    /// `--interval-jitter-percentage` (5).
    public var intervalJitterPercentage = 5
    /// How often Helm polls readiness while waiting (Helm: 2 s) and hook status (250 ms).
    public var waitInterval: Duration = .seconds(2)
    public var hookInterval: Duration = .milliseconds(250)
    public init() {}
}

/// The HelmRelease reconciler (`internal/controller/helmrelease_controller.go`).
struct HelmReleaseReconciler: Reconciler {
    let client: KubeClient
    let cache: Cache
    let events: EventRecorder
    let metrics: FluxMetrics
    let options: HelmControllerOptions
    let clients: ClientFactory
    let charts: ChartArtifactLoader
    let capabilities: CapabilitiesCache
    var logger: Logger

    /// Outcome of the inner reconcile: the result, and an error that still counts as one for the
    /// deferred status patch (waiting for a dependency or the chart is requeued without an error).
    struct Outcome {
        var result: ReconcileResult
        var error: (any Error)?
        var terminal = false
        var waiting = false
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        if let scoped = ReconcileContext.logger {
            var copy = self
            copy.logger = scoped
            return try await copy.reconcileScoped(key)
        }
        return try await reconcileScoped(key)
    }

    /// The reconcile, logging with the reconcile's own logger (object keys, reconcileID).
    func reconcileScoped(_ key: ObjectKey) async throws -> ReconcileResult {
        guard case .object(var hr) = try await TypedRead.read(HelmRelease.self, key, cache: cache, client: client) else { return .done }
        let start = ContinuousClock.now
        let patcher = PatchHandle(try StatusPatcher(client: client, object: hr))
        var outcome: Outcome
        do {
            outcome = try await reconcileObject(&hr, patcher)
        } catch let error as ReconcileError where error == .mustRequeue {
            outcome = Outcome(result: .requeue)
        } catch let error as ReconcileError {
            switch error {
            case .exceededMaxRetries, .missingRollbackTarget: outcome = Outcome(result: .done, error: error, terminal: true)
            default: outcome = Outcome(result: .done, error: error)
            }
        } catch {
            outcome = Outcome(result: .done, error: error)
        }
        // The deferred part of upstream's Reconcile.
        if let requested = hr.reconcileRequestedAt { hr.status.setLastHandledReconcileRequest(requested) }
        if outcome.terminal || (outcome.error == nil && outcome.result != .requeue) {
            hr.status.observedGeneration = hr.generation
        }
        do {
            try await patcher.patch(&hr)
        } catch where hr.isBeingDeleted && (error as? KubeClientError)?.isNotFound == true {
        } catch {
            if outcome.error == nil { outcome.error = error }
        }
        await waitForHistoryInCache(hr)
        record(hr, duration: ContinuousClock.now - start)
        if let error = outcome.error, !outcome.waiting {
            throw outcome.terminal ? TerminalError(error) : error
        }
        return outcome.result
    }

    func reconcileObject(_ hr: inout HelmRelease, _ patcher: PatchHandle) async throws -> Outcome {
        if hr.isBeingDeleted { return try await reconcileDelete(&hr) }
        if !hr.metadata.hasFinalizer(FluxFinalizer.name) {
            hr.metadata.addFinalizer(FluxFinalizer.name)
            return Outcome(result: .requeue)
        }
        if hr.isSuspended {
            logger.info("reconciliation is suspended for this object")
            return Outcome(result: .done)
        }
        try await chartTemplate.reconcile(&hr)
        return try await reconcileRelease(&hr, patcher)
    }

    var chartTemplate: HelmChartTemplateStep {
        HelmChartTemplateStep(client: client, events: events, allowCrossNamespaceRefs: !options.noCrossNamespaceRefs, logger: logger)
    }

    /// Polls the cache (up to 10 s) until it shows the patched `status.history`.
    func waitForHistoryInCache(_ hr: HelmRelease) async {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            guard let cached = try? await cache.get(HelmRelease.self, namespace: hr.namespace, name: hr.name) else { return }
            if cached.status.history == hr.status.history { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        logger.error("failed to wait for object to sync in-cache after patching")
    }

    func record(_ hr: HelmRelease, duration: Duration) {
        metrics.recordDuration(kind: HelmRelease.apiResource.kind, namespace: hr.namespace, name: hr.name, duration)
        metrics.recordSuspend(kind: HelmRelease.apiResource.kind, namespace: hr.namespace, name: hr.name, suspended: hr.isSuspended)
        if let ready = hr.condition(MetaCondition.ready) {
            metrics.recordCondition(kind: HelmRelease.apiResource.kind, namespace: hr.namespace, name: hr.name, condition: ready,
                                    deleted: hr.isBeingDeleted)
        }
    }

    /// `interval` with ±`--interval-jitter-percentage` of random jitter.
    func jittered(_ interval: GoDuration) -> Duration {
        let nanos = Double(interval.nanoseconds)
        let percent = Double(max(0, options.intervalJitterPercentage)) / 100
        let factor = percent > 0 ? Double.random(in: (1 - percent)...(1 + percent)) : 1
        return .nanoseconds(Int64(nanos * factor))
    }
}
