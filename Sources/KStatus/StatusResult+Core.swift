import GoCompat
import KubeModel
import StructuredData

/// kstatus rules for Pods, Jobs, PVCs, Services and CRDs (cli-utils `core.go`).
extension StatusResult {
    /// How long a Pod may stay unschedulable before it is reported as Failed.
    public static let scheduleWindow = GoDuration.seconds(15)

    /// Pod, by `status.phase`: Succeeded/Failed are current (completed); Running is current when
    /// `Ready=True`, failed when a container is in `CrashLoopBackOff`; Pending is failed only when
    /// unschedulable for longer than `scheduleWindow`.
    static func podStatus(_ object: KubeObject, now: GoTime) throws(KStatusError) -> StatusResult {
        let o = object.raw
        let conditions = try StatusFields.conditions(o)
        let phase = StatusFields.string(o, ".status.phase", "")
        switch phase {
        case "Succeeded": return .current("Pod has completed successfully")
        case "Failed": return .current("Pod has completed, but not successfully")
        case "Running":
            if conditions.first("Ready", .true) != nil { return .current("Pod is Ready") }
            let looping = try crashLoopingContainers(o)
            if !looping.isEmpty {
                return .failed("ContainerCrashLooping", "Containers in CrashLoop state: \(looping.joined(separator: ","))")
            }
            return .inProgress("PodRunningNotReady", "Pod is running but is not Ready")
        case "Pending":
            if let c = conditions.first("PodScheduled", .false), c.reason == "Unschedulable" {
                let created = object.creationTime ?? GoTime(unixSeconds: -62_135_596_800)
                if now.adding(GoDuration(nanoseconds: -scheduleWindow.nanoseconds)) < created {
                    return .inProgress("PodNotScheduled", "Pod has not been scheduled")
                }
                return .failed("PodUnschedulable", "Pod could not be scheduled")
            }
            return .inProgress("PodPending", "Pod is in the Pending phase")
        case "":
            return .inProgress("PodNotObserved", "Pod phase not available")
        default:
            throw KStatusError("unknown phase \(phase)")
        }
    }

    /// Names of the containers waiting with reason `CrashLoopBackOff`, in status order.
    static func crashLoopingContainers(_ o: JSONValue) throws(KStatusError) -> [String] {
        guard let statuses = try StatusFields.nested(o, ["status", "containerStatuses"]) else { return [] }
        guard case .array(let items) = statuses else {
            throw StatusFields.accessorError(["status", "containerStatuses"], statuses, expected: "[]interface{}")
        }
        return items.compactMap { item in
            guard let name = item["name"]?.stringValue,
                  item["state"]?["waiting"]?["reason"]?.stringValue == "CrashLoopBackOff" else { return nil }
            return name
        }
    }

    /// Job (cli-utils): `Complete=True` → Current, `Failed=True` → Failed; otherwise InProgress
    /// until `status.startTime` is set, then Current while running.
    static func jobStatus(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        let o = object.raw
        let parallelism = StatusFields.int(o, ".spec.parallelism", 1)
        let completions = StatusFields.int(o, ".spec.completions", parallelism)
        let succeeded = StatusFields.int(o, ".status.succeeded", 0)
        let active = StatusFields.int(o, ".status.active", 0)
        let failed = StatusFields.int(o, ".status.failed", 0)
        let startTime = StatusFields.string(o, ".status.startTime", "")
        for c in try StatusFields.conditions(o) {
            if c.is("Complete", .true) { return .current("Job Completed. succeeded: \(succeeded)/\(completions)") }
            if c.is("Failed", .true) { return .failed("JobFailed", "Job Failed. failed: \(failed)/\(completions)") }
        }
        if startTime.isEmpty { return .inProgress("JobNotStarted", "Job not started") }
        return .current("Job in progress. success:\(succeeded), active: \(active), failed: \(failed)")
    }

    /// PersistentVolumeClaim: Current only when `status.phase` is `Bound`.
    static func claimStatus(_ object: KubeObject) -> StatusResult {
        let phase = StatusFields.string(object.raw, ".status.phase", "unknown")
        if phase != "Bound" { return .inProgress("NotBound", "PVC is not Bound. phase: \(phase)") }
        return .current("PVC is Bound")
    }

    /// Service: Current, except a LoadBalancer without `spec.clusterIP`.
    static func serviceStatus(_ object: KubeObject) -> StatusResult {
        let type = StatusFields.string(object.raw, ".spec.type", "ClusterIP")
        let clusterIP = StatusFields.string(object.raw, ".spec.clusterIP", "")
        if type == "LoadBalancer" && clusterIP.isEmpty {
            return .inProgress("NoIPAssigned", "ClusterIP not set. Service type: LoadBalancer")
        }
        return .current("Service is ready")
    }

    /// CustomResourceDefinition: `NamesAccepted=False` or `Established=False` (other than
    /// `Installing`) → Failed; `Established=True` → Current; otherwise installing.
    static func crdStatus(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        for c in try StatusFields.conditions(object.raw) {
            if c.is("NamesAccepted", .false) { return .failed(c.reason, c.message) }
            if c.type == "Established" {
                if c.status == "False" && c.reason != "Installing" { return .failed(c.reason, c.message) }
                if c.status == "True" { return .current("CRD is established") }
            }
        }
        return .inProgress("Installing", "Install in progress")
    }
}
