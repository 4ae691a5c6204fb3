import ControllerRuntime

/// The abstract outcome of a (sub-)reconciler (source-controller's `sreconcile.Result`).
enum SubResult: Sendable, Equatable {
    /// No requeue; also the result that accompanies an error.
    case empty
    /// Requeue at once (rate-limited).
    case requeue
    /// Success: requeue at the object's interval.
    case success

    /// `LowestRequeuingResult`: requeue beats success beats empty.
    static func lowestRequeuing(_ i: SubResult, _ j: SubResult) -> SubResult {
        switch (i, j) {
        case (.empty, _): return j
        case (_, .empty): return i
        case (.requeue, _): return i
        case (_, .requeue): return j
        default: return j
        }
    }
}

/// The runtime result source-controller's `AlwaysRequeueResultBuilder` builds: `RequeueAfter` =
/// the jittered interval on success, `Requeue` for `.requeue`, nothing otherwise; a waiting error
/// requeues after its delay, an ignored generic error at the interval.
struct RuntimeResult: Sendable, Equatable {
    var requeue = false
    var requeueAfter: Duration = .zero

    static func build(_ result: SubResult, _ error: SourceError?, interval: Duration) -> RuntimeResult {
        if let error {
            switch error.kind {
            case .waiting(let after): return RuntimeResult(requeueAfter: after == .zero ? interval : after)
            case .generic where error.ignore: return RuntimeResult(requeueAfter: interval)
            default: break
            }
        }
        switch result {
        case .requeue: return RuntimeResult(requeue: true)
        case .success: return RuntimeResult(requeueAfter: interval)
        case .empty: return RuntimeResult()
        }
    }

    /// What the runtime's queue does with it (controller-runtime: `Requeue` wins over
    /// `RequeueAfter`; a zero delay without `Requeue` is no requeue).
    var reconcileResult: ReconcileResult {
        if requeue { return .requeue }
        if requeueAfter > .zero { return .requeueAfter(requeueAfter) }
        return .done
    }
}
