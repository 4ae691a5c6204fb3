import StructuredData

/// The built-in defaulting the upstream API server applies on every write (`SetDefaults_*` in
/// `k8s.io/kubernetes/pkg/apis/*/v1`), limited to the fields Helm's readiness checks dereference and
/// server-side-apply comparisons need to be stable. Applied identically on real and dry-run writes.
enum BuiltinDefaults {
    static func apply(_ object: inout JSONValue, type: ResourceType) {
        switch (type.group, type.kind) {
        case ("", "Pod"):
            podSpec(&object, ["spec"])
        case ("", "Service"):
            setDefault(&object, ["spec", "type"], "ClusterIP")
            setDefault(&object, ["spec", "sessionAffinity"], "None")
            if var ports = object["spec"]?["ports"]?.arrayValue {
                for i in ports.indices {
                    setDefault(&ports[i], ["protocol"], "TCP")
                    if let port = ports[i]["port"] { setDefault(&ports[i], ["targetPort"], port) }
                }
                object.set(["spec", "ports"], .array(ports))
            }
        case ("apps", "Deployment"):
            setDefault(&object, ["spec", "replicas"], 1)
            setDefault(&object, ["spec", "strategy", "type"], "RollingUpdate")
            if object["spec"]?["strategy"]?["type"]?.stringValue == "RollingUpdate" {
                setDefault(&object, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
                setDefault(&object, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
            }
            setDefault(&object, ["spec", "revisionHistoryLimit"], 10)
            setDefault(&object, ["spec", "progressDeadlineSeconds"], 600)
            podSpec(&object, ["spec", "template", "spec"])
        case ("apps", "ReplicaSet"):
            setDefault(&object, ["spec", "replicas"], 1)
            podSpec(&object, ["spec", "template", "spec"])
        case ("apps", "StatefulSet"):
            setDefault(&object, ["spec", "replicas"], 1)
            setDefault(&object, ["spec", "podManagementPolicy"], "OrderedReady")
            setDefault(&object, ["spec", "updateStrategy", "type"], "RollingUpdate")
            if object["spec"]?["updateStrategy"]?["type"]?.stringValue == "RollingUpdate" {
                setDefault(&object, ["spec", "updateStrategy", "rollingUpdate", "partition"], 0)
            }
            setDefault(&object, ["spec", "revisionHistoryLimit"], 10)
            podSpec(&object, ["spec", "template", "spec"])
        case ("apps", "DaemonSet"):
            setDefault(&object, ["spec", "updateStrategy", "type"], "RollingUpdate")
            if object["spec"]?["updateStrategy"]?["type"]?.stringValue == "RollingUpdate" {
                setDefault(&object, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], 1)
                setDefault(&object, ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], 0)
            }
            setDefault(&object, ["spec", "revisionHistoryLimit"], 10)
            podSpec(&object, ["spec", "template", "spec"])
        case ("batch", "Job"):
            job(&object, ["spec"])
        case ("batch", "CronJob"):
            setDefault(&object, ["spec", "concurrencyPolicy"], "Allow")
            setDefault(&object, ["spec", "suspend"], false)
            setDefault(&object, ["spec", "successfulJobsHistoryLimit"], 3)
            setDefault(&object, ["spec", "failedJobsHistoryLimit"], 1)
            if object["spec"]?["jobTemplate"]?["spec"] != nil { job(&object, ["spec", "jobTemplate", "spec"]) }
        default:
            break
        }
    }

    static func job(_ object: inout JSONValue, _ spec: [String]) {
        setDefault(&object, spec + ["completions"], 1)
        setDefault(&object, spec + ["parallelism"], 1)
        setDefault(&object, spec + ["backoffLimit"], 6)
        setDefault(&object, spec + ["completionMode"], "NonIndexed")
        setDefault(&object, spec + ["suspend"], false)
        podSpec(&object, spec + ["template", "spec"])
    }

    /// PodSpec and container defaults.
    static func podSpec(_ object: inout JSONValue, _ path: [String]) {
        guard var spec = object[path: path], case .object = spec else { return }
        setDefault(&spec, ["restartPolicy"], "Always")
        setDefault(&spec, ["dnsPolicy"], "ClusterFirst")
        setDefault(&spec, ["terminationGracePeriodSeconds"], 30)
        setDefault(&spec, ["schedulerName"], "default-scheduler")
        setDefault(&spec, ["securityContext"], .object([:]))
        for list in ["initContainers", "containers"] {
            guard var containers = spec[list]?.arrayValue else { continue }
            for i in containers.indices where containers[i].objectValue != nil {
                let image = containers[i]["image"]?.stringValue ?? ""
                let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
                let tag = lastSegment.split(separator: "@").first.flatMap { $0.split(separator: ":", maxSplits: 1).dropFirst().first }
                let pullAlways = !image.contains("@") && (tag == nil || tag == "latest")
                setDefault(&containers[i], ["imagePullPolicy"], pullAlways ? "Always" : "IfNotPresent")
                setDefault(&containers[i], ["terminationMessagePath"], "/dev/termination-log")
                setDefault(&containers[i], ["terminationMessagePolicy"], "File")
                if var ports = containers[i]["ports"]?.arrayValue {
                    for p in ports.indices where ports[p].objectValue != nil { setDefault(&ports[p], ["protocol"], "TCP") }
                    containers[i].set(["ports"], .array(ports))
                }
            }
            spec.set([list], .array(containers))
        }
        object.set(path, spec)
    }

    /// Sets `path` to `value` when it is absent (or null).
    static func setDefault(_ object: inout JSONValue, _ path: [String], _ value: JSONValue) {
        switch object[path: path] {
        case nil, .null?: object.set(path, value)
        default: break
        }
    }
}
