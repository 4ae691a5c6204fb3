import KubeModel
import StructuredData

/// `GitRepository.status` (source.toolkit.fluxcd.io/v1).
public struct GitRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var artifact: Artifact?
    public var includedArtifacts: [Artifact]?
    public var observedIgnore: String?
    public var observedRecurseSubmodules: Bool?
    public var observedInclude: [GitRepositoryInclude]?
    public var sourceVerificationMode: String?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
