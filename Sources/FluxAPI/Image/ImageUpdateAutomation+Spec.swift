import KubeModel
import StructuredData

/// `ImageUpdateAutomation.spec` (image.toolkit.fluxcd.io/v1beta1).
public struct ImageUpdateAutomationSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var sourceRef: ImageUpdateAutomationSourceReference
    public var git: GitSpec?
    public var interval: String
    public var update: UpdateStrategy?
    public var suspend: Bool?
    public var unknownFields = UnknownFields()

    public init(sourceRef: ImageUpdateAutomationSourceReference, interval: String) {
        self.sourceRef = sourceRef
        self.interval = interval
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        sourceRef = ImageUpdateAutomationSourceReference()
        interval = ""
    }
}

/// `ImageUpdateAutomation.spec.sourceRef` (image.toolkit.fluxcd.io/v1beta1).
public struct ImageUpdateAutomationSourceReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var apiVersion: String?
    public var kind: ImageUpdateAutomationSourceKind
    public var name: String
    public var namespace: String?
    public var unknownFields = UnknownFields()

    public init(kind: ImageUpdateAutomationSourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        kind = ImageUpdateAutomationSourceKind.gitRepository
        name = ""
    }
}

/// `ImageUpdateAutomation.spec.sourceRef.kind`: `GitRepository`.
public enum ImageUpdateAutomationSourceKind: String, FluxEnum {
    case gitRepository = "GitRepository"
}

/// `ImageUpdateAutomation.spec.git` (image.toolkit.fluxcd.io/v1beta1).
public struct GitSpec: Codable, Sendable, Hashable {
    public var checkout: GitCheckoutSpec?
    public var commit: CommitSpec
    public var push: PushSpec?
    public var unknownFields = UnknownFields()

    public init(commit: CommitSpec) {
        self.commit = commit
    }
}

/// `ImageUpdateAutomation.spec.git.checkout` (image.toolkit.fluxcd.io/v1beta1).
public struct GitCheckoutSpec: Codable, Sendable, Hashable {
    public var ref: GitRepositoryRef
    public var unknownFields = UnknownFields()

    public init(ref: GitRepositoryRef) {
        self.ref = ref
    }
}

/// `ImageUpdateAutomation.spec.git.commit` (image.toolkit.fluxcd.io/v1beta1).
public struct CommitSpec: Codable, Sendable, Hashable {
    public var author: CommitUser
    public var signingKey: SigningKey?
    public var messageTemplate: String?
    public var unknownFields = UnknownFields()

    public init(author: CommitUser) {
        self.author = author
    }
}

/// `ImageUpdateAutomation.spec.git.commit.author` (image.toolkit.fluxcd.io/v1beta1).
public struct CommitUser: Codable, Sendable, Hashable {
    public var name: String?
    public var email: String
    public var unknownFields = UnknownFields()

    public init(email: String) {
        self.email = email
    }
}

/// `ImageUpdateAutomation.spec.git.commit.signingKey` (image.toolkit.fluxcd.io/v1beta1).
public struct SigningKey: Codable, Sendable, Hashable {
    public var secretRef: LocalObjectReference?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImageUpdateAutomation.spec.git.push` (image.toolkit.fluxcd.io/v1beta1).
public struct PushSpec: Codable, Sendable, Hashable {
    public var branch: String?
    public var refspec: String?
    public var options: [String: String]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImageUpdateAutomation.spec.update` (image.toolkit.fluxcd.io/v1beta1).
public struct UpdateStrategy: Codable, Sendable, Hashable {
    public var strategy: UpdateStrategyName
    public var path: String?
    public var unknownFields = UnknownFields()

    public init(strategy: UpdateStrategyName) {
        self.strategy = strategy
    }
}

/// `ImageUpdateAutomation.spec.update.strategy`: `Setters`.
public enum UpdateStrategyName: String, FluxEnum {
    case setters = "Setters"
}
