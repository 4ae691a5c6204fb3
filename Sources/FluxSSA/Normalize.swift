import Foundation
import KubeModel
import StructuredData

/// `ssa/normalize`: client-side fixes Flux applies before server-side apply, so that dry-run
/// results compare equal to live objects.
public enum Normalize {
    /// `normalize.UnstructuredList`: every object normalized in place; Roles and ClusterRoles are
    /// left alone (kustomize-controller#1041).
    public static func objects(_ objects: inout [KubeObject]) {
        for i in objects.indices {
            let o = objects[i]
            if o.apiVersion == "rbac.authorization.k8s.io/v1" && (o.kind == "Role" || o.kind == "ClusterRole") { continue }
            object(&objects[i])
        }
    }

    /// `normalize.Unstructured` for the built-in kinds: container ports and Service ports get
    /// `protocol: TCP`; a Secret's `stringData` moves into `data` (base64); `status` is dropped
    /// except on CRDs (kstatus reads it).
    ///
    /// Approximation: upstream round-trips built-ins through their Go types, which also drops
    /// unknown fields and adds `creationTimestamp: null`; this keeps the object otherwise as is.
    public static func object(_ object: inout KubeObject) {
        let podSpecPath: [String]?
        switch (object.apiVersion, object.kind) {
        case ("v1", "Pod"): podSpecPath = ["spec"]
        case ("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("apps/v1", "ReplicaSet"),
             ("batch/v1", "Job"):
            podSpecPath = ["spec", "template", "spec"]
        case ("batch/v1", "CronJob"): podSpecPath = ["spec", "jobTemplate", "spec", "template", "spec"]
        default: podSpecPath = nil
        }
        if let path = podSpecPath, var containers = object.raw[path: path + ["containers"]]?.arrayValue {
            for c in containers.indices {
                guard var ports = containers[c]["ports"]?.arrayValue else { continue }
                for p in ports.indices where isMissing(ports[p]["protocol"]) && ports[p].objectValue != nil {
                    ports[p]["protocol"] = "TCP"
                }
                containers[c]["ports"] = .array(ports)
            }
            object.raw[path: path + ["containers"]] = .array(containers)
        }
        if object.apiVersion == "v1" && object.kind == "Service", var ports = object.raw[path: ["spec", "ports"]]?.arrayValue {
            for p in ports.indices where isMissing(ports[p]["protocol"]) && ports[p].objectValue != nil {
                ports[p]["protocol"] = "TCP"
            }
            object.raw[path: ["spec", "ports"]] = .array(ports)
        }
        if object.isSecret, let stringData = object.raw["stringData"]?.objectValue, !stringData.isEmpty {
            var data = object.raw["data"]?.objectValue ?? [:]
            for (key, value) in stringData {
                data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
            }
            object.raw["data"] = .object(data)
            object.raw["stringData"] = nil
        }
        if !object.isCRD { object.raw["status"] = nil }
    }

    private static func isMissing(_ value: JSONValue?) -> Bool {
        guard let value else { return true }
        return value.isNull || value.stringValue == ""
    }

    /// `normalize.DryRunUnstructured`: a HorizontalPodAutoscaler's `spec.metrics` without
    /// duplicates and without entries lacking a `type` (kubernetes#118293).
    public static func dryRunResult(_ object: inout KubeObject) {
        guard object.kind == "HorizontalPodAutoscaler", let metrics = object.raw[path: ["spec", "metrics"]]?.arrayValue else { return }
        var kept: [JSONValue] = []
        for m in metrics where !kept.contains(where: { $0.isEqualAsJSON(to: m) }) && !(m["type"]?.stringValue ?? "").isEmpty {
            kept.append(m)
        }
        object.raw[path: ["spec", "metrics"]] = kept.isEmpty ? nil : .array(kept)
    }
}
