import GoCompat
import KubeModel
import StructuredData

extension StatusResult {
    /// cli-utils `status.Compute`: the status of an object from its own content (no cluster reads).
    ///
    /// Order: a deletion timestamp → `Terminating`; `metadata.generation` ≠ `status.observedGeneration`
    /// (both present) → `InProgress`; `Reconciling=True` → `InProgress`; `Stalled=True` → `Failed`;
    /// then the built-in kind's rules (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, PVC,
    /// Service, CRD, PodDisruptionBudget; Secret, ConfigMap and CronJob are always ready); then the
    /// `Ready` condition (`True` → `Current`, `False`/`Unknown` → `InProgress`); else `Current`.
    /// - Parameter now: the clock for the Pod scheduling window (15 s).
    /// - Throws: `KStatusError` when a status field has the wrong type or a Pod phase is unknown.
    public static func compute(_ object: KubeObject, now: GoTime = .now()) throws(KStatusError) -> StatusResult {
        if let generic = try genericProperties(object) { return generic }
        if let rule = legacyRule(for: object.gvk.groupKind) { return try rule(object, now) }
        if let ready = try readyCondition(object) { return ready }
        return .current("Resource is current")
    }

    /// `checkGenericProperties`: deletion, observed generation, and the standard conditions.
    static func genericProperties(_ object: KubeObject) throws(KStatusError) -> StatusResult? {
        let raw = object.raw
        let deletion: String?
        do { deletion = try StatusFields.nestedString(raw, ["metadata", "deletionTimestamp"]) } catch {
            throw KStatusError("looking up metadata.deletionTimestamp from resource: \(error.message)")
        }
        if let deletion, !deletion.isEmpty {
            return StatusResult(status: .terminating, message: "Resource scheduled for deletion")
        }
        if let generation = try checkGeneration(object) { return generation }
        for c in try StatusFields.conditions(raw) {
            if c.is(StatusConditionType.reconciling, .true) { return .inProgress(c.reason, c.message) }
            if c.is(StatusConditionType.stalled, .true) { return .failed(c.reason, c.message) }
        }
        return nil
    }

    /// `checkGeneration`: `InProgress` (`LatestGenerationNotObserved`) when both generations are
    /// present and differ.
    static func checkGeneration(_ object: KubeObject) throws(KStatusError) -> StatusResult? {
        let raw = object.raw
        let generation: Int64?
        do { generation = try StatusFields.nestedInt(raw, ["metadata", "generation"]) } catch {
            throw KStatusError("looking up metadata.generation from resource: \(error.message)")
        }
        guard let generation else { return nil }
        let observed: Int64?
        do { observed = try StatusFields.nestedInt(raw, ["status", "observedGeneration"]) } catch {
            throw KStatusError("looking up status.observedGeneration from resource: \(error.message)")
        }
        guard let observed, observed != generation else { return nil }
        let message = "\(object.kind) generation is \(generation), but latest observed generation is \(observed)"
        return .inProgress("LatestGenerationNotObserved", message)
    }

    /// `checkReadyCondition`: the first `Ready` condition decides; `nil` when there is none (or its
    /// status is not one of True/False/Unknown).
    static func readyCondition(_ object: KubeObject) throws(KStatusError) -> StatusResult? {
        for c in try StatusFields.conditions(object.raw) where c.type == StatusConditionType.ready {
            switch ConditionStatus(rawValue: c.status) {
            case .true?: return .current("Resource is Ready")
            case .false?, .unknown?: return .inProgress(c.reason, c.message)
            case nil: continue
            }
        }
        return nil
    }

    typealias Rule = (KubeObject, GoTime) throws(KStatusError) -> StatusResult

    /// cli-utils `legacyTypes`, keyed by `group/Kind` (just `Kind` for the core group).
    static func legacyRule(for groupKind: GroupKind) -> Rule? {
        let key = groupKind.group.isEmpty ? groupKind.kind : "\(groupKind.group)/\(groupKind.kind)"
        switch key {
        case "Service": return { o, _ in serviceStatus(o) }
        case "Pod": return { o, now throws(KStatusError) in try podStatus(o, now: now) }
        case "Secret", "ConfigMap", "batch/CronJob": return { _, _ in .current("Resource is always ready") }
        case "PersistentVolumeClaim": return { o, _ in claimStatus(o) }
        case "apps/StatefulSet": return { o, _ in statefulSetStatus(o) }
        case "apps/DaemonSet", "extensions/DaemonSet": return { o, _ throws(KStatusError) in try daemonSetStatus(o) }
        case "apps/Deployment", "extensions/Deployment": return { o, _ throws(KStatusError) in try deploymentStatus(o) }
        case "apps/ReplicaSet", "extensions/ReplicaSet": return { o, _ throws(KStatusError) in try replicaSetStatus(o) }
        case "policy/PodDisruptionBudget": return { _, _ in .current("AllowedDisruptions has been computed.") }
        case "batch/Job": return { o, _ throws(KStatusError) in try jobStatus(o) }
        case "apiextensions.k8s.io/CustomResourceDefinition": return { o, _ throws(KStatusError) in try crdStatus(o) }
        default: return nil
        }
    }
}
