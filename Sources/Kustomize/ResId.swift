/// Group, version and kind of a resource (kyaml's `resid.Gvk`).
public struct Gvk: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String = "", version: String = "", kind: String = "") {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// From an `apiVersion` (`group/version` or `version`) and a kind.
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[apiVersion.index(after: slash)...])
        } else {
            group = ""
            version = apiVersion
        }
        self.kind = kind
    }

    public var apiVersion: String { group.isEmpty ? version : group + "/" + version }

    /// `Kind.version.group` with `[noKind]`/`[noVer]`/`[noGrp]` for empty parts.
    public var description: String {
        [kind.isEmpty ? "[noKind]" : kind, version.isEmpty ? "[noVer]" : version, group.isEmpty ? "[noGrp]" : group]
            .joined(separator: ".")
    }

    /// Whether `selector` selects this GVK (its empty fields match anything).
    public func isSelected(by selector: Gvk) -> Bool {
        (selector.group.isEmpty || selector.group == group)
            && (selector.version.isEmpty || selector.version == version)
            && (selector.kind.isEmpty || selector.kind == kind)
    }

    /// Known, per the Kubernetes v1.21.2 schema kyaml embeds, to be cluster scoped.
    public var isClusterScoped: Bool { KubernetesSchema.clusterScoped.contains(apiVersion + " " + kind) }

    /// kyaml's legacy ordering of kinds.
    func isLess(than other: Gvk) -> Bool {
        let a = Self.typeOrders[kind] ?? 0
        let b = Self.typeOrders[other.kind] ?? 0
        if a != b { return a < b }
        return stableSortString < other.stableSortString
    }

    private var stableSortString: String {
        [group.isEmpty ? "~G" : group, version.isEmpty ? "~V" : version, kind.isEmpty ? "~K" : kind].joined(separator: "_")
    }

    private static let typeOrders: [String: Int] = {
        let first = ["Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
                     "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
                     "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume",
                     "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget"]
        let last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]
        var m: [String: Int] = [:]
        for (i, k) in first.enumerated() { m[k] = -first.count + i }
        for (i, k) in last.enumerated() { m[k] = 1 + i }
        return m
    }()
}

/// A resource's identity: GVK, name and namespace (kyaml's `resid.ResId`).
public struct ResId: Sendable, Hashable, CustomStringConvertible {
    public var gvk: Gvk
    public var name: String
    public var namespace: String

    public init(gvk: Gvk, name: String, namespace: String = "") {
        self.gvk = gvk
        self.name = name
        self.namespace = namespace
    }

    /// `default` for an empty namespace, `_non_namespaceable_` for cluster-scoped kinds.
    public var effectiveNamespace: String {
        if gvk.isClusterScoped { return "_non_namespaceable_" }
        if namespace.isEmpty || namespace == "default" { return "default" }
        return namespace
    }

    public func isNsEquals(_ other: ResId) -> Bool { effectiveNamespace == other.effectiveNamespace }

    /// Same GVK, name and effective namespace.
    public func equals(_ other: ResId) -> Bool { gvk == other.gvk && name == other.name && isNsEquals(other) }

    /// `Kind.version.group/name.namespace` as kyaml prints ids.
    public var description: String {
        gvk.description + "/" + (name.isEmpty ? "[noName]" : name) + "." + (namespace.isEmpty ? "[noNs]" : namespace)
    }

    /// kyaml's `IsSelectedBy`: name, namespace and GVK of `selector` where set.
    func isSelected(by selector: ResId) -> Bool {
        (selector.name.isEmpty || selector.name == name)
            && (selector.namespace.isEmpty || selector.isNsEquals(self))
            && gvk.isSelected(by: selector.gvk)
    }
}
