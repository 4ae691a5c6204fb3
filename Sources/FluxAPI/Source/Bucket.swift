import KubeModel
import StructuredData

/// `source.toolkit.fluxcd.io/v1beta2 Bucket` (storage version).
public struct Bucket: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.source, version: "v1beta2", resource: "buckets", kind: "Bucket", namespaced: true,
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
