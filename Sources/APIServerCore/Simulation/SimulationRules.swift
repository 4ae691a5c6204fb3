import StructuredData

/// The status a simulated controller gives an object (the cluster has no kubelet or
/// controller-manager). Pure functions of the object; `nil` means "nothing to simulate".
/// Annotations (on the object, or on a workload's pod template):
/// `swiftflux.dev/simulate: fail` makes Pods and Jobs fail; `swiftflux.dev/simulate: never-ready`
/// keeps Pods running but never Ready, workloads never available and Jobs never complete (so
/// `helm --wait --timeout`, `--atomic` and health checks time out);
/// `swiftflux.dev/simulate-delay: 3s` delays the terminal transition of Pods and Jobs.
/// A Job with `spec.suspend: true` is reported suspended and never completes.
enum SimulationRules {
    static let failAnnotation = "swiftflux.dev/simulate"
    static let delayAnnotation = "swiftflux.dev/simulate-delay"
    static let fakeNode = "swiftflux-node"

    /// The delay before the terminal transition of a Pod or Job, in seconds (Go duration syntax:
    /// `500ms`, `3s`, `1m`, `1m30s`); 0 when absent or unreadable.
    static func delay(of object: JSONValue) -> Double {
        guard let text = object["metadata"]?["annotations"]?[delayAnnotation]?.stringValue else { return 0 }
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            switch unit {
            case "ms": total += value / 1000
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return false
            }
            number = ""
            unit = ""
            return true
        }
        for ch in text {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty && !flush() { return 0 }
                number.append(ch)
            } else {
                unit.append(ch)
            }
        }
        if !number.isEmpty && !flush() { return 0 }
        return min(max(total, 0), 3600)
    }

    /// The `swiftflux.dev/simulate` mode of an object: its own annotation, else its pod
    /// template's.
    static func mode(_ object: JSONValue) -> String? {
        object["metadata"]?["annotations"]?[failAnnotation]?.stringValue
            ?? object["spec"]?["template"]?["metadata"]?["annotations"]?[failAnnotation]?.stringValue
    }

    static func shouldFail(_ object: JSONValue) -> Bool { mode(object) == "fail" }

    /// Pods of this object never become Ready (and Jobs never complete).
    static func neverReady(_ object: JSONValue) -> Bool { mode(object) == "never-ready" }

    /// A Job with `spec.suspend: true`.
    static func suspended(_ job: JSONValue) -> Bool { job["spec"]?["suspend"] == .bool(true) }

    static func int(_ value: JSONValue?, default fallback: Int64) -> Int64 { value?.intValue ?? fallback }

    /// A condition, keeping the transition time of an existing equal condition so that recomputing
    /// a status is a no-op.
    static func condition(_ type: String, _ status: String, reason: String, message: String, old: JSONValue?,
                          now: String, updateTime: Bool = false) -> JSONValue {
        let previous = old?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
        let same = previous?["status"]?.stringValue == status && previous?["reason"]?.stringValue == reason
            && previous?["message"]?.stringValue == message
        let transition = same ? (previous?["lastTransitionTime"] ?? .string(now)) : .string(now)
        var out: JSONObject = ["type": .string(type), "status": .string(status)]
        if updateTime { out["lastUpdateTime"] = same ? (previous?["lastUpdateTime"] ?? .string(now)) : .string(now) }
        out["lastTransitionTime"] = transition
        if !reason.isEmpty { out["reason"] = .string(reason) }
        if !message.isEmpty { out["message"] = .string(message) }
        return .object(out)
    }

    /// Replica-count fields: zero counts are omitted, as Go's `omitempty` does.
    static func counts(_ pairs: [(String, Int64)], into status: inout JSONObject) {
        for (key, value) in pairs where value != 0 { status[key] = .int(value) }
    }

    static func replicaSetStatus(_ object: JSONValue) -> JSONValue {
        let replicas = int(object["spec"]?["replicas"], default: 1)
        let ready = neverReady(object) ? 0 : replicas
        var status: JSONObject = ["replicas": .int(replicas)]
        counts([("fullyLabeledReplicas", replicas), ("readyReplicas", ready), ("availableReplicas", ready)], into: &status)
        status["observedGeneration"] = .int(int(object["metadata"]?["generation"], default: 1))
        return .object(status)
    }

    static func statefulSetStatus(_ object: JSONValue) -> JSONValue {
        let replicas = int(object["spec"]?["replicas"], default: 1)
        let revision = "\(object.metadataString("name"))-\(templateHash(object["spec"]?["template"] ?? .null))"
        var status: JSONObject = ["observedGeneration": .int(int(object["metadata"]?["generation"], default: 1)),
                                  "replicas": .int(replicas)]
        let ready = neverReady(object) ? 0 : replicas
        counts([("readyReplicas", ready), ("currentReplicas", replicas), ("updatedReplicas", replicas)], into: &status)
        status["currentRevision"] = .string(revision)
        status["updateRevision"] = .string(revision)
        status["collisionCount"] = .int(0)
        status["availableReplicas"] = .int(ready)
        return .object(status)
    }

    static func daemonSetStatus(_ object: JSONValue) -> JSONValue {
        let ready: Int64 = neverReady(object) ? 0 : 1
        var status: JSONObject = [
            "currentNumberScheduled": 1, "numberMisscheduled": 0, "desiredNumberScheduled": 1, "numberReady": .int(ready),
            "observedGeneration": .int(int(object["metadata"]?["generation"], default: 1)),
            "updatedNumberScheduled": 1,
        ]
        if ready > 0 { status["numberAvailable"] = .int(ready) } else { status["numberUnavailable"] = 1 }
        return .object(status)
    }

    static func serviceStatus(_ object: JSONValue) -> JSONValue {
        if object["spec"]?["type"]?.stringValue == "LoadBalancer" && !neverReady(object) {
            return ["loadBalancer": ["ingress": [["ip": "127.0.0.1", "ipMode": "VIP"]]]]
        }
        return ["loadBalancer": .object([:])]
    }

    static func claimStatus(_ object: JSONValue) -> JSONValue {
        var status: JSONObject = ["phase": "Bound"]
        if let modes = object["spec"]?["accessModes"] { status["accessModes"] = modes }
        if let requests = object["spec"]?["resources"]?["requests"] { status["capacity"] = requests }
        return .object(status)
    }

    /// A pod template as the controllers compare it: `metadata.creationTimestamp: null` and
    /// empty `resources: {}` (which typed clients such as `kubectl rollout undo` send back) and
    /// the `pod-template-hash` label are dropped, so equal templates hash equally.
    static func normalisedTemplate(_ template: JSONValue) -> JSONValue {
        var t = template
        if t["metadata"]?["creationTimestamp"] == .null { t.set(["metadata", "creationTimestamp"], nil) }
        t.set(["metadata", "labels", "pod-template-hash"], nil)
        if t["metadata"]?["labels"]?.objectValue?.isEmpty == true { t.set(["metadata", "labels"], nil) }
        if t["metadata"]?.objectValue?.isEmpty == true { t.set(["metadata"], nil) }
        for list in ["containers", "initContainers"] {
            guard let containers = t["spec"]?[list]?.arrayValue else { continue }
            t.set(["spec", list], .array(containers.map { c in
                var c = c
                if c["resources"]?.objectValue?.isEmpty == true { c.set(["resources"], nil) }
                return c
            }))
        }
        return t
    }

    /// `rand.SafeEncodeString` of the decimal FNV-1a hash of the template (pod-template-hash).
    static func templateHash(_ template: JSONValue) -> String {
        let hash = Defaulting.fnv32a(normalisedTemplate(template).serializedBytes(JSONWriteOptions(sortedKeys: true)))
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(String(hash).utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}
