import ControllerRuntime
import FluxAPI
import Foundation
import HelmActions

/// Unlocks a release left `pending-*` (e.g. the controller was killed mid-action) by marking it
/// `failed` (`internal/reconcile/unlock.go`); the loop then upgrades or remediates it.
struct UnlockAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    var name: String { "unlock" }
    var type: ReconcilerType { .unlock }

    func reconcile(_ request: ReleaseRequest) async throws {
        defer { request.summarize() }
        let observed = ObservedReleases()
        let config = factory.build(observer: observed.observer)
        guard var release = try await lastRelease(config, request.object.releaseName) else { return }
        let current = Snapshots.snapshot(ReleaseObservation(release), algorithm: algorithm)
        let status = release.info?.status ?? .unknown
        guard status.isPending else { return }
        release.setStatus(.failed, "Release unlocked from stale '\(status.rawValue)' state")
        do {
            try await config.storage.update(release)
        } catch {
            failure(request, current, status, error)
            throw error
        }
        refreshSnapshots(observed.releases, on: &request.object, algorithm: algorithm, keepTestHooks: false)
        success(request, current, status)
    }

    func failure(_ request: ReleaseRequest, _ current: Snapshot, _ status: HelmActions.ReleaseStatus, _ error: any Error) {
        let message = "Unlock of Helm release \(current.fullReleaseName) with chart \(current.versionedChartName) in \(status.rawValue) state failed: \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.released, reason: "PendingRelease", message: message)
        events.event(request.object, type: .warning, reason: "PendingRelease", message: message,
                     annotations: HelmEvents.metadata(revision: current.chartVersion, token: current.configDigest))
    }

    func success(_ request: ReleaseRequest, _ current: Snapshot, _ status: HelmActions.ReleaseStatus) {
        let message = "Unlocked Helm release \(current.fullReleaseName) with chart \(current.versionedChartName) in \(status.rawValue) state"
        request.object.markFalse(HelmCondition.released, reason: "PendingRelease", message: message)
        events.event(request.object, type: .normal, reason: "PendingRelease", message: message,
                     annotations: HelmEvents.metadata(revision: current.chartVersion, token: current.configDigest))
    }
}
