import KubeModel
import StructuredData

/// `Bucket.spec` (source.toolkit.fluxcd.io/v1beta2).
public struct BucketSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var provider: BucketProvider?
    public var bucketName: String
    public var endpoint: String
    public var insecure: Bool?
    public var region: String?
    public var prefix: String?
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

/// `Bucket.spec.provider`: `generic`, `aws`, `gcp`, `azure`.
public enum BucketProvider: String, FluxEnum {
    case generic = "generic"
    case aws = "aws"
    case gcp = "gcp"
    case azure = "azure"
}
