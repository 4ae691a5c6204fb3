import KubeModel
import StructuredData

extension SourceV1Beta1 {
    /// `source.toolkit.fluxcd.io/v1beta1 HelmRepository` (served).
    public struct HelmRepository: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.source, version: "v1beta1", resource: "helmrepositories", kind: "HelmRepository", namespaced: true,
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

    /// `HelmRepository.spec` (source.toolkit.fluxcd.io/v1beta1).
    public struct HelmRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var url: String
        public var secretRef: LocalObjectReference?
        public var passCredentials: Bool?
        public var interval: String
        public var timeout: String?
        public var suspend: Bool?
        public var accessFrom: AccessFrom?
        public var unknownFields = UnknownFields()

        public init(url: String, interval: String) {
            self.url = url
            self.interval = interval
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            url = ""
            interval = ""
        }
    }

    /// `HelmRepository.status` (source.toolkit.fluxcd.io/v1beta1).
    public struct HelmRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var url: String?
        public var artifact: Artifact?
        public var lastHandledReconcileAt: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
