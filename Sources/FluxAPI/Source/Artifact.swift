import KubeModel
import StructuredData

/// `Artifact` (source-controller `api/v1`): the output of a source reconciliation, a file in the
/// source-controller's storage (`status.artifact` of every source kind, `includedArtifacts`).
///
/// `path` is `<kind>/<namespace>/<name>/<file>`, `url` its HTTP address, `revision` the
/// kind-specific revision (`main@sha1:…`, `6.5.3`, `sha256:…`), `digest` `<algo>:<hex>` of the file.
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
