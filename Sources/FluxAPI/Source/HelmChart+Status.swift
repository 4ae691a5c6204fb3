import KubeModel
import StructuredData

/// `HelmChart.status` (source.toolkit.fluxcd.io/v1beta2).
public struct HelmChartStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var observedGeneration: Int64?
    public var observedSourceArtifactRevision: String?
    public var observedChartName: String?
    public var conditions: [Condition]?
    public var url: String?
    public var artifact: Artifact?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
