import Foundation
import StructuredData

/// kube-apiserver's table printers for the built-in kinds (`pkg/printers/internalversion`): the
/// columns and cells `kubectl get` shows, including the `-o wide` ones (priority 1).
struct TablePrinter: Sendable {
    var columns: [TableColumn]
    var cells: @Sendable (JSONValue, Date) -> [JSONValue]

    /// The printer of a built-in kind, nil when upstream has none (the default table is used).
    static func forKind(_ group: String, _ kind: String) -> TablePrinter? {
        switch (group, kind) {
        case ("", "Pod"): return pod
        case ("apps", "Deployment"): return deployment
        case ("apps", "ReplicaSet"): return replicaSet
        case ("apps", "StatefulSet"): return statefulSet
        case ("apps", "DaemonSet"): return daemonSet
        case ("batch", "Job"): return job
        case ("batch", "CronJob"): return cronJob
        case ("", "Service"): return service
        case ("", "ConfigMap"): return configMap
        case ("", "Secret"): return secret
        case ("", "ServiceAccount"): return serviceAccount
        case ("", "Namespace"): return namespace
        case ("", "Event"): return event
        case ("", "PersistentVolumeClaim"): return claim
        case ("networking.k8s.io", "Ingress"): return ingress
        case ("networking.k8s.io", "NetworkPolicy"): return networkPolicy
        case ("coordination.k8s.io", "Lease"): return lease
        case ("policy", "PodDisruptionBudget"): return podDisruptionBudget
        case ("rbac.authorization.k8s.io", "Role"), ("rbac.authorization.k8s.io", "ClusterRole"): return createdAt
        case ("rbac.authorization.k8s.io", "RoleBinding"): return roleBinding(cluster: false)
        case ("rbac.authorization.k8s.io", "ClusterRoleBinding"): return roleBinding(cluster: true)
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): return createdAt
        default: return nil
        }
    }

    /// Name and `Created At` (the default table of kinds without a printer).
    static let createdAt = TablePrinter(columns: [.name, TableColumn(name: "Created At", type: "date",
        description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]) { o, _ in
        [name(o), o["metadata"]?["creationTimestamp"] ?? .null]
    }

    // MARK: cell helpers

    static func name(_ o: JSONValue) -> JSONValue { .string(o.metadataString("name")) }
    static func age(_ o: JSONValue, _ now: Date) -> JSONValue {
        .string(Age.since(o["metadata"]?["creationTimestamp"]?.stringValue, now: now))
    }
    static func int(_ v: JSONValue?) -> JSONValue { .int(v?.intValue ?? 0) }
    static func text(_ v: JSONValue?, none: String = "<none>") -> JSONValue {
        guard let s = v?.stringValue, !s.isEmpty else { return .string(none) }
        return .string(s)
    }

    /// Container names and images of a pod template, comma-joined.
    static func containers(_ template: JSONValue?) -> (names: JSONValue, images: JSONValue) {
        let list = template?["spec"]?["containers"]?.arrayValue ?? []
        return (.string(list.compactMap { $0["name"]?.stringValue }.joined(separator: ",")),
                .string(list.compactMap { $0["image"]?.stringValue }.joined(separator: ",")))
    }

    /// `metav1.LabelSelector` as `labels.Selector.String()` (`<none>` when empty).
    static func selector(_ s: JSONValue?) -> JSONValue {
        guard let s, s.objectValue != nil else { return "<none>" }
        var terms: [(String, String)] = []
        for (k, v) in s["matchLabels"]?.objectValue ?? [:] { terms.append((k, "\(k)=\(v.stringValue ?? "")")) }
        for e in s["matchExpressions"]?.arrayValue ?? [] {
            let key = e["key"]?.stringValue ?? ""
            let values = (e["values"]?.arrayValue ?? []).compactMap(\.stringValue).sorted().joined(separator: ",")
            switch e["operator"]?.stringValue {
            case "In": terms.append((key, "\(key) in (\(values))"))
            case "NotIn": terms.append((key, "\(key) notin (\(values))"))
            case "Exists": terms.append((key, key))
            case "DoesNotExist": terms.append((key, "!\(key)"))
            default: continue
            }
        }
        if terms.isEmpty { return "<none>" }
        return .string(terms.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ","))
    }

    /// A plain `map[string]string` selector (`k=v,…`, sorted; `<none>` when empty).
    static func mapSelector(_ m: JSONValue?) -> JSONValue {
        let pairs = (m?.objectValue ?? [:]).map { "\($0.key)=\($0.value.stringValue ?? "")" }.sorted()
        return .string(pairs.isEmpty ? "<none>" : pairs.joined(separator: ","))
    }

    static func wideContainerColumns() -> [TableColumn] {
        [.wide("Containers", "Names of each container in the template."),
         .wide("Images", "Images referenced by each container in the template."),
         .wide("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.")]
    }
}
