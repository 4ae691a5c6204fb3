/// A rendered document annotated `helm.sh/hook` (Helm's `release.Hook`).
public struct Hook: Sendable, Equatable {
    /// Lifecycle events (`helm.sh/hook`).
    public enum Event: String, Sendable, Equatable, CaseIterable {
        case preInstall = "pre-install"
        case postInstall = "post-install"
        case preDelete = "pre-delete"
        case postDelete = "post-delete"
        case preUpgrade = "pre-upgrade"
        case postUpgrade = "post-upgrade"
        case preRollback = "pre-rollback"
        case postRollback = "post-rollback"
        case test = "test"

        /// Helm's `events` table, including the `test-success` alias.
        static func parse(_ text: String) -> Event? {
            if text == "test-success" { return .test }
            return Event(rawValue: text)
        }
    }

    public var name: String
    public var kind: String
    /// The template path, e.g. `mychart/templates/tests/test.yaml`.
    public var path: String
    public var manifest: String
    public var events: [Event]
    public var weight: Int
    /// `helm.sh/hook-delete-policy` values, lowercased (`before-hook-creation`, …).
    public var deletePolicies: [String]

    public var isTest: Bool { events.contains(.test) }
}

/// A rendered non-hook document (Helm's `releaseutil.Manifest`).
public struct Manifest: Sendable, Equatable {
    /// The template path it came from.
    public var name: String
    public var content: String
    public var kind: String
    public var apiVersion: String
    public var metadataName: String
}

/// Helm's kind orderings (`kind_sorter.go`).
public enum KindSortOrder {
    public static let install: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList",
        "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController",
        "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
        "IngressClass", "Ingress", "APIService",
    ]

    public static let uninstall: [String] = [
        "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job", "StatefulSet",
        "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet",
        "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding",
        "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim",
        "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount",
        "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy",
        "Namespace", "PriorityClass",
    ]

    /// Stable sort by kind: known kinds by `order`, unknown kinds after them alphabetically.
    static func sorted<T>(_ items: [T], kind: (T) -> String, order: [String]) -> [T] {
        var rank: [String: Int] = [:]
        for (i, k) in order.enumerated() where rank[k] == nil { rank[k] = i }
        let indexed = items.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let ka = kind(a.1), kb = kind(b.1)
            switch (rank[ka], rank[kb]) {
            case let (ra?, rb?): return ra != rb ? ra < rb : a.0 < b.0
            case (nil, nil):
                if ka != kb { return ka.utf8.lexicographicallyPrecedes(kb.utf8) }
                return a.0 < b.0
            case (nil, _?): return false
            case (_?, nil): return true
            }
        }.map(\.1)
    }
}
