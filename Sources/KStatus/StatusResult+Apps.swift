import KubeModel
import StructuredData

/// kstatus rules for the `apps` workloads (cli-utils `core.go`), with its exact messages.
extension StatusResult {
    static let tooFewReady = "LessReady"
    static let tooFewAvailable = "LessAvailable"
    static let tooFewUpdated = "LessUpdated"
    static let tooFewReplicas = "LessReplicas"
    static let extraPods = "ExtraPods"

    /// Deployment: `ProgressDeadlineExceeded` → Failed; replicas counted against `spec.replicas`
    /// (default 1); then `Progressing=True/NewReplicaSetAvailable` (unless no progress deadline is
    /// set) and `Available=True`.
    static func deploymentStatus(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        let o = object.raw
        let maxInt32: Int64 = 2_147_483_647
        var progressing = StatusFields.int(o, ".spec.progressDeadlineSeconds", maxInt32) == maxInt32
        var available = false
        for c in try StatusFields.conditions(o) {
            switch c.type {
            case "Progressing":
                if c.reason == "ProgressDeadlineExceeded" {
                    return StatusResult(status: .failed, message: "Progress deadline exceeded", conditions: [
                        Condition(type: StatusConditionType.stalled, status: .true, reason: c.reason, message: c.message),
                    ])
                }
                if c.status == "True" && c.reason == "NewReplicaSetAvailable" { progressing = true }
            case "Available":
                if c.status == "True" { available = true }
            default: break
            }
        }
        let spec = StatusFields.int(o, ".spec.replicas", 1)
        let replicas = StatusFields.int(o, ".status.replicas", 0)
        let updated = StatusFields.int(o, ".status.updatedReplicas", 0)
        let ready = StatusFields.int(o, ".status.readyReplicas", 0)
        let availableReplicas = StatusFields.int(o, ".status.availableReplicas", 0)
        if spec > replicas { return .inProgress(tooFewReplicas, "Replicas: \(replicas)/\(spec)") }
        if spec > updated { return .inProgress(tooFewUpdated, "Updated: \(updated)/\(spec)") }
        if replicas > spec { return .inProgress(extraPods, "Pending termination: \(replicas - spec)") }
        if updated > availableReplicas { return .inProgress(tooFewAvailable, "Available: \(availableReplicas)/\(updated)") }
        if spec > ready { return .inProgress(tooFewReady, "Ready: \(ready)/\(spec)") }
        if !progressing { return .inProgress("ReplicaSetNotAvailable", "ReplicaSet not Available") }
        if !available { return .inProgress("DeploymentNotAvailable", "Deployment not Available") }
        return .current("Deployment is available. Replicas: \(replicas)")
    }

    /// StatefulSet: `OnDelete` is always current; replicas and readiness against `spec.replicas`;
    /// with a partition, the updated count; otherwise current replicas and matching revisions.
    static func statefulSetStatus(_ object: KubeObject) -> StatusResult {
        let o = object.raw
        if StatusFields.string(o, ".spec.updateStrategy.type", "") == "OnDelete" {
            return .current("StatefulSet is using the ondelete update strategy")
        }
        let spec = StatusFields.int(o, ".spec.replicas", 1)
        let ready = StatusFields.int(o, ".status.readyReplicas", 0)
        let current = StatusFields.int(o, ".status.currentReplicas", 0)
        let updated = StatusFields.int(o, ".status.updatedReplicas", 0)
        let replicas = StatusFields.int(o, ".status.replicas", 0)
        let partition = StatusFields.int(o, ".spec.updateStrategy.rollingUpdate.partition", -1)
        if spec > replicas { return .inProgress(tooFewReplicas, "Replicas: \(replicas)/\(spec)") }
        if spec > ready { return .inProgress(tooFewReady, "Ready: \(ready)/\(spec)") }
        if replicas > spec { return .inProgress(extraPods, "Pending termination: \(replicas - spec)") }
        if partition != -1 {
            if updated < spec - partition {
                return .inProgress("PartitionRollout", "updated: \(updated)/\(spec - partition)")
            }
            return .current("Partition rollout complete. updated: \(updated)")
        }
        if spec > current { return .inProgress("LessCurrent", "current: \(current)/\(spec)") }
        let currentRevision = StatusFields.string(o, ".status.currentRevision", "")
        let updateRevision = StatusFields.string(o, ".status.updateRevision", "")
        if currentRevision != updateRevision {
            return .inProgress("RevisionMismatch", "Waiting for updated revision to match current")
        }
        return .current("All replicas scheduled as expected. Replicas: \(replicas)")
    }

    /// DaemonSet: generation and observed generation must both be set; then every count must
    /// reach `status.desiredNumberScheduled`.
    static func daemonSetStatus(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        if let unset = try checkGenerationSet(object) { return unset }
        let o = object.raw
        let desired = StatusFields.int(o, ".status.desiredNumberScheduled", -1)
        let current = StatusFields.int(o, ".status.currentNumberScheduled", 0)
        let updated = StatusFields.int(o, ".status.updatedNumberScheduled", 0)
        let available = StatusFields.int(o, ".status.numberAvailable", 0)
        let ready = StatusFields.int(o, ".status.numberReady", 0)
        if desired == -1 { return .inProgress("NoDesiredNumber", "Missing .status.desiredNumberScheduled") }
        if desired > current { return .inProgress("LessCurrent", "Current: \(current)/\(desired)") }
        if desired > updated { return .inProgress(tooFewUpdated, "Updated: \(updated)/\(desired)") }
        if desired > available { return .inProgress(tooFewAvailable, "Available: \(available)/\(desired)") }
        if desired > ready { return .inProgress(tooFewReady, "Ready: \(ready)/\(desired)") }
        return .current("All replicas scheduled as expected. Replicas: \(desired)")
    }

    /// `checkGenerationSet`: `InProgress` when `metadata.generation` or `status.observedGeneration`
    /// is missing.
    static func checkGenerationSet(_ object: KubeObject) throws(KStatusError) -> StatusResult? {
        let generation: Int64?
        do { generation = try StatusFields.nestedInt(object.raw, ["metadata", "generation"]) } catch {
            throw KStatusError("looking up metadata.generation from resource: \(error.message)")
        }
        if generation == nil {
            return .inProgress("NoGeneration", "\(object.kind) metadata.generation not found")
        }
        let observed: Int64?
        do { observed = try StatusFields.nestedInt(object.raw, ["status", "observedGeneration"]) } catch {
            throw KStatusError("looking up status.observedGeneration from resource: \(error.message)")
        }
        if observed == nil {
            return .inProgress("NoObservedGeneration", "\(object.kind) status.observedGeneration not found")
        }
        return nil
    }

    /// ReplicaSet: `ReplicaFailure=True` → InProgress; labelled, available and ready counts must
    /// reach `spec.replicas`; no extra pods.
    static func replicaSetStatus(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        let o = object.raw
        if try StatusFields.conditions(o).first("ReplicaFailure", .true) != nil {
            return .inProgress("ReplicaFailure", "Replica Failure condition. Check Pods")
        }
        let spec = StatusFields.int(o, ".spec.replicas", 1)
        let replicas = StatusFields.int(o, ".status.replicas", 0)
        let ready = StatusFields.int(o, ".status.readyReplicas", 0)
        let available = StatusFields.int(o, ".status.availableReplicas", 0)
        let labelled = StatusFields.int(o, ".status.fullyLabeledReplicas", 0)
        if spec > labelled { return .inProgress("LessLabelled", "Labelled: \(labelled)/\(spec)") }
        if spec > available { return .inProgress(tooFewAvailable, "Available: \(available)/\(spec)") }
        if spec > ready { return .inProgress(tooFewReady, "Ready: \(ready)/\(spec)") }
        if replicas > spec { return .inProgress(extraPods, "Pending termination: \(replicas - spec)") }
        return .current("ReplicaSet is available. Replicas: \(replicas)")
    }
}
