import KubeModel
import StructuredData

/// `ImageUpdateAutomation.spec.git.checkout.ref` (image.toolkit.fluxcd.io/v1beta1), `GitRepository.spec.ref` (source.toolkit.fluxcd.io/v1).
public struct GitRepositoryRef: Codable, Sendable, Hashable {
    public var branch: String?
    public var tag: String?
    public var semver: String?
    public var name: String?
    public var commit: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
