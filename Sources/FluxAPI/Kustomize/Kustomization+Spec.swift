import KubeModel
import StructuredData

/// `Kustomization.spec` (kustomize.toolkit.fluxcd.io/v1).
public struct KustomizationSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var commonMetadata: CommonMetadata?
    public var dependsOn: [NamespacedObjectReference]?
    public var decryption: Decryption?
    public var interval: String
    public var retryInterval: String?
    public var kubeConfig: KubeConfigReference?
    public var path: String?
    public var postBuild: PostBuild?
    public var prune: Bool
    public var healthChecks: [NamespacedObjectKindReference]?
    public var patches: [Patch]?
    public var images: [Image]?
    public var serviceAccountName: String?
    public var sourceRef: CrossNamespaceSourceReference
    public var suspend: Bool?
    public var targetNamespace: String?
    public var timeout: String?
    public var force: Bool?
    public var wait: Bool?
    public var components: [String]?
    public var unknownFields = UnknownFields()

    public init(interval: String, prune: Bool, sourceRef: CrossNamespaceSourceReference) {
        self.interval = interval
        self.prune = prune
        self.sourceRef = sourceRef
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        interval = ""
        prune = false
        sourceRef = CrossNamespaceSourceReference()
    }
}

/// `Kustomization.spec.commonMetadata` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct CommonMetadata: Codable, Sendable, Hashable {
    public var annotations: [String: String]?
    public var labels: [String: String]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `Kustomization.spec.decryption` (kustomize.toolkit.fluxcd.io/v1, v1beta1).
public struct Decryption: Codable, Sendable, Hashable {
    public var provider: DecryptionProvider
    public var secretRef: LocalObjectReference?
    public var unknownFields = UnknownFields()

    public init(provider: DecryptionProvider) {
        self.provider = provider
    }
}

/// `Kustomization.spec.decryption.provider`: `sops`.
public enum DecryptionProvider: String, FluxEnum {
    case sops = "sops"
}

/// `Kustomization.spec.postBuild` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct PostBuild: Codable, Sendable, Hashable {
    public var substitute: [String: String]?
    public var substituteFrom: [SubstituteReference]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `Kustomization.spec.postBuild.substituteFrom[]` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct SubstituteReference: Codable, Sendable, Hashable {
    public var kind: ConfigObjectKind
    public var name: String
    public var optional: Bool?
    public var unknownFields = UnknownFields()

    public init(kind: ConfigObjectKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// `Kustomization.spec.postBuild.substituteFrom[].kind`: `Secret`, `ConfigMap`.
public enum ConfigObjectKind: String, FluxEnum {
    case secret = "Secret"
    case configMap = "ConfigMap"
}

/// `Kustomization.spec.sourceRef` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct CrossNamespaceSourceReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var apiVersion: String?
    public var kind: KustomizationSourceKind
    public var name: String
    public var namespace: String?
    public var unknownFields = UnknownFields()

    public init(kind: KustomizationSourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        kind = KustomizationSourceKind.ociRepository
        name = ""
    }
}

/// `Kustomization.spec.sourceRef.kind`: `OCIRepository`, `GitRepository`, `Bucket`.
public enum KustomizationSourceKind: String, FluxEnum {
    case ociRepository = "OCIRepository"
    case gitRepository = "GitRepository"
    case bucket = "Bucket"
}
