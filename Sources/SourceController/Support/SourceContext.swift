import ArtifactStorage
import AsyncHTTPClient
import ControllerRuntime
import Cosign
import FluxAPI
import HelmEngine
import HelmRepo
import KubeClient
import KubeModel
import Logging

/// What every reconciler of this controller shares: the API client and cache, the event
/// recorder and metrics, the artifact store, one HTTP client for repositories and registries,
/// the optional Helm index cache, and the options.
struct SourceContext: Sendable {
    let client: KubeClient
    let cache: Cache
    let events: EventRecorder
    let metrics: FluxMetrics
    let store: ArtifactStore
    let http: HTTPClient
    let indexCache: IndexCache?
    let trustRoot: CosignTrustRoot?
    let options: SourceControllerOptions
    let logger: Logger

    var summarizer: Summarizer { Summarizer(events: events, logger: logger) }

    /// The chart size limits of `--helm-chart-max-size` / `--helm-chart-file-max-size`.
    var chartLimits: ChartLoader.Limits {
        ChartLoader.Limits(maxChartSize: options.helmChartMaxSize, maxFileSize: options.helmChartFileMaxSize)
    }

    /// `interval` with ±`--interval-jitter-percentage` random jitter (`jitter.JitteredIntervalDuration`).
    func jittered(_ interval: Duration) -> Duration {
        let percent = Double(max(0, min(99, options.intervalJitterPercentage))) / 100
        guard percent > 0, interval > .zero else { return interval }
        let nanos = Double(interval.components.seconds) * 1e9 + Double(interval.components.attoseconds) / 1e9
        return .nanoseconds(Int64(nanos * Double.random(in: (1 - percent)...(1 + percent))))
    }

    /// Records Flux's reconcile metrics for the object.
    func record<T: ObjectWithConditions & Suspendable>(_ object: T, since start: ContinuousClock.Instant) {
        let kind = T.apiResource.kind
        metrics.recordDuration(kind: kind, namespace: object.namespace, name: object.name, ContinuousClock.now - start)
        metrics.recordSuspend(kind: kind, namespace: object.namespace, name: object.name, suspended: object.isSuspended)
        if let ready = object.condition(ConditionType.ready) {
            metrics.recordCondition(kind: kind, namespace: object.namespace, name: object.name, condition: ready,
                                    deleted: object.isBeingDeleted)
        }
    }

    /// Polls the cache (at most 5 s) until it holds the object at `resourceVersion` or later, so
    /// the next reconcile of the key does not start from a state older than its own patch.
    func waitForCache<T: KubeResource>(_ type: T.Type, _ key: ObjectKey, resourceVersion: String?) async {
        guard let resourceVersion, let wanted = UInt64(resourceVersion) else { return }
        let informer = await cache.informer(T.self)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            guard let cached = await informer.get(key) else { return }
            if let seen = UInt64(cached.resourceVersion), seen >= wanted { return }
            if cached.resourceVersion == resourceVersion { return }
            do { try await Task.sleep(for: .milliseconds(5)) } catch { return }
        }
    }

    /// The event annotations of a new artifact: `source.toolkit.fluxcd.io/revision` and `…/digest`.
    static func artifactAnnotations(_ artifact: Artifact) -> [String: String] {
        [FluxGroups.source + "/revision": artifact.revision, FluxGroups.source + "/digest": artifact.digest ?? ""]
    }
}
