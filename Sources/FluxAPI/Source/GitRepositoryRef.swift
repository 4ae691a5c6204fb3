import KubeModel
import StructuredData

/// `GitRepository.spec.ref` (and ImageUpdateAutomation `spec.git.checkout.ref`): precedence
/// `branch` < `tag` < `semver` < `name` < `commit`; no field means branch `master`.
public struct GitRepositoryRef: Codable, Sendable, Hashable {
    public var branch: String?
    public var tag: String?
    public var semver: String?
    public var name: String?
    public var commit: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
