import KubeModel
import StructuredData

extension SourceV1Beta1 {
    /// `Artifact` of `source.toolkit.fluxcd.io/v1beta1` (with the SHA-1 `checksum` of that era).
    public struct Artifact: Codable, Sendable, Hashable {
        public var path: String
        public var url: String
        public var revision: String?
        public var checksum: String?
        public var lastUpdateTime: String?
        public var unknownFields = UnknownFields()

        public init(path: String, url: String) {
            self.path = path
            self.url = url
        }
    }
}
