import KubeModel
import StructuredData

/// `Receiver.status` (notification.toolkit.fluxcd.io/v1).
public struct ReceiverStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var lastHandledReconcileAt: String?
    public var conditions: [Condition]?
    public var webhookPath: String?
    public var observedGeneration: Int64?
    public var unknownFields = UnknownFields()

    public init() {}
}
