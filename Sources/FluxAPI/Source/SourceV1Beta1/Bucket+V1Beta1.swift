import KubeModel
import StructuredData

extension SourceV1Beta1 {
    /// `source.toolkit.fluxcd.io/v1beta1 Bucket` (served).
    public struct Bucket: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.source, version: "v1beta1", resource: "buckets", kind: "Bucket", namespaced: true,
            verbs: FluxGroups.customResourceVerbs)
        public var apiVersion = Bucket.apiResource.apiVersion
        public var kind = Bucket.apiResource.kind
        public var metadata: ObjectMeta
        @ZeroValued public var spec: BucketSpec
        @ZeroValued public var status: BucketStatus
        public var unknownFields = UnknownFields()

        public init(metadata: ObjectMeta, spec: BucketSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `Bucket.spec` (source.toolkit.fluxcd.io/v1beta1).
    public struct BucketSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var provider: BucketProvider?
        public var bucketName: String
        public var endpoint: String
        public var insecure: Bool?
        public var region: String?
        public var secretRef: LocalObjectReference?
        public var interval: String
        public var timeout: String?
        public var ignore: String?
        public var suspend: Bool?
        public var accessFrom: AccessFrom?
        public var unknownFields = UnknownFields()

        public init(bucketName: String, endpoint: String, interval: String) {
            self.bucketName = bucketName
            self.endpoint = endpoint
            self.interval = interval
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            bucketName = ""
            endpoint = ""
            interval = ""
        }
    }

    /// `Bucket.spec.provider`: `generic`, `aws`, `gcp`.
    public enum BucketProvider: String, FluxEnum {
        case generic = "generic"
        case aws = "aws"
        case gcp = "gcp"
    }

    /// `Bucket.status` (source.toolkit.fluxcd.io/v1beta1).
    public struct BucketStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var url: String?
        public var artifact: Artifact?
        public var lastHandledReconcileAt: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
