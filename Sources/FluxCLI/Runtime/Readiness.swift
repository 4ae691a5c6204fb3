import KStatus
import KubeModel

/// flux's `isObjectReady`: kstatus `Current`, and for dynamic objects a Ready condition that
/// belongs to the latest generation (by the condition's own observed generation, or the object's
/// when the condition has none). A kstatus `Failed` (or other final) status is an error carrying
/// kstatus' message.
enum Readiness {
    static func isReady(_ object: KubeObject, _ statusKind: StatusKind) throws(FluxCLIError) -> Bool {
        if statusKind == .dynamic {
            let observed = object.observedGenerationStatus
            if observed < 1 { return false }
            guard let ready = object.readyCondition else { return false }
            if ready.observedGeneration != 0 && ready.observedGeneration != object.generation { return false }
            if ready.observedGeneration == 0 && observed != object.generation { return false }
        }
        return try isCurrent(object)
    }

    /// kstatus `Current` (true), `InProgress` (false), anything else an error with its message.
    static func isCurrent(_ object: KubeObject) throws(FluxCLIError) -> Bool {
        let result: StatusResult
        do { result = try StatusResult.compute(object) } catch { throw FluxCLIError(error.message) }
        switch result.status {
        case .current: return true
        case .inProgress: return false
        default: throw FluxCLIError(result.message)
        }
    }

    /// Whether kstatus says `Current` (no error for other statuses).
    static func isCurrentStatus(_ object: KubeObject) throws(FluxCLIError) -> Bool {
        do { return try StatusResult.compute(object).status == .current } catch { throw FluxCLIError(error.message) }
    }
}
