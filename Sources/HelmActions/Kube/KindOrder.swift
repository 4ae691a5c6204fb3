/// Helm's kind orders (`pkg/releaseutil/kind_sorter.go`). Unknown kinds sort after known ones,
/// alphabetically; the sort is stable.
public enum KindOrder {
    public static let install = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
        "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ]
    public static let uninstall = [
        "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job", "StatefulSet", "HorizontalPodAutoscaler",
        "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet", "RoleBindingList", "RoleBinding",
        "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding", "ClusterRoleList", "ClusterRole",
        "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "ConfigMap",
        "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange",
        "ResourceQuota", "NetworkPolicy", "Namespace", "PriorityClass",
    ]

    /// Stable sort of `items` by `kind` in `order`.
    public static func sorted<T>(_ items: [T], order: [String], kind: (T) -> String) -> [T] {
        var rank: [String: Int] = [:]
        for (i, k) in order.enumerated() { rank[k] = i }
        return items.enumerated().sorted { a, b in
            let ka = kind(a.element), kb = kind(b.element)
            let ra = rank[ka], rb = rank[kb]
            switch (ra, rb) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return ka != kb ? ka < kb : a.offset < b.offset
            }
        }.map(\.element)
    }
}
