import KubeModel
import StructuredData

extension ImageV1Beta1 {
    /// `image.toolkit.fluxcd.io/v1beta1 ImagePolicy` (served).
    public struct ImagePolicy: KubeResource, Hashable, FluxObject {
        public static let apiResource = APIResource(
            group: FluxGroups.image, version: "v1beta1", resource: "imagepolicies", kind: "ImagePolicy", namespaced: true,
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

    /// `ImagePolicy.status` (image.toolkit.fluxcd.io/v1beta1).
    public struct ImagePolicyStatus: Codable, Sendable, Hashable, ZeroInitializable, StatusWithConditions {
        public var latestImage: String?
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
