import KubeModel
import StructuredData

/// `Bucket.status` (source.toolkit.fluxcd.io/v1beta2).
public struct BucketStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var url: String?
    public var artifact: Artifact?
    public var observedIgnore: String?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
