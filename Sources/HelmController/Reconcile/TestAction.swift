import ControllerRuntime
import FluxAPI
import Foundation
import HelmActions

/// Runs the release's tests (`internal/reconcile/test.go`); the results land in `history[0].testHooks`.
struct TestAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    var name: String { "test" }
    var type: ReconcilerType { .test }

    func reconcile(_ request: ReleaseRequest) async throws {
        defer { request.summarize() }
        guard let current = request.object.status.history?.latest else { throw ReconcileError.noLatest("required for test") }
        let observed = ObservedReleases()
        let config = factory.build(observer: observed.observer)
        var failure: (any Error)?
        var tested: Release?
        do {
            tested = try await ReleaseActions.test(config, request.object)
        } catch {
            failure = error
        }
        // observeTest: a write of the current release refreshes history[0] with its test hooks.
        for release in observed.releases where current.targets(name: release.name, namespace: release.namespace, version: release.version) {
            var snap = Snapshots.snapshot(ReleaseObservation(release), algorithm: algorithm)
            snap.testHooks = Snapshots.testHooks(release)
            if var history = request.object.status.history, !history.isEmpty {
                history[0] = snap
                request.object.status.history = history
            }
        }
        if let tested, !current.targets(name: tested.name, namespace: tested.namespace, version: tested.version) {
            failure = ReconcileError.releaseMismatch(
                "tested release \(tested.namespace)/\(tested.name).v\(tested.version) != current release \(current.namespace)/\(current.name).v\(current.version)")
        }
        if let failure {
            self.failure(request, failure)
            if !(request.object.status.history?.latest?.hasBeenTested ?? false) { throw failure }
            return
        }
        success(request)
    }

    func failure(_ request: ReleaseRequest, _ error: any Error) {
        guard let latest = request.object.status.history?.latest else { return }
        let message = "Helm test failed for release \(latest.fullReleaseName) with chart \(latest.versionedChartName): \("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))"
        request.object.status.failures = (request.object.status.failures ?? 0) + 1
        request.object.markFalse(HelmCondition.testSuccess, reason: HelmReason.testFailed, message: message)
        events.event(request.object, type: .warning, reason: HelmReason.testFailed, message: message,
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
        if latest.hasBeenTested, let remediation = request.object.activeRemediation,
           !remediation.mustIgnoreTestFailures(default: request.object.test.ignoreFailures ?? false) {
            remediation.incrementFailureCount(&request.object.status)
        }
    }

    func success(_ request: ReleaseRequest) {
        guard let latest = request.object.status.history?.latest else { return }
        let count = latest.testHooks?.count ?? 0
        let hooks = count == 0 ? "no test hooks" : "\(count) test hook\(count > 1 ? "s" : "") completed successfully"
        let message = "Helm test succeeded for release \(latest.fullReleaseName) with chart \(latest.versionedChartName): \(hooks)"
        request.object.markTrue(HelmCondition.testSuccess, reason: HelmReason.testSucceeded, message: message)
        events.event(request.object, type: .normal, reason: HelmReason.testSucceeded, message: message,
                     annotations: HelmEvents.metadata(revision: latest.chartVersion, token: latest.configDigest))
    }
}
