import KubeModel
import StructuredData

/// Helm 3.13's readiness rules (`pkg/kube/ready.go`) as pure functions of live objects.
public enum Readiness {
    /// The verdict for one object.
    public enum Verdict: Sendable, Equatable {
        case ready
        /// Not ready yet, with the line Helm's ready checker logs (nil where it logs nothing).
        case notReady(String?)
        /// A terminal failure (a Job beyond its backoff limit).
        case failed(String)
    }

    /// Readiness of a live object. `replicaSets` are the ReplicaSets of the object's namespace
    /// (Deployments need their new ReplicaSet); `pods` the Pods (ReplicaSets and
    /// ReplicationControllers need theirs).
    public static func check(_ object: KubeObject, waitForJobs: Bool, replicaSets: [KubeObject] = [], pods: [KubeObject] = []) -> Verdict {
        let raw = object.raw
        switch object.kind {
        case "Pod":
            return condition(raw, "Ready") == "True" ? .ready : .notReady("Pod is not ready: \(object.namespace)/\(object.name)")
        case "Job":
            guard waitForJobs else { return .ready }
            let backoff = raw[path: ["spec", "backoffLimit"]]?.intValue ?? 6
            if (raw[path: ["status", "failed"]]?.intValue ?? 0) > backoff {
                return .failed("job is failed: \(object.namespace)/\(object.name)")
            }
            if let completions = raw[path: ["spec", "completions"]]?.intValue,
               (raw[path: ["status", "succeeded"]]?.intValue ?? 0) < completions {
                return .notReady("Job is not completed: \(object.namespace)/\(object.name)")
            }
            return .ready
        case "Deployment":
            if raw[path: ["spec", "paused"]]?.boolValue == true { return .ready }
            guard let rs = newReplicaSet(of: object, among: replicaSets) else { return .notReady(nil) }
            let replicas = raw[path: ["spec", "replicas"]]?.intValue ?? 1
            let expected = replicas &- maxUnavailable(raw, replicas: replicas)
            let ready = rs.raw[path: ["status", "readyReplicas"]]?.intValue ?? 0
            return ready >= expected ? .ready
                : .notReady("Deployment is not ready: \(object.namespace)/\(object.name). \(ready) out of \(expected) expected pods are ready")
        case "PersistentVolumeClaim":
            return raw[path: ["status", "phase"]]?.stringValue == "Bound" ? .ready
                : .notReady("PersistentVolumeClaim is not bound: \(object.namespace)/\(object.name)")
        case "Service":
            let type = raw[path: ["spec", "type"]]?.stringValue ?? "ClusterIP"
            if type == "ExternalName" { return .ready }
            guard !(raw[path: ["spec", "clusterIP"]]?.stringValue ?? "").isEmpty else {
                return .notReady("Service does not have cluster IP address: \(object.namespace)/\(object.name)")
            }
            if type == "LoadBalancer" {
                let external = raw[path: ["spec", "externalIPs"]]?.arrayValue ?? []
                let ingress = raw[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []
                return external.isEmpty && ingress.isEmpty
                    ? .notReady("Service does not have load balancer ingress IP address: \(object.namespace)/\(object.name)") : .ready
            }
            return .ready
        case "DaemonSet":
            guard (raw[path: ["spec", "updateStrategy", "type"]]?.stringValue ?? "RollingUpdate") == "RollingUpdate" else { return .ready }
            let desired = raw[path: ["status", "desiredNumberScheduled"]]?.intValue ?? 0
            let updated = raw[path: ["status", "updatedNumberScheduled"]]?.intValue ?? 0
            guard updated == desired else {
                return .notReady("DaemonSet is not ready: \(object.namespace)/\(object.name). \(updated) out of \(desired) expected pods have been scheduled")
            }
            let unavailable = scaled(raw[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]] ?? .int(1), total: desired, roundUp: true)
            let ready = raw[path: ["status", "numberReady"]]?.intValue ?? 0
            return ready >= desired &- unavailable ? .ready
                : .notReady("DaemonSet is not ready: \(object.namespace)/\(object.name). \(ready) out of \(desired &- unavailable) expected pods are ready")
        case "StatefulSet":
            guard (raw[path: ["spec", "updateStrategy", "type"]]?.stringValue ?? "RollingUpdate") == "RollingUpdate" else { return .ready }
            let replicas = raw[path: ["spec", "replicas"]]?.intValue ?? 1
            let partition = raw[path: ["spec", "updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0
            let status = raw["status"] ?? .object([:])
            let name = "\(object.namespace)/\(object.name)"
            guard (status["observedGeneration"]?.intValue ?? 0) >= object.generation else {
                return .notReady("StatefulSet is not ready: \(name). update has not yet been observed")
            }
            let updated = status["updatedReplicas"]?.intValue ?? 0
            guard updated >= replicas &- partition else {
                return .notReady("StatefulSet is not ready: \(name). \(updated) out of \(replicas &- partition) expected pods have been scheduled")
            }
            let ready = status["readyReplicas"]?.intValue ?? 0
            guard ready == replicas else { return .notReady("StatefulSet is not ready: \(name). \(ready) out of \(replicas) expected pods are ready") }
            let current = status["currentRevision"]?.stringValue ?? "", update = status["updateRevision"]?.stringValue ?? ""
            if partition == 0, current != update {
                return .notReady("StatefulSet is not ready: \(name). currentRevision \(current) does not yet match updateRevision \(update)")
            }
            return .ready
        case "CustomResourceDefinition":
            if condition(raw, "Established") == "True" || condition(raw, "NamesAccepted") == "False" { return .ready }
            return .notReady(nil)
        case "ReplicaSet", "ReplicationController":
            let selected = pods.filter { pod in pod.ownerReferences.contains { $0.uid == object.uid } }
            if let pod = selected.first(where: { condition($0.raw, "Ready") != "True" }) {
                return .notReady("Pod is not ready: \(pod.namespace)/\(pod.name)")
            }
            return .ready
        default:
            return .ready
        }
    }

    static func condition(_ raw: JSONValue, _ type: String) -> String? {
        raw[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }?["status"]?.stringValue
    }

    /// The Deployment's current ReplicaSet: controlled by it and carrying its revision, else the newest it controls.
    static func newReplicaSet(of deployment: KubeObject, among replicaSets: [KubeObject]) -> KubeObject? {
        let owned = replicaSets.filter { $0.controllerReference?.uid == deployment.uid && !deployment.uid.isEmpty }
        let revision = deployment.annotations["deployment.kubernetes.io/revision"]
        if let revision, let match = owned.first(where: { $0.annotations["deployment.kubernetes.io/revision"] == revision }) {
            return match
        }
        return owned.max { $0.creationTimestamp < $1.creationTimestamp }
    }

    /// `deploymentutil.MaxUnavailable`: 0 unless RollingUpdate; percentages round down; capped at replicas.
    static func maxUnavailable(_ raw: JSONValue, replicas: Int64) -> Int64 {
        guard (raw[path: ["spec", "strategy", "type"]]?.stringValue ?? "RollingUpdate") == "RollingUpdate", replicas > 0 else { return 0 }
        let value = raw[path: ["spec", "strategy", "rollingUpdate", "maxUnavailable"]] ?? .string("25%")
        return min(scaled(value, total: replicas, roundUp: false), replicas)
    }

    /// An int-or-percent scaled against `total`.
    static func scaled(_ value: JSONValue, total: Int64, roundUp: Bool) -> Int64 {
        if let i = value.intValue { return i }
        guard let s = value.stringValue, s.hasSuffix("%"), let p = Int64(s.dropLast()) else { return 0 }
        // Overflow-safe: absurd values from a live object must not trap.
        let (product, overflow) = p.multipliedReportingOverflow(by: total)
        if overflow { return total }
        return roundUp ? (product &+ 99) / 100 : product / 100
    }
}
