import KubeModel
import StructuredData

/// `ImageUpdateAutomation.status` (image.toolkit.fluxcd.io/v1beta1).
public struct ImageUpdateAutomationStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var lastAutomationRunTime: String?
    public var lastPushCommit: String?
    public var lastPushTime: String?
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
