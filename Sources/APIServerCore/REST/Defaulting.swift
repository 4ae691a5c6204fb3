import StructuredData

/// Built-in defaulting (the subset of `k8s.io/kubernetes/pkg/apis/*/v1/defaults.go` that Helm,
/// kstatus and SSA comparisons depend on). Run by admission on every create, update, patch and
/// apply, dry-run or not, so a dry-run returns exactly what a real write stores. Idempotent.
enum Defaulting {
    /// Fills in the defaults of `type`'s kind in `object`; unknown kinds are left alone.
    static func apply(_ object: inout JSONValue, type: ResourceType) {
        guard !type.isCustom else { return }
        switch (type.group, type.kind) {
        case ("apps", "Deployment"):
            defaultIfMissing(&object, ["spec", "replicas"], .int(1))
            if object["spec"]?["strategy"]?["type"] == nil {
                object.set(["spec", "strategy", "type"], "RollingUpdate")
            }
            if object["spec"]?["strategy"]?["type"] == "RollingUpdate" {
                defaultIfMissing(&object, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
                defaultIfMissing(&object, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
            }
            defaultIfMissing(&object, ["spec", "revisionHistoryLimit"], .int(10))
            defaultIfMissing(&object, ["spec", "progressDeadlineSeconds"], .int(600))
            podTemplate(&object, ["spec", "template"])
        case ("apps", "ReplicaSet"):
            defaultIfMissing(&object, ["spec", "replicas"], .int(1))
            podTemplate(&object, ["spec", "template"])
        case ("apps", "StatefulSet"):
            defaultIfMissing(&object, ["spec", "replicas"], .int(1))
            defaultIfMissing(&object, ["spec", "podManagementPolicy"], "OrderedReady")
            if object["spec"]?["updateStrategy"]?["type"] == nil {
                object.set(["spec", "updateStrategy", "type"], "RollingUpdate")
            }
            if object["spec"]?["updateStrategy"]?["type"] == "RollingUpdate" {
                defaultIfMissing(&object, ["spec", "updateStrategy", "rollingUpdate", "partition"], .int(0))
            }
            defaultIfMissing(&object, ["spec", "revisionHistoryLimit"], .int(10))
            podTemplate(&object, ["spec", "template"])
        case ("apps", "DaemonSet"):
            if object["spec"]?["updateStrategy"]?["type"] == nil {
                object.set(["spec", "updateStrategy", "type"], "RollingUpdate")
            }
            if object["spec"]?["updateStrategy"]?["type"] == "RollingUpdate" {
                defaultIfMissing(&object, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], .int(1))
                defaultIfMissing(&object, ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], .int(0))
            }
            defaultIfMissing(&object, ["spec", "revisionHistoryLimit"], .int(10))
            podTemplate(&object, ["spec", "template"])
        case ("batch", "Job"):
            job(&object, ["spec"])
        case ("batch", "CronJob"):
            defaultIfMissing(&object, ["spec", "concurrencyPolicy"], "Allow")
            defaultIfMissing(&object, ["spec", "suspend"], .bool(false))
            defaultIfMissing(&object, ["spec", "successfulJobsHistoryLimit"], .int(3))
            defaultIfMissing(&object, ["spec", "failedJobsHistoryLimit"], .int(1))
            job(&object, ["spec", "jobTemplate", "spec"])
        case ("", "Pod"):
            podSpec(&object, ["spec"])
        case ("", "Service"):
            service(&object)
        case ("", "Secret"):
            defaultIfMissing(&object, ["type"], "Opaque")
        case ("", "PersistentVolumeClaim"):
            defaultIfMissing(&object, ["spec", "volumeMode"], "Filesystem")
        default:
            break
        }
    }

    /// Sets `path` to `value` when nothing (or null) is there.
    static func defaultIfMissing(_ object: inout JSONValue, _ path: [String], _ value: JSONValue) {
        let current = object[path: path]
        if current == nil || current == .null { object.set(path, value) }
    }

    static func job(_ object: inout JSONValue, _ spec: [String]) {
        guard object[path: spec]?.objectValue != nil else { return }
        defaultIfMissing(&object, spec + ["completions"], .int(1))
        defaultIfMissing(&object, spec + ["parallelism"], .int(1))
        defaultIfMissing(&object, spec + ["backoffLimit"], .int(6))
        defaultIfMissing(&object, spec + ["completionMode"], "NonIndexed")
        defaultIfMissing(&object, spec + ["suspend"], .bool(false))
        podTemplate(&object, spec + ["template"])
    }

    static func podTemplate(_ object: inout JSONValue, _ template: [String]) {
        guard object[path: template]?.objectValue != nil else { return }
        podSpec(&object, template + ["spec"])
    }

    /// PodSpec and container defaults.
    static func podSpec(_ object: inout JSONValue, _ spec: [String]) {
        guard object[path: spec]?.objectValue != nil else { return }
        defaultIfMissing(&object, spec + ["restartPolicy"], "Always")
        defaultIfMissing(&object, spec + ["terminationGracePeriodSeconds"], .int(30))
        defaultIfMissing(&object, spec + ["dnsPolicy"], "ClusterFirst")
        defaultIfMissing(&object, spec + ["securityContext"], .object([:]))
        defaultIfMissing(&object, spec + ["schedulerName"], "default-scheduler")
        for list in ["initContainers", "containers"] {
            guard case .array(var containers)? = object[path: spec + [list]] else { continue }
            for index in containers.indices where containers[index].objectValue != nil {
                container(&containers[index])
            }
            object.set(spec + [list], .array(containers))
        }
    }

    static func container(_ c: inout JSONValue) {
        if c["imagePullPolicy"] == nil {
            let image = c["image"]?.stringValue ?? ""
            let lastPart = image.split(separator: "/").last.map(String.init) ?? image
            let untagged = !lastPart.contains(":") && !image.contains("@")
            c.set(["imagePullPolicy"], (untagged || image.hasSuffix(":latest")) ? "Always" : "IfNotPresent")
        }
        defaultIfMissing(&c, ["terminationMessagePath"], "/dev/termination-log")
        defaultIfMissing(&c, ["terminationMessagePolicy"], "File")
        defaultIfMissing(&c, ["resources"], .object([:]))
        if case .array(var ports)? = c["ports"] {
            for index in ports.indices where ports[index].objectValue != nil {
                defaultIfMissing(&ports[index], ["protocol"], "TCP")
            }
            c.set(["ports"], .array(ports))
        }
    }

    static func service(_ object: inout JSONValue) {
        defaultIfMissing(&object, ["spec", "type"], "ClusterIP")
        let type = object["spec"]?["type"]?.stringValue ?? ""
        if type != "ExternalName" {
            defaultIfMissing(&object, ["spec", "sessionAffinity"], "None")
            defaultIfMissing(&object, ["spec", "internalTrafficPolicy"], "Cluster")
        }
        guard case .array(var ports)? = object["spec"]?["ports"] else { return }
        for index in ports.indices where ports[index].objectValue != nil {
            defaultIfMissing(&ports[index], ["protocol"], "TCP")
            if ports[index]["targetPort"] == nil, let port = ports[index]["port"] {
                ports[index].set(["targetPort"], port)
            }
        }
        object.set(["spec", "ports"], .array(ports))
    }
}

extension Defaulting {
    /// Service address allocation: keeps the live `clusterIP` on updates, else assigns a stable
    /// address in 10.96.0.0/12 derived from namespace/name (so dry-run and real writes agree).
    /// `None` (headless) and ExternalName services get no address.
    static func allocateServiceAddresses(_ object: inout JSONValue, old: JSONValue?) {
        let type = object["spec"]?["type"]?.stringValue ?? "ClusterIP"
        guard type != "ExternalName" else { return }
        var ip = object["spec"]?["clusterIP"]?.stringValue ?? ""
        if ip.isEmpty, let previous = old?["spec"]?["clusterIP"]?.stringValue, !previous.isEmpty { ip = previous }
        if ip.isEmpty {
            let hash = fnv32a(Array("\(object.metadataString("namespace"))/\(object.metadataString("name"))".utf8))
            let offset = 10 + hash % ((1 << 20) - 20)
            ip = "10.\(96 + (offset >> 16)).\((offset >> 8) & 0xff).\(offset & 0xff)"
        }
        object.set(["spec", "clusterIP"], .string(ip))
        defaultIfMissing(&object, ["spec", "clusterIPs"], [.string(ip)])
        if ip != "None" {
            defaultIfMissing(&object, ["spec", "ipFamilies"], ["IPv4"])
            defaultIfMissing(&object, ["spec", "ipFamilyPolicy"], "SingleStack")
        }
    }

    /// 32-bit FNV-1a.
    static func fnv32a(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
