import KubeModel
import StructuredData

/// `GitRepository.spec` (source.toolkit.fluxcd.io/v1).
public struct GitRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var url: String
    public var secretRef: LocalObjectReference?
    public var interval: String
    public var timeout: String?
    public var ref: GitRepositoryRef?
    public var verify: GitRepositoryVerification?
    public var proxySecretRef: LocalObjectReference?
    public var ignore: String?
    public var suspend: Bool?
    public var recurseSubmodules: Bool?
    public var include: [GitRepositoryInclude]?
    public var unknownFields = UnknownFields()

    public init(url: String, interval: String) {
        self.url = url
        self.interval = interval
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        url = ""
        interval = ""
    }
}

/// `GitRepository.spec.verify` (source.toolkit.fluxcd.io/v1).
public struct GitRepositoryVerification: Codable, Sendable, Hashable {
    public var mode: GitVerificationMode?
    public var secretRef: LocalObjectReference
    public var unknownFields = UnknownFields()

    public init(secretRef: LocalObjectReference) {
        self.secretRef = secretRef
    }
}

/// `GitRepository.spec.verify.mode`: `head`, `HEAD`, `Tag`, `TagAndHEAD`.
public enum GitVerificationMode: String, FluxEnum {
    case headLowercase = "head"
    case head = "HEAD"
    case tag = "Tag"
    case tagAndHead = "TagAndHEAD"
}

/// `GitRepository.spec.include[]` and `status.observedInclude[]`: another GitRepository's artifact
/// copied from `fromPath` to `toPath` (default: the repository's name).
public struct GitRepositoryInclude: Codable, Sendable, Hashable {
    public var repository: LocalObjectReference
    public var fromPath: String?
    public var toPath: String?
    public var unknownFields = UnknownFields()

    public init(repository: LocalObjectReference) {
        self.repository = repository
    }
}
