import KubeModel
import StructuredData

/// `source.toolkit.fluxcd.io/v1beta2 HelmRepository` (storage version).
public struct HelmRepository: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.source, version: "v1beta2", resource: "helmrepositories", kind: "HelmRepository", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["helmrepo"])
    public var apiVersion = HelmRepository.apiResource.apiVersion
    public var kind = HelmRepository.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: HelmRepositorySpec
    @ZeroValued public var status: HelmRepositoryStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: HelmRepositorySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
