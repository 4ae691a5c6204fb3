import ControllerRuntime
import FluxAPI
import Foundation
import HelmActions

/// Rolls back to the previous successful release (`internal/reconcile/rollback_remediation.go`).
struct RollbackRemediationAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    var name: String { "rollback" }
    var type: ReconcilerType { .remediate }

    func reconcile(_ request: ReleaseRequest) async throws {
        defer { request.summarize() }
        let current = request.object.status.history?.latest
        let buffer = LogBuffer(size: 10, forward: factory.debugLog)
        let observed = ObservedReleases()
        let config = factory.build(log: buffer.helmLog, observer: observed.observer)
        let hr = request.object
        let ignore = hr.upgrade.remediationOrDefault.ignoreTestFailures ?? (hr.test.ignoreFailures ?? false)
        guard let previous = hr.status.history?.previous(ignoreTests: ignore) else {
            throw ReconcileError.missingRollbackTarget("required to rollback")
        }
        if let current, previous.name != current.name || previous.namespace != current.namespace {
            throw ReconcileError.releaseMismatch(
                "previous release name or namespace \(previous.fullReleaseName) does not match current \(current.fullReleaseName)")
        }
        var failure: (any Error)?
        do {
            try await ReleaseActions.rollback(config, hr, releaseName: previous.name, version: previous.version)
        } catch {
            failure = error
        }
        observeRollback(observed.releases, on: &request.object)
        if let failure {
            self.failure(request, previous, buffer, failure)
            let newest = request.object.status.history?.latest
            if newest == nil || (current != nil && newest?.digest == current?.digest) { throw failure }
            return
        }
        success(request, previous)
    }

    /// `observeRollback`: refresh a snapshot of a written version (keeping its test hooks), else
    /// prepend the new rollback release.
    func observeRollback(_ releases: [Release], on object: inout HelmRelease) {
        for release in releases {
            let snap = Snapshots.snapshot(ReleaseObservation(release), algorithm: algorithm)
            var history = object.status.history ?? []
            if let i = history.firstIndex(where: { $0.targets(name: release.name, namespace: release.namespace, version: release.version) }) {
                var refreshed = snap
                refreshed.testHooks = history[i].testHooks
                history[i] = refreshed
            } else {
                history.insert(snap, at: 0)
            }
            object.status.history = history
        }
    }

    func failure(_ request: ReleaseRequest, _ previous: Snapshot, _ buffer: LogBuffer, _ error: any Error) {
        let message = "Helm rollback to previous release \(previous.fullReleaseName) with chart \(previous.versionedChartName) failed: \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.remediated, reason: HelmReason.rollbackFailed, message: message)
        events.event(request.object, type: .warning, reason: HelmReason.rollbackFailed, message: HelmEvents.withLog(message, buffer),
                     annotations: HelmEvents.metadata(revision: previous.chartVersion, token: HelmDigest.values(.object(request.values))))
    }

    func success(_ request: ReleaseRequest, _ previous: Snapshot) {
        let message = "Helm rollback to previous release \(previous.fullReleaseName) with chart \(previous.versionedChartName) succeeded"
        request.object.markTrue(HelmCondition.remediated, reason: HelmReason.rollbackSucceeded, message: message)
        events.event(request.object, type: .normal, reason: HelmReason.rollbackSucceeded, message: message,
                     annotations: HelmEvents.metadata(revision: previous.chartVersion, token: HelmDigest.values(.object(request.values))))
    }
}
