import KubeModel
import StructuredData

/// `Kustomization.status` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct KustomizationStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var lastHandledReconcileAt: String?
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var lastAppliedRevision: String?
    public var lastAttemptedRevision: String?
    public var inventory: ResourceInventory?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `Kustomization.status.inventory` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct ResourceInventory: Codable, Sendable, Hashable {
    public var entries: [ResourceRef]
    public var unknownFields = UnknownFields()

    public init(entries: [ResourceRef]) {
        self.entries = entries
    }
}

/// `Kustomization.status.inventory.entries[]` (kustomize.toolkit.fluxcd.io/v1, v1beta2).
public struct ResourceRef: Codable, Sendable, Hashable {
    public var id: String
    public var v: String
    public var unknownFields = UnknownFields()

    public init(id: String, v: String) {
        self.id = id
        self.v = v
    }
}
