import KubeModel

/// Flux's object predicates (`ssa/utils`).
extension KubeObject {
    /// `utils.AnyInMetadata`: true when any `key: value` pair is a non-empty label or annotation
    /// whose value equals `value` ignoring case.
    public func anyInMetadata(_ selector: [String: String]) -> Bool {
        guard !selector.isEmpty else { return false }
        let labels = self.labels, annotations = self.annotations
        for (key, value) in selector {
            if let l = labels[key], !l.isEmpty, l.lowercased() == value.lowercased() { return true }
            if let a = annotations[key], !a.isEmpty, a.lowercased() == value.lowercased() { return true }
        }
        return false
    }

    /// A `CustomResourceDefinition` of `apiextensions.k8s.io`.
    public var isCRD: Bool { kind.lowercased() == "customresourcedefinition" && apiVersion.hasPrefix("apiextensions.k8s.io/") }

    /// A core `v1` Namespace.
    public var isNamespace: Bool { kind.lowercased() == "namespace" && apiVersion == "v1" }

    /// A CRD or a Namespace: what Flux applies (and waits for) first.
    public var isClusterDefinition: Bool { isCRD || isNamespace }

    /// A core `v1` Secret.
    public var isSecret: Bool { kind.lowercased() == "secret" && apiVersion == "v1" }

    /// Has `apiVersion`, `kind` and `metadata.name`.
    public var isKubernetesObject: Bool { !name.isEmpty && !kind.isEmpty && !apiVersion.isEmpty }

    /// A `kustomize.config.k8s.io` Kustomization (a build file, never applied).
    public var isKustomization: Bool {
        kind.lowercased() == "kustomization" && apiVersion.hasPrefix("kustomize.config.k8s.io/")
    }
}

extension Array where Element == KubeObject {
    /// `ssa.SetCommonMetadata`: sets the labels and annotations on every object, overriding keys.
    public mutating func setCommonMetadata(labels: [String: String], annotations: [String: String]) {
        for i in indices {
            var l = self[i].labels
            l.merge(labels) { _, new in new }
            if !l.isEmpty { self[i].labels = l }
            var a = self[i].annotations
            a.merge(annotations) { _, new in new }
            if !a.isEmpty { self[i].annotations = a }
        }
    }
}
