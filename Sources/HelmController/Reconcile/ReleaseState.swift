import FluxAPI
import FluxSSA
import HelmActions

/// The state of a release in storage relative to the HelmRelease (`internal/reconcile/state.go`).
enum ReleaseStatus: String, Sendable {
    case unknown = "Unknown"
    case absent = "Absent"
    case unmanaged = "Unmanaged"
    case outOfSync = "OutOfSync"
    case drifted = "Drifted"
    case locked = "Locked"
    case untested = "Untested"
    case inSync = "InSync"
    case failed = "Failed"
}

struct ReleaseState: Sendable {
    var status: ReleaseStatus
    var reason = ""
    var diff: [Diff] = []
}

/// Errors of the reconcile model, worded as helm-controller's.
enum ReconcileError: Error, Equatable, CustomStringConvertible {
    case exceededMaxRetries(String)
    case mustRequeue
    case missingRollbackTarget(String)
    case unknownReleaseStatus
    case noLatest(String)
    case releaseMismatch(String)
    case noStorageUpdate(String)
    case stateError(String)
    case other(String)

    var description: String {
        switch self {
        case .exceededMaxRetries(let context): return context.isEmpty ? "exceeded maximum retries" : "exceeded maximum retries: \(context)"
        case .mustRequeue: return "must requeue"
        case .missingRollbackTarget(let context): return "missing target release for rollback: \(context)"
        case .unknownReleaseStatus: return "unknown release status"
        case .noLatest(let context): return "no latest release: \(context)"
        case .releaseMismatch(let context): return "release mismatch: \(context)"
        case .noStorageUpdate(let context): return context
        case .stateError(let m), .other(let m): return m
        }
    }
}

/// `DetermineReleaseState`: observes storage (and, for a deployed release with drift detection on,
/// the cluster) and classifies the release.
func determineReleaseState(_ factory: ActionFactory, _ request: ReleaseRequest) async throws -> ReleaseState {
    let object = request.object
    let config = factory.build()
    let release: Release
    do {
        guard let last = try await lastRelease(config, object.releaseName) else {
            return ReleaseState(status: .absent, reason: "no release in storage for object")
        }
        release = last
    } catch {
        throw ReconcileError.stateError("failed to retrieve last release from storage: \(error)")
    }
    let status = release.info?.status ?? .unknown
    if status.isPending { return ReleaseState(status: .locked, reason: "release with status '\(status.rawValue)'") }
    let history = object.status.history ?? []
    guard let current = history.latest else {
        if status == .uninstalled { return ReleaseState(status: .absent, reason: "found uninstalled release in storage") }
        return ReleaseState(status: .unmanaged, reason: "found existing release in storage")
    }
    switch Snapshots.verify(current, release) {
    case .verified: break
    case .digestError: return ReleaseState(status: .unmanaged, reason: "release digest verification error")
    case .notObserved: return ReleaseState(status: .unmanaged, reason: "release not observed to be made for object")
    }
    switch status {
    case .failed:
        return ReleaseState(status: .failed)
    case .uninstalled:
        return ReleaseState(status: .absent, reason: "found uninstalled release in storage")
    case .deployed:
        if let problem = verifyRelease(release, current, request) { return ReleaseState(status: .outOfSync, reason: problem) }
        let test = object.test
        if test.isEnabled {
            if !current.hasBeenTested { return ReleaseState(status: .untested) }
            if let remediation = object.activeRemediation,
               !remediation.mustIgnoreTestFailures(default: test.ignoreFailures ?? false),
               current.hasTestInPhase(Snapshot.testPhaseFailed) {
                return ReleaseState(status: .failed, reason: "release has test in failed phase")
            }
        }
        let drift = object.driftDetection
        if drift.mustDetectChanges {
            let result = try await Drift.diff(factory.client, release: release, ignore: drift.ignore ?? [])
            let changed = result.diffs.hasChanges
            if let error = result.error, !changed {
                throw ReconcileError.stateError("unable to determine cluster state: \(error)")
            }
            if changed { return ReleaseState(status: .drifted, diff: result.diffs) }
        }
        return ReleaseState(status: .inSync)
    default:
        throw ReconcileError.stateError("unable to determine state for release with status '\(status.rawValue)'")
    }
}

/// `action.VerifyRelease`: `release chart changed` when the chart name or version differs from the
/// loaded chart, `release config values changed` when the snapshot's config digest does not match
/// the desired values; nil when in sync.
func verifyRelease(_ release: Release, _ snapshot: Snapshot, _ request: ReleaseRequest) -> String? {
    if request.chart != nil, release.chart?.name != request.chartName || release.chart?.version != request.chartVersion {
        return "release chart changed"
    }
    if !HelmDigest.verifyValues(snapshot.configDigest, .object(request.values)) { return "release config values changed" }
    return nil
}
