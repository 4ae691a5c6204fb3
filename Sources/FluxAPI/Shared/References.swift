import KubeModel
import StructuredData

/// `meta.LocalObjectReference`: an object in the referrer's namespace (a Secret, a Provider, …).
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

/// `meta.NamespacedObjectReference`: an object of a known kind, in `namespace` or else the
/// referrer's namespace (`dependsOn`, `imageRepositoryRef`).
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

/// `meta.KubeConfigReference`: the Secret holding the kubeconfig of a remote cluster.
public struct KubeConfigReference: Codable, Sendable, Hashable {
    public var secretRef: SecretKeyReference
    public var unknownFields = UnknownFields()

    public init(secretRef: SecretKeyReference) {
        self.secretRef = secretRef
    }
}

/// `meta.SecretKeyReference`: a key of a Secret in the referrer's namespace; an empty `key`
/// means the consumer's default (`value`, then `value.yaml`, for kubeconfigs).
public struct SecretKeyReference: Codable, Sendable, Hashable {
    public var name: String
    public var key: String?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }
}

/// `meta.NamespacedObjectKindReference`: an object of any kind (`healthChecks`).
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
