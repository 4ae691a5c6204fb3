import KubeModel
import StructuredData

/// `HelmRelease.spec.chart.spec.verify.secretRef` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.chart.spec.verify.secretRef` (helm.toolkit.fluxcd.io/v2beta2).
public struct LocalObjectReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var name: String
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        name = ""
    }
}

/// `HelmRelease.spec.dependsOn[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.dependsOn[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct NamespacedObjectReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var name: String
    public var namespace: String?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        name = ""
    }
}

/// `HelmRelease.spec.kubeConfig` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.kubeConfig` (helm.toolkit.fluxcd.io/v2beta2).
public struct KubeConfigReference: Codable, Sendable, Hashable {
    public var secretRef: SecretKeyReference
    public var unknownFields = UnknownFields()

    public init(secretRef: SecretKeyReference) {
        self.secretRef = secretRef
    }
}

/// `HelmRelease.spec.kubeConfig.secretRef` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.kubeConfig.secretRef` (helm.toolkit.fluxcd.io/v2beta2).
public struct SecretKeyReference: Codable, Sendable, Hashable {
    public var name: String
    public var key: String?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }
}

/// `Kustomization.spec.healthChecks[]` (kustomize.toolkit.fluxcd.io/v1), `Kustomization.spec.healthChecks[]` (kustomize.toolkit.fluxcd.io/v1beta1).
public struct NamespacedObjectKindReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String
    public var name: String
    public var namespace: String?
    public var unknownFields = UnknownFields()

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}
