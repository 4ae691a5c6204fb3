import KubeModel
import StructuredData

/// `image.toolkit.fluxcd.io/v1beta2 ImagePolicy` (storage version).
public struct ImagePolicy: KubeResource, Hashable, FluxObject {
    public static let apiResource = APIResource(
        group: FluxGroups.image, version: "v1beta2", resource: "imagepolicies", kind: "ImagePolicy", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = ImagePolicy.apiResource.apiVersion
    public var kind = ImagePolicy.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: ImagePolicySpec
    @ZeroValued public var status: ImagePolicyStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: ImagePolicySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
