import KubeModel
import StructuredData

extension ImageV1Beta1 {
    /// `image.toolkit.fluxcd.io/v1beta1 ImageRepository` (served).
    public struct ImageRepository: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.image, version: "v1beta1", resource: "imagerepositories", kind: "ImageRepository", namespaced: true,
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

    /// `ImageRepository.spec` (image.toolkit.fluxcd.io/v1beta1).
    public struct ImageRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var image: String?
        public var interval: String?
        public var timeout: String?
        public var secretRef: LocalObjectReference?
        public var serviceAccountName: String?
        public var certSecretRef: LocalObjectReference?
        public var suspend: Bool?
        public var accessFrom: AccessFrom?
        public var exclusionList: [String]?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `ImageRepository.status` (image.toolkit.fluxcd.io/v1beta1).
    public struct ImageRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var conditions: [Condition]?
        public var observedGeneration: Int64?
        public var canonicalImageName: String?
        public var lastScanResult: ScanResult?
        public var lastHandledReconcileAt: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `ImageRepository.status.lastScanResult` (image.toolkit.fluxcd.io/v1beta1).
    public struct ScanResult: Codable, Sendable, Hashable {
        public var tagCount: Int
        public var scanTime: String?
        public var unknownFields = UnknownFields()

        public init(tagCount: Int) {
            self.tagCount = tagCount
        }
    }
}
