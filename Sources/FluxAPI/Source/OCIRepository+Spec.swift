import KubeModel
import StructuredData

/// `OCIRepository.spec` (source.toolkit.fluxcd.io/v1beta2).
public struct OCIRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var url: String
    public var ref: OCIRepositoryRef?
    public var layerSelector: OCILayerSelector?
    public var provider: CloudProvider?
    public var secretRef: LocalObjectReference?
    public var verify: OCIRepositoryVerification?
    public var serviceAccountName: String?
    public var certSecretRef: LocalObjectReference?
    public var interval: String
    public var timeout: String?
    public var ignore: String?
    public var insecure: Bool?
    public var suspend: Bool?
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

/// `OCIRepository.spec.ref` (source.toolkit.fluxcd.io/v1beta2).
public struct OCIRepositoryRef: Codable, Sendable, Hashable {
    public var digest: String?
    public var semver: String?
    public var tag: String?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `OCIRepository.spec.layerSelector` and `status.observedLayerSelector`: the layer to use (first
/// with `mediaType`, else the first) and whether to `extract` (default) or `copy` it.
public struct OCILayerSelector: Codable, Sendable, Hashable {
    public var mediaType: String?
    public var operation: OCILayerOperation?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `OCIRepository.spec.layerSelector.operation`: `extract`, `copy`.
public enum OCILayerOperation: String, FluxEnum {
    case extract = "extract"
    case copy = "copy"
}
