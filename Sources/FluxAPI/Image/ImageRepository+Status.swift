import KubeModel
import StructuredData

/// `ImageRepository.status` (image.toolkit.fluxcd.io/v1beta2).
public struct ImageRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var conditions: [Condition]?
    public var observedGeneration: Int64?
    public var canonicalImageName: String?
    public var lastScanResult: ScanResult?
    public var observedExclusionList: [String]?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `ImageRepository.status.lastScanResult` (image.toolkit.fluxcd.io/v1beta2).
public struct ScanResult: Codable, Sendable, Hashable {
    public var tagCount: Int
    public var scanTime: String?
    public var latestTags: [String]?
    public var unknownFields = UnknownFields()

    public init(tagCount: Int) {
        self.tagCount = tagCount
    }
}
