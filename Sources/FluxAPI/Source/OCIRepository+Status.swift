import KubeModel
import StructuredData

/// `OCIRepository.status` (source.toolkit.fluxcd.io/v1beta2).
public struct OCIRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var url: String?
    public var artifact: Artifact?
    public var contentConfigChecksum: String?
    public var observedIgnore: String?
    public var observedLayerSelector: OCILayerSelector?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
