import KubeModel
import StructuredData

/// `ImagePolicy.spec` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct ImagePolicySpec: Codable, Sendable, Hashable, ZeroInitializable {
    public var imageRepositoryRef: NamespacedObjectReference
    public var policy: ImagePolicyChoice
    public var filterTags: TagFilter?
    public var unknownFields = UnknownFields()

    public init(imageRepositoryRef: NamespacedObjectReference, policy: ImagePolicyChoice) {
        self.imageRepositoryRef = imageRepositoryRef
        self.policy = policy
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        imageRepositoryRef = NamespacedObjectReference()
        policy = ImagePolicyChoice()
    }
}

/// `ImagePolicy.spec.policy` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct ImagePolicyChoice: Codable, Sendable, Hashable, ZeroInitializable {
    public var semver: SemVerPolicy?
    public var alphabetical: AlphabeticalPolicy?
    public var numerical: NumericalPolicy?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImagePolicy.spec.policy.semver` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct SemVerPolicy: Codable, Sendable, Hashable {
    public var range: String
    public var unknownFields = UnknownFields()

    public init(range: String) {
        self.range = range
    }
}

/// `ImagePolicy.spec.policy.alphabetical` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct AlphabeticalPolicy: Codable, Sendable, Hashable {
    public var order: PolicyOrder?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImagePolicy.spec.policy.alphabetical.order`: `asc`, `desc`.
public enum PolicyOrder: String, FluxEnum {
    case asc = "asc"
    case desc = "desc"
}

/// `ImagePolicy.spec.policy.numerical` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct NumericalPolicy: Codable, Sendable, Hashable {
    public var order: PolicyOrder?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImagePolicy.spec.filterTags` (image.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct TagFilter: Codable, Sendable, Hashable {
    public var pattern: String?
    public var extract: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
