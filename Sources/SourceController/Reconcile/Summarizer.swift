import ControllerRuntime
import FluxAPI
import KubeModel
import Logging

/// The end of every source reconcile (source-controller's `summarize.Helper.SummarizeAndPatch`
/// with `ErrorActionHandler`, `RecordReconcileReq` and `AlwaysRequeueResultBuilder`).
struct Summarizer {
    let events: EventRecorder
    let logger: Logger

    /// Records the error's event/log, echoes the reconcile request, computes the runtime result
    /// (Reconciling → ProgressingWithRetry on failure, Stalled on a stalling error, observed
    /// generation on success or stall), summarizes `Ready`, mirrors a failed bipolar condition
    /// into Ready, turns "not Ready after a success" into an error, and patches.
    /// - Returns: the runtime result and the error to hand to the runtime (nil: no backoff).
    func summarizeAndPatch<T: SourceObject>(_ object: inout T, patcher: SerialPatcher<T>, summary: ReadySummary,
                                            biPolarity: [String] = [], result: SubResult, error: SourceError?,
                                            interval: Duration) async -> (RuntimeResult, SourceError?) {
        if let error { handle(error, object) }
        if let requested = object.reconcileRequestedAt { object.status.setLastHandledReconcileRequest(requested) }

        let runtime = RuntimeResult.build(result, error, interval: interval)
        var recError = error
        var observeGeneration = false
        if error == nil && result == .success { object.deleteCondition(ConditionType.reconciling) }
        if var reconciling = object.condition(ConditionType.reconciling) {
            reconciling.reason = MetaReason.progressingWithRetry
            object.setCondition(reconciling)
        }
        switch error?.kind {
        case .stalling?:
            if result == .empty, let error {
                object.markStalled(reason: error.reason, message: error.message)
                observeGeneration = true
                recError = nil
            }
        case .waiting?:
            object.deleteCondition(ConditionType.stalled)
            recError = nil
        case .generic?:
            object.deleteCondition(ConditionType.stalled)
            if error?.ignore == true {
                observeGeneration = true
                object.deleteCondition(ConditionType.reconciling)
                recError = nil
            }
        case nil:
            if result != .requeue { observeGeneration = true }
            object.deleteCondition(ConditionType.stalled)
        case .plain?:
            object.deleteCondition(ConditionType.stalled)
        }

        if let ready = summary.merge(object.conditions) { object.setCondition(ready) }
        for type in biPolarity {
            guard let failed = object.condition(type), failed.status == .false else { continue }
            object.markFalse(ConditionType.ready, reason: failed.reason, message: failed.message)
            break
        }
        if !object.isStalled, recError == nil, runtime.requeueAfter == interval, !object.isReady {
            recError = .plain(object.condition(ConditionType.ready)?.message ?? "")
        }
        if observeGeneration && !object.conditions.isEmpty { object.observedGeneration = object.generation }

        do {
            try await patcher.patch(&object)
        } catch where object.isBeingDeleted && error.patchNotFound {
        } catch {
            recError = recError.map { .plain("[\($0.message), \(error.message)]") } ?? error
        }
        return (runtime, recError)
    }

    /// `ErrorActionHandler`: log and record the event the error asks for.
    func handle<T: KubeResource>(_ error: SourceError, _ object: T) {
        var log = logger
        log[metadataKey: "name"] = "\(object.name)"
        log[metadataKey: "namespace"] = "\(object.namespace)"
        if error.log {
            let text: String
            switch error.kind {
            case .stalling: text = "reconciliation stalled"
            case .waiting: text = "reconciliation waiting"
            default: text = error.message
            }
            if error.event == .warning {
                log.error("\(text)", metadata: ["error": "\(error.message)"])
            } else {
                log.info("\(text)", metadata: ["reason": "\(error.message)"])
            }
        }
        guard let type = error.event else { return }
        switch type {
        case .normal:
            events.event(object, type: error.notification ? .normal : .trace, reason: error.reason, message: error.message)
        case .warning:
            events.event(object, type: .warning, reason: error.reason, message: error.message)
        case .trace:
            events.event(object, type: .trace, reason: error.reason, message: error.message)
        }
    }

    /// `eventLogf`: logs the message and records the event.
    func eventLog<T: KubeResource>(_ object: T, _ type: EventType, reason: String, _ message: String,
                                   annotations: [String: String] = [:]) {
        var log = logger
        log[metadataKey: "name"] = "\(object.name)"
        log[metadataKey: "namespace"] = "\(object.namespace)"
        if type == .warning { log.error("\(message)", metadata: ["error": "\(reason)"]) } else { log.info("\(message)") }
        events.event(object, type: type, reason: reason, message: message, annotations: annotations)
    }
}
