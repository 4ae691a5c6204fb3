import ControllerRuntime
import FluxAPI
import Foundation
import HelmActions

/// Refreshes snapshots of versions an uninstall wrote (`observeUninstall`), keeping test hooks.
func refreshSnapshots(_ releases: [Release], on object: inout HelmRelease, algorithm: SnapshotDigestAlgorithm, keepTestHooks: Bool = true) {
    guard var history = object.status.history else { return }
    for release in releases {
        if let i = history.firstIndex(where: { $0.targets(name: release.name, namespace: release.namespace, version: release.version) }) {
            var snap = Snapshots.snapshot(ReleaseObservation(release), algorithm: algorithm)
            if keepTestHooks { snap.testHooks = history[i].testHooks }
            history[i] = snap
        }
    }
    object.status.history = history
}

/// Uninstalls the release as remediation of a failed install (`internal/reconcile/uninstall_remediation.go`).
struct UninstallRemediationAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    var name: String { "uninstall" }
    var type: ReconcilerType { .remediate }

    func reconcile(_ request: ReleaseRequest) async throws {
        guard let current = request.object.status.history?.latest else { throw ReconcileError.noLatest("required to uninstall") }
        let buffer = LogBuffer(size: 10, forward: factory.debugLog)
        let observed = ObservedReleases()
        let config = factory.build(log: buffer.helmLog, observer: observed.observer)
        var failure: (any Error)?
        var response: UninstallResponse?
        do {
            response = try await ReleaseActions.uninstall(config, request.object, releaseName: current.name)
        } catch {
            failure = error
        }
        refreshSnapshots(observed.releases, on: &request.object, algorithm: algorithm)
        if let r = response?.release, !current.targets(name: r.name, namespace: r.namespace, version: r.version) {
            failure = ReconcileError.releaseMismatch("uninstalled release \(r.namespace)/\(r.name).v\(r.version) != current release \(current.fullReleaseName)")
        }
        if failure == nil, current.digest == request.object.status.history?.latest?.digest {
            failure = ReconcileError.noStorageUpdate("uninstall completed with error: release not updated in Helm storage")
        }
        if let failure {
            self.failure(request, buffer, failure)
            if current.digest == request.object.status.history?.latest?.digest { throw failure }
            return
        }
        success(request)
    }

    func failure(_ request: ReleaseRequest, _ buffer: LogBuffer, _ error: any Error) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm uninstall remediation for release \(latest.fullReleaseName) with chart \(latest.versionedChartName) failed: \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.remediated, reason: HelmReason.uninstallFailed, message: message)
        events.event(request.object, type: .warning, reason: HelmReason.uninstallFailed, message: HelmEvents.withLog(message, buffer),
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }

    func success(_ request: ReleaseRequest) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm uninstall remediation for release \(latest.fullReleaseName) with chart \(latest.versionedChartName) succeeded"
        request.object.markTrue(HelmCondition.remediated, reason: HelmReason.uninstallSucceeded, message: message)
        events.event(request.object, type: .normal, reason: HelmReason.uninstallSucceeded, message: message,
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }
}

/// Uninstalls the release on deletion of the HelmRelease or a release target change
/// (`internal/reconcile/uninstall.go`).
struct UninstallAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    var name: String { "uninstall" }
    var type: ReconcilerType { .release }

    func reconcile(_ request: ReleaseRequest) async throws {
        defer { request.summarize() }
        guard let current = request.object.status.history?.latest else { throw ReconcileError.noLatest("required to uninstall") }
        let buffer = LogBuffer(size: 10, forward: factory.debugLog)
        let observed = ObservedReleases()
        let config = factory.build(log: buffer.helmLog, observer: observed.observer)
        var failure: (any Error)?
        var response: UninstallResponse?
        do {
            response = try await ReleaseActions.uninstall(config, request.object, releaseName: current.name)
        } catch let error as HelmActionsError {
            if case .message(let m) = error, m.hasPrefix("uninstall: Release not loaded: "), m.hasSuffix(": release: not found") {
                request.object.markFalse(HelmCondition.released, reason: HelmReason.uninstallSucceeded,
                                         message: "Release \(current.fullReleaseName) was not found, assuming it is uninstalled")
                return
            }
            if request.object.uninstall.keepHistory ?? false, "\(error)".contains("is already deleted") {
                request.object.markFalse(HelmCondition.released, reason: HelmReason.uninstallSucceeded,
                                         message: "Release \(current.fullReleaseName) was already uninstalled")
                return
            }
            failure = error
        } catch {
            failure = error
        }
        refreshSnapshots(observed.releases, on: &request.object, algorithm: algorithm)
        if let r = response?.release, !current.targets(name: r.name, namespace: r.namespace, version: r.version) {
            failure = ReconcileError.releaseMismatch("uninstalled release \(r.namespace)/\(r.name).v\(r.version) != current release \(current.fullReleaseName)")
        }
        if failure == nil, current.digest == request.object.status.history?.latest?.digest, current.status != "uninstalled" {
            failure = ReconcileError.noStorageUpdate("uninstall completed with error: release not updated in Helm storage")
        }
        if let failure {
            self.failure(request, buffer, failure)
            if request.object.status.history?.latest?.digest == current.digest { throw failure }
            return
        }
        success(request)
    }

    func failure(_ request: ReleaseRequest, _ buffer: LogBuffer, _ error: any Error) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm uninstall failed for release \(latest.fullReleaseName) with chart \(latest.versionedChartName): \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.released, reason: HelmReason.uninstallFailed, message: message)
        events.event(request.object, type: .warning, reason: HelmReason.uninstallFailed, message: HelmEvents.withLog(message, buffer),
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }

    func success(_ request: ReleaseRequest) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm uninstall succeeded for release \(latest.fullReleaseName) with chart \(latest.versionedChartName)"
        request.object.markFalse(HelmCondition.released, reason: HelmReason.uninstallSucceeded, message: message)
        events.event(request.object, type: .normal, reason: HelmReason.uninstallSucceeded, message: message,
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }
}
