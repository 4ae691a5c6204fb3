import KubeModel
import StructuredData

/// `HelmRepository.spec` (source.toolkit.fluxcd.io/v1beta2).
public struct HelmRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var url: String
    public var secretRef: LocalObjectReference?
    public var certSecretRef: LocalObjectReference?
    public var passCredentials: Bool?
    public var interval: String?
    public var insecure: Bool?
    public var timeout: String?
    public var suspend: Bool?
    public var accessFrom: AccessFrom?
    public var type: HelmRepositoryType?
    public var provider: CloudProvider?
    public var unknownFields = UnknownFields()

    public init(url: String) {
        self.url = url
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        url = ""
    }
}

/// `HelmRepository.spec.type`: `default`, `oci`.
public enum HelmRepositoryType: String, FluxEnum {
    case `default` = "default"
    case oci = "oci"
}

/// `HelmRepository.spec.provider`: `generic`, `aws`, `azure`, `gcp`.
public enum CloudProvider: String, FluxEnum {
    case generic = "generic"
    case aws = "aws"
    case azure = "azure"
    case gcp = "gcp"
}
