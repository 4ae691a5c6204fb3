import GoCompat
import Foundation
import StructuredData

extension TablePrinter {
    static let pod = TablePrinter(columns: [
        .name, TableColumn(name: "Ready", description: "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn(name: "Status", description: "The aggregate status of the containers in this pod."),
        TableColumn(name: "Restarts", description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        .age, .wide("IP", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
        .wide("Node", "NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements."),
        .wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled."),
        .wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"),
    ]) { o, now in
        let status = o["status"] ?? .null
        let total = o["spec"]?["containers"]?.arrayValue?.count ?? 0
        var reason = status["phase"]?.stringValue ?? ""
        if let r = status["reason"]?.stringValue, !r.isEmpty { reason = r }
        var restarts: Int64 = 0
        var ready = 0
        var hasRunning = false
        var lastRestart: String?
        for c in (status["containerStatuses"]?.arrayValue ?? []).reversed() {
            restarts += c["restartCount"]?.intValue ?? 0
            if let finished = c["lastState"]?["terminated"]?["finishedAt"]?.stringValue,
               lastRestart.map({ finished > $0 }) ?? true { lastRestart = finished }
            if let waiting = c["state"]?["waiting"]?["reason"]?.stringValue, !waiting.isEmpty {
                reason = waiting
            } else if let terminated = c["state"]?["terminated"], terminated.objectValue != nil {
                if let r = terminated["reason"]?.stringValue, !r.isEmpty {
                    reason = r
                } else if let signal = terminated["signal"]?.intValue, signal != 0 {
                    reason = "Signal:\(signal)"
                } else {
                    reason = "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
                }
            } else if c["ready"] == true && c["state"]?["running"] != nil {
                hasRunning = true
                ready += 1
            }
        }
        if reason == "Completed" && hasRunning {
            let readyCondition = status["conditions"]?.arrayValue?.contains { $0["type"] == "Ready" && $0["status"] == "True" } ?? false
            reason = readyCondition ? "Running" : "NotReady"
        }
        if o["metadata"]?["deletionTimestamp"] != nil { reason = status["reason"]?.stringValue == "NodeLost" ? "Unknown" : "Terminating" }
        var restartText = String(restarts)
        if let lastRestart { restartText += " (\(Age.since(lastRestart, now: now)) ago)" }
        let gates = o["spec"]?["readinessGates"]?.arrayValue ?? []
        let gateText: String
        if gates.isEmpty {
            gateText = "<none>"
        } else {
            let conditions = status["conditions"]?.arrayValue ?? []
            let met = gates.filter { g in conditions.contains { $0["type"] == g["conditionType"] && $0["status"] == "True" } }.count
            gateText = "\(met)/\(gates.count)"
        }
        return [name(o), .string("\(ready)/\(total)"), .string(reason), .string(restartText), age(o, now),
                text(status["podIP"]), text(o["spec"]?["nodeName"]), text(status["nominatedNodeName"]), .string(gateText)]
    }

    static let deployment = TablePrinter(columns: [
        .name, TableColumn(name: "Ready", description: "Number of the pod with ready state"),
        .int("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        .int("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        .age,
    ] + wideContainerColumns()) { o, now in
        let s = o["status"]
        let c = containers(o["spec"]?["template"])
        return [name(o), .string("\(s?["readyReplicas"]?.intValue ?? 0)/\(o["spec"]?["replicas"]?.intValue ?? 0)"),
                int(s?["updatedReplicas"]), int(s?["availableReplicas"]), age(o, now), c.names, c.images,
                selector(o["spec"]?["selector"])]
    }

    static let replicaSet = TablePrinter(columns: [
        .name, .int("Desired", "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
        .int("Current", "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
        .int("Ready", "readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition."),
        .age,
    ] + wideContainerColumns()) { o, now in
        let c = containers(o["spec"]?["template"])
        return [name(o), int(o["spec"]?["replicas"]), int(o["status"]?["replicas"]), int(o["status"]?["readyReplicas"]),
                age(o, now), c.names, c.images, selector(o["spec"]?["selector"])]
    }

    static let statefulSet = TablePrinter(columns: [
        .name, TableColumn(name: "Ready", description: "Number of the pod with ready state"), .age,
        .wide("Containers", "Names of each container in the template."),
        .wide("Images", "Images referenced by each container in the template."),
    ]) { o, now in
        let c = containers(o["spec"]?["template"])
        return [name(o), .string("\(o["status"]?["readyReplicas"]?.intValue ?? 0)/\(o["spec"]?["replicas"]?.intValue ?? 0)"),
                age(o, now), c.names, c.images]
    }

    static let daemonSet = TablePrinter(columns: [
        .name, .int("Desired", "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
        .int("Current", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
        .int("Ready", "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."),
        .int("Up-to-date", "The total number of nodes that are running updated daemon pod"),
        .int("Available", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
        TableColumn(name: "Node Selector", description: "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
        .age,
    ] + wideContainerColumns()) { o, now in
        let s = o["status"]
        let c = containers(o["spec"]?["template"])
        return [name(o), int(s?["desiredNumberScheduled"]), int(s?["currentNumberScheduled"]), int(s?["numberReady"]),
                int(s?["updatedNumberScheduled"]), int(s?["numberAvailable"]),
                mapSelector(o["spec"]?["template"]?["spec"]?["nodeSelector"]), age(o, now), c.names, c.images,
                selector(o["spec"]?["selector"])]
    }

    static let job = TablePrinter(columns: [
        .name, TableColumn(name: "Completions", description: "The desired number of successfully finished pods the job should be run with."),
        TableColumn(name: "Duration", description: "Time required to complete the job."), .age,
    ] + wideContainerColumns()) { o, now in
        let succeeded = o["status"]?["succeeded"]?.intValue ?? 0
        let completions: String
        if let wanted = o["spec"]?["completions"]?.intValue {
            completions = "\(succeeded)/\(wanted)"
        } else if let parallelism = o["spec"]?["parallelism"]?.intValue, parallelism > 1 {
            completions = "\(succeeded)/1 of \(parallelism)"
        } else {
            completions = "\(succeeded)/1"
        }
        var duration = ""
        if let start = o["status"]?["startTime"]?.stringValue, let started = Age.parse(start) {
            let end = o["status"]?["completionTime"]?.stringValue.flatMap(Age.parse) ?? now
            duration = HumanDuration.format(seconds: Int64(end.timeIntervalSince(started).rounded(.down)))
        }
        let c = containers(o["spec"]?["template"])
        return [name(o), .string(completions), .string(duration), age(o, now), c.names, c.images, selector(o["spec"]?["selector"])]
    }

    static let cronJob = TablePrinter(columns: [
        .name, TableColumn(name: "Schedule", description: "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
        TableColumn(name: "Suspend", type: "boolean", description: "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."),
        .int("Active", "A list of pointers to currently running jobs."),
        TableColumn(name: "Last Schedule", description: "Information when was the last time the job was successfully scheduled."),
        .age,
    ] + wideContainerColumns()) { o, now in
        let template = o["spec"]?["jobTemplate"]?["spec"]?["template"]
        let c = containers(template)
        let last = o["status"]?["lastScheduleTime"]?.stringValue.map { Age.since($0, now: now) } ?? "<none>"
        return [name(o), text(o["spec"]?["schedule"], none: ""), .bool(o["spec"]?["suspend"] == true),
                .int(Int64(o["status"]?["active"]?.arrayValue?.count ?? 0)), .string(last), age(o, now), c.names, c.images,
                selector(o["spec"]?["jobTemplate"]?["spec"]?["selector"])]
    }
}
