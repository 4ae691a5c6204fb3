import ControllerRuntime
import FluxAPI
import HelmActions
import KubeClient
import KubeModel

/// The helm-controller: registers the HelmRelease controller on a manager.
public enum HelmController {
    /// The index of HelmReleases by their HelmChart (`<namespace>/<name>`), upstream's `.metadata.source`.
    public static let sourceIndex = ".metadata.source"

    /// Registers the HelmRelease controller: watches HelmReleases (generation changes, reconcile
    /// requests, deletions) and HelmCharts (a new artifact revision, or becoming ready, re-queues the
    /// HelmReleases built from the chart unless they are Ready with that revision attempted).
    /// Returns a stop function that releases the controller's HTTP and remote clients.
    @discardableResult
    public static func register(on manager: ControllerManager, options: HelmControllerOptions = HelmControllerOptions()) async
        -> @Sendable () async -> Void
    {
        let clients = ClientFactory(local: manager.client, defaultServiceAccount: options.defaultServiceAccount)
        let charts = ChartArtifactLoader(retries: options.httpRetry)
        var logger = manager.logger
        logger[metadataKey: "controller"] = "helmrelease"
        logger[metadataKey: "controllerGroup"] = "\(FluxGroups.helm)"
        logger[metadataKey: "controllerKind"] = "HelmRelease"
        let reconciler = HelmReleaseReconciler(
            client: manager.client, cache: manager.cache, events: manager.events, metrics: manager.fluxMetrics, options: options,
            clients: clients, charts: charts, capabilities: CapabilitiesCache(), logger: logger)
        let controller = manager.controller(name: "helmrelease", kind: "HelmRelease", group: FluxGroups.helm, reconciler: reconciler)
        let releases = await manager.cache.informer(HelmRelease.self)
        // Upstream's `SourceIndexKey`: the HelmChart the spec names (`<sourceRef namespace or the
        // object's>/<namespace>-<name>`), known before any status is written — so a chart that
        // becomes ready before the HelmRelease's status records it still wakes the release.
        // Read from the raw object: the index runs on every informer event, and decoding the whole
        // HelmRelease there was a measurable share of the controller's CPU.
        await releases.addIndex(sourceIndex) { object in
            let sourceNamespace = object.raw[path: ["spec", "chart", "spec", "sourceRef", "namespace"]]?.stringValue ?? ""
            return ["\(sourceNamespace.isEmpty ? object.namespace : sourceNamespace)/\(object.namespace)-\(object.name)"]
        }
        await controller.watch(releases, predicate: .fluxPrimary)
        let helmCharts = await manager.cache.informer(HelmChart.self)
        await controller.watch(helmCharts, predicate: chartRevisionChanged) { event in
            guard let chart = try? HelmChart(object: event.object), let artifact = chart.status.artifact else { return [] }
            var keys: [ObjectKey] = []
            for object in await releases.byIndex(sourceIndex, "\(chart.namespace)/\(chart.name)") {
                guard let hr = try? HelmRelease(object: object) else { continue }
                // Upstream skips Ready HelmReleases that attempted this revision. We also require
                // the Ready state to be current (observedGeneration caught up): a HelmRelease whose
                // new generation is waiting for this chart is still Ready from its previous one,
                // and skipping it would leave it waiting for its interval.
                if hr.isReady, hr.observedGeneration == hr.generation, artifact.revision == (hr.status.lastAttemptedRevision ?? "") { continue }
                keys.append(ObjectKey(object))
            }
            return keys
        }
        return {
            await charts.shutdown()
            await clients.shutdown()
        }
    }

    /// Upstream's `SourceRevisionChangePredicate` for HelmCharts: an artifact revision change, or a
    /// not-ready chart becoming ready. Ready here is what the HelmRelease checks (`isHelmChartReady`:
    /// generation observed, not stalled, with an artifact), not only the Ready condition, so a chart
    /// that catches up with a new generation without its Ready condition flipping also wakes the
    /// HelmReleases waiting for it (upstream would wait for their interval).
    static let chartRevisionChanged = Predicate { event in
        switch event {
        case .added: return true
        case .deleted: return false
        case .updated(let old, let new):
            let oldRevision = old.raw[path: ["status", "artifact", "revision"]]?.stringValue
            let newRevision = new.raw[path: ["status", "artifact", "revision"]]?.stringValue
            if newRevision != nil && oldRevision != newRevision { return true }
            if !old.isTrue("Ready") && new.isTrue("Ready") { return true }
            return !chartReady(old) && chartReady(new)
        }
    }

    static func chartReady(_ object: KubeObject) -> Bool {
        guard let chart = try? HelmChart(object: object) else { return false }
        return HelmReleaseReconciler.chartNotReady(chart) == nil
    }
}
