import StructuredData

extension SimulationRules {
    /// A Pod or Job's place in its life: not started, started (waiting out a delay), finished.
    enum Stage: Sendable, Equatable {
        case new
        case started
        case finished
    }

    /// True for a Pod that runs to completion (`restartPolicy` Never or OnFailure).
    static func runsToCompletion(_ pod: JSONValue) -> Bool {
        let policy = pod["spec"]?["restartPolicy"]?.stringValue ?? "Always"
        return policy == "Never" || policy == "OnFailure"
    }

    static func podStage(_ pod: JSONValue) -> Stage {
        switch pod["status"]?["phase"]?.stringValue {
        case "Succeeded", "Failed": return .finished
        case "Running": return (runsToCompletion(pod) || shouldFail(pod)) && !neverReady(pod) ? .started : .finished
        case "Pending": return .started
        default: return .new
        }
    }

    static func jobStage(_ job: JSONValue) -> Stage {
        let conditions = job["status"]?["conditions"]?.arrayValue ?? []
        if conditions.contains(where: { ["Complete", "Failed"].contains($0["type"]?.stringValue ?? "") && $0["status"] == "True" }) {
            return .finished
        }
        return job["status"]?["startTime"] == nil ? .new : .started
    }

    /// Pod status: `Pending` while delayed; then `Running` and Ready (long-running), `Succeeded`
    /// (runs to completion) or `Failed` (annotated to fail).
    static func podStatus(_ pod: JSONValue, finished: Bool, now: String) -> JSONValue {
        let old = pod["status"]
        let start = old?["startTime"] ?? .string(now)
        let containers = pod["spec"]?["containers"]?.arrayValue ?? []
        var status: JSONObject = [:]
        guard finished else {
            status["phase"] = "Pending"
            status["conditions"] = [condition("PodScheduled", "True", reason: "", message: "", old: old, now: now)]
            status["startTime"] = start
            return .object(status)
        }
        let fail = shouldFail(pod)
        let unready = neverReady(pod)
        let completes = runsToCompletion(pod) && !unready
        let phase = fail ? "Failed" : (completes ? "Succeeded" : "Running")
        let ready = phase == "Running" && !unready ? "True" : "False"
        let reason = phase == "Running" ? (unready ? "ContainersNotReady" : "") : "PodCompleted"
        let unreadyMessage = unready
            ? "containers with unready status: [" + containers.compactMap { $0["name"]?.stringValue }.joined(separator: " ") + "]" : ""
        status["phase"] = .string(phase)
        status["conditions"] = [
            condition("Initialized", "True", reason: unready ? "" : reason, message: "", old: old, now: now),
            condition("Ready", ready, reason: reason, message: unreadyMessage, old: old, now: now),
            condition("ContainersReady", ready, reason: reason, message: unreadyMessage, old: old, now: now),
            condition("PodScheduled", "True", reason: "", message: "", old: old, now: now),
        ]
        status["hostIP"] = "10.0.0.1"
        status["podIP"] = .string(podIP(pod))
        status["podIPs"] = [["ip": .string(podIP(pod))]]
        status["startTime"] = start
        status["containerStatuses"] = .array(containers.map { container in
            let state: JSONValue
            if phase == "Running" {
                state = ["running": ["startedAt": start]]
            } else {
                state = ["terminated": [
                    "exitCode": .int(fail ? 1 : 0), "reason": .string(fail ? "Error" : "Completed"),
                    "startedAt": start, "finishedAt": .string(now),
                ]]
            }
            return [
                "name": container["name"] ?? "", "state": state, "ready": .bool(ready == "True"),
                "restartCount": 0, "image": container["image"] ?? "", "imageID": "",
                "started": .bool(phase == "Running"),
            ]
        })
        status["qosClass"] = "BestEffort"
        return .object(status)
    }

    static func podIP(_ pod: JSONValue) -> String {
        let hash = Defaulting.fnv32a(Array("\(pod.metadataString("namespace"))/\(pod.metadataString("name"))".utf8))
        return "10.244.\((hash >> 8) & 0xff).\(max(hash & 0xff, 2))"
    }

    /// Job status: started (one active pod) while delayed; then `Complete=True` with
    /// `succeeded = completions`, or `Failed=True` (BackoffLimitExceeded) when annotated to fail.
    static func jobStatus(_ job: JSONValue, finished: Bool, now: String) -> JSONValue {
        let old = job["status"]
        var status: JSONObject = ["startTime": old?["startTime"] ?? .string(now)]
        if suspended(job) {
            return [
                "conditions": [condition("Suspended", "True", reason: "JobSuspended", message: "Job suspended", old: old, now: now)],
            ]
        }
        guard finished && !neverReady(job) else {
            status["active"] = 1
            status["ready"] = 0
            return .object(status)
        }
        if shouldFail(job) {
            status["failed"] = .int(int(job["spec"]?["backoffLimit"], default: 6) + 1)
            status["ready"] = 0
            status["conditions"] = [
                condition("FailureTarget", "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", old: old, now: now),
                condition("Failed", "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", old: old, now: now),
            ]
        } else {
            status["completionTime"] = old?["completionTime"] ?? .string(now)
            status["succeeded"] = .int(int(job["spec"]?["completions"], default: 1))
            status["ready"] = 0
            status["conditions"] = [condition("Complete", "True", reason: "", message: "", old: old, now: now)]
        }
        status["uncountedTerminatedPods"] = .object([:])
        return .object(status)
    }
}
