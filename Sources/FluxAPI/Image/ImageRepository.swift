import KubeModel
import StructuredData

/// `image.toolkit.fluxcd.io/v1beta2 ImageRepository` (storage version).
public struct ImageRepository: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.image, version: "v1beta2", resource: "imagerepositories", kind: "ImageRepository", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = ImageRepository.apiResource.apiVersion
    public var kind = ImageRepository.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: ImageRepositorySpec
    @ZeroValued public var status: ImageRepositoryStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: ImageRepositorySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
