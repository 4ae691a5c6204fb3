import KubeModel
import StructuredData

/// `Bucket.status.artifact` (source.toolkit.fluxcd.io/v1beta2), `GitRepository.status.artifact` (source.toolkit.fluxcd.io/v1).
public struct Artifact: Codable, Sendable, Hashable {
    public var path: String
    public var url: String
    public var revision: String
    public var digest: String?
    public var lastUpdateTime: String
    public var size: Int64?
    public var metadata: [String: String]?
    public var unknownFields = UnknownFields()

    public init(path: String, url: String, revision: String, lastUpdateTime: String) {
        self.path = path
        self.url = url
        self.revision = revision
        self.lastUpdateTime = lastUpdateTime
    }
}
