import KubeModel
import StructuredData

/// `ImagePolicy.status` (image.toolkit.fluxcd.io/v1beta2).
public struct ImagePolicyStatus: Codable, Sendable, Hashable, ZeroInitializable, StatusWithConditions {
    public var latestImage: String?
    public var observedPreviousImage: String?
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var unknownFields = UnknownFields()

    public init() {}
}
