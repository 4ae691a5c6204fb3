import KubeModel
import StructuredData

/// `ImageRepository.spec` (image.toolkit.fluxcd.io/v1beta2).
public struct ImageRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var image: String?
    public var interval: String?
    public var timeout: String?
    public var secretRef: LocalObjectReference?
    public var serviceAccountName: String?
    public var certSecretRef: LocalObjectReference?
    public var suspend: Bool?
    public var accessFrom: AccessFrom?
    public var exclusionList: [String]?
    public var provider: CloudProvider?
    public var insecure: Bool?
    public var unknownFields = UnknownFields()

    public init() {}
}
