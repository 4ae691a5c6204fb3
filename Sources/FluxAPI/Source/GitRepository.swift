import KubeModel
import StructuredData

/// `source.toolkit.fluxcd.io/v1 GitRepository` (storage version).
public struct GitRepository: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.source, version: "v1", resource: "gitrepositories", kind: "GitRepository", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["gitrepo"])
    public var apiVersion = GitRepository.apiResource.apiVersion
    public var kind = GitRepository.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: GitRepositorySpec
    @ZeroValued public var status: GitRepositoryStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: GitRepositorySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
