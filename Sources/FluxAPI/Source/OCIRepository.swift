import KubeModel
import StructuredData

/// `source.toolkit.fluxcd.io/v1beta2 OCIRepository` (storage version).
public struct OCIRepository: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.source, version: "v1beta2", resource: "ocirepositories", kind: "OCIRepository", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["ocirepo"])
    public var apiVersion = OCIRepository.apiResource.apiVersion
    public var kind = OCIRepository.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: OCIRepositorySpec
    @ZeroValued public var status: OCIRepositoryStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: OCIRepositorySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
