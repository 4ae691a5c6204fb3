import ControllerRuntime
import FluxAPI
import GoCompat
import KubeModel
import Logging
import StructuredData

/// The conditions helm-controller owns on a HelmRelease.
let ownedConditions = [HelmCondition.released, HelmCondition.remediated, HelmCondition.testSuccess,
                       MetaCondition.reconciling, MetaCondition.ready, MetaCondition.stalled]

/// The reconcile loop of a release (`internal/reconcile/atomic_release.go`): determine the state,
/// pick one action, run it, patch status, and loop until the release is in sync, an action type
/// would run a second time, or a remediation ran.
struct AtomicRelease: Sendable {
    let factory: ActionFactory
    let patcher: PatchHandle
    let events: EventRecorder
    let algorithm: SnapshotDigestAlgorithm
    let postRenderer: PostRenderer
    let logger: Logger

    /// - Throws: `ReconcileError.mustRequeue` (requeue at once), `.exceededMaxRetries` /
    ///   `.missingRollbackTarget` (terminal), or the action's error.
    func reconcile(_ request: ReleaseRequest) async throws {
        var previous: [ReconcilerType] = []
        while true {
            if Task.isCancelled {
                try? await patcher.patch(&request.object)
                throw ReconcileError.other("atomic release canceled: context canceled")
            }
            let state: ReleaseState
            do {
                state = try await determineReleaseState(factory, request)
            } catch {
                request.object.markFalse(MetaCondition.ready, reason: "StateError", message: "Could not determine release state: \(error)")
                throw ReconcileError.other("cannot determine release state: \(error)")
            }
            let next: (any ActionReconciler)?
            do {
                next = try await actionForState(request, state)
            } catch let error as ReconcileError {
                switch error {
                case .exceededMaxRetries:
                    markRetriesExceeded(request)
                case .missingRollbackTarget:
                    request.object.markStalled(reason: "MissingRollbackTarget", message: "Failed to perform remediation: \(error)")
                default: break
                }
                throw error
            }
            guard let next else {
                request.object.deleteCondition(MetaCondition.reconciling)
                request.summarize()
                return
            }
            if previous.contains(next.type) {
                if let remediation = request.object.activeRemediation, remediation.retriesExhausted(request.object.status) {
                    request.object.deleteCondition(MetaCondition.reconciling)
                    return
                }
                request.object.markReconciling(reason: MetaReason.progressingWithRetry,
                                               message: request.object.condition(MetaCondition.ready)?.message ?? "")
                throw ReconcileError.mustRequeue
            }
            let message = "Running '\(next.name)' action with timeout of \(timeout(for: next, request.object))"
            request.object.markReconciling(reason: MetaReason.progressing, message: message)
            if next.type == .release { request.object.markUnknown(MetaCondition.ready, reason: MetaReason.progressing, message: message) }
            try await patcher.patch(&request.object)
            logger.info("running '\(next.name)' action with timeout of \(timeout(for: next, request.object))")
            do {
                try await next.reconcile(request)
            } catch {
                if request.object.isReady {
                    request.object.markFalse(MetaCondition.ready, reason: "ReconcileError", message: "\(error)")
                }
                throw error
            }
            if next.type == .remediate {
                guard let remediation = request.object.activeRemediation, remediation.retriesExhausted(request.object.status) else {
                    request.object.markReconciling(reason: MetaReason.progressingWithRetry,
                                                   message: request.object.condition(MetaCondition.ready)?.message ?? "")
                    throw ReconcileError.mustRequeue
                }
                markRetriesExceeded(request)
                throw ReconcileError.exceededMaxRetries("")
            }
            previous.append(next.type)
            try await patcher.patch(&request.object)
        }
    }

    /// `Stalled=True` `RetriesExceeded` `Failed to <action> after <n> attempt(s)`.
    func markRetriesExceeded(_ request: ReleaseRequest) {
        let action = request.object.status.lastAttemptedReleaseAction?.rawValue ?? ""
        let count = request.object.activeRemediation?.failureCount(request.object.status) ?? 0
        request.object.markStalled(reason: "RetriesExceeded", message: "Failed to \(action) after \(count) attempt(s)")
    }

    /// The action's own timeout, else `spec.timeout` (drift correction and unlock use the latter).
    func timeout(for action: any ActionReconciler, _ hr: HelmRelease) -> GoDuration {
        switch action {
        case is InstallAction: return hr.install.timeout(default: hr.timeout)
        case is UpgradeAction: return hr.upgrade.timeout(default: hr.timeout)
        case is TestAction: return hr.test.timeout(default: hr.timeout)
        case is RollbackRemediationAction: return hr.rollback.timeout(default: hr.timeout)
        case is UninstallRemediationAction, is UninstallAction: return hr.uninstall.timeout(default: hr.timeout)
        default: return hr.timeout
        }
    }
}

/// A mutable handle on the reconcile's status patcher, shared by the outer reconcile and the loop.
final class PatchHandle: @unchecked Sendable {
    private var patcher: StatusPatcher<HelmRelease>

    init(_ patcher: StatusPatcher<HelmRelease>) { self.patcher = patcher }

    /// Patches what changed since the last patch; `object` keeps the values this reconcile computed.
    func patch(_ object: inout HelmRelease) async throws {
        let stored = try await patcher.patchStored(object)
        object.metadata.resourceVersion = stored[path: ["metadata", "resourceVersion"]]?.stringValue
    }
}
