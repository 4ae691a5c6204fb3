import KubeModel

/// The order in which Flux applies kinds (`ssa.ReconcileOrder`): namespaces and definitions
/// first, webhooks last, everything else in between by group, kind, namespace and name.
public enum ReconcileOrder {
    public static let first = [
        "CustomResourceDefinition", "Namespace", "ClusterClass", "RuntimeClass", "PriorityClass", "StorageClass",
        "VolumeSnapshotClass", "IngressClass", "GatewayClass", "ResourceQuota", "ServiceAccount", "Role",
        "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Service", "LimitRange",
        "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    public static let last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    private static let index: [String: Int] = {
        var m: [String: Int] = [:]
        for (i, kind) in first.enumerated() { m[kind] = i - first.count }
        for (i, kind) in last.enumerated() { m[kind] = i + 1 }
        return m
    }()

    /// `ssa.IsLessThan` on group-kinds: by kind rank (unlisted kinds rank 0), then group, then kind.
    public static func isLess(_ a: GroupKind, _ b: GroupKind) -> Bool {
        let ia = index[a.kind] ?? 0, ib = index[b.kind] ?? 0
        if ia != ib { return ia < ib }
        if a.group != b.group { return a.group.utf8.lexicographicallyPrecedes(b.group.utf8) }
        return a.kind.utf8.lexicographicallyPrecedes(b.kind.utf8)
    }

    /// The order of `ssa.SortableMetas`: group-kind rank, then namespace, then name.
    public static func isLess(_ a: ObjMetadata, _ b: ObjMetadata) -> Bool {
        if a.groupKind != b.groupKind { return isLess(a.groupKind, b.groupKind) }
        if a.namespace != b.namespace { return a.namespace.utf8.lexicographicallyPrecedes(b.namespace.utf8) }
        return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }

    /// Objects sorted in apply order (stable for equal identities).
    public static func sorted(_ objects: [KubeObject]) -> [KubeObject] {
        objects.enumerated().sorted { x, y in
            let a = ObjMetadata(x.element), b = ObjMetadata(y.element)
            if a == b { return x.offset < y.offset }
            return isLess(a, b)
        }.map(\.element)
    }
}
