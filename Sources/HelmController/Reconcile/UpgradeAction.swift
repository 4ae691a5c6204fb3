import ControllerRuntime
import FluxAPI
import Foundation
import HelmActions

/// Upgrades the release (`internal/reconcile/upgrade.go`). Failures are counted against
/// `upgrade.remediation` only when Helm wrote a release to storage.
struct UpgradeAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    let postRenderer: PostRenderer
    var name: String { "upgrade" }
    var type: ReconcilerType { .release }

    func reconcile(_ request: ReleaseRequest) async throws {
        let buffer = LogBuffer(size: 10, forward: factory.debugLog)
        let observed = ObservedReleases()
        let config = factory.build(log: buffer.helmLog, observer: observed.observer)
        defer { request.summarize() }
        request.object.status.lastAttemptedReleaseAction = .upgrade
        request.object.deleteCondition(HelmCondition.testSuccess)
        request.object.deleteCondition(HelmCondition.remediated)
        guard let chart = request.chart else { throw ReconcileError.other("no chart loaded") }
        var failure: (any Error)?
        do {
            _ = try await ReleaseActions.upgrade(config, request.object, chart: chart, values: request.values, postRenderer: postRenderer)
        } catch {
            failure = error
        }
        observed.record(on: &request.object, algorithm: algorithm)
        if let failure {
            self.failure(request, buffer, failure)
            if observed.isEmpty { throw failure }
            FluxAPI.Upgrade.remediationCounter.incrementFailureCount(&request.object.status)
            return
        }
        success(request)
    }

    func failure(_ request: ReleaseRequest, _ buffer: LogBuffer, _ error: any Error) {
        let hr = request.object
        let message = "Helm upgrade failed for release \(hr.releaseNamespace)/\(hr.releaseName) with chart \(request.chartName)@\(request.chartVersion): \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.released, reason: HelmReason.upgradeFailed, message: message)
        events.event(request.object, type: .warning, reason: HelmReason.upgradeFailed, message: HelmEvents.withLog(message, buffer),
                     annotations: HelmEvents.metadata(revision: request.chartVersion, token: HelmDigest.values(.object(request.values))))
    }

    func success(_ request: ReleaseRequest) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm upgrade succeeded for release \(latest.fullReleaseName) with chart \(latest.versionedChartName)"
        request.object.markTrue(HelmCondition.released, reason: HelmReason.upgradeSucceeded, message: message)
        if request.object.test.isEnabled && !latest.hasBeenTested {
            request.object.markUnknown(HelmCondition.testSuccess, reason: "AwaitingTests",
                                       message: "Helm release \(latest.fullReleaseName) with chart \(latest.versionedChartName) is awaiting tests")
        }
        events.event(request.object, type: .normal, reason: HelmReason.upgradeSucceeded, message: message,
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }
}
