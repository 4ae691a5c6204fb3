import KubeModel
import StructuredData

/// `Receiver.spec` (notification.toolkit.fluxcd.io/v1).
public struct ReceiverSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var type: ReceiverType
    public var interval: String?
    public var events: [String]?
    public var resources: [CrossNamespaceObjectReference]
    public var secretRef: LocalObjectReference
    public var suspend: Bool?
    public var unknownFields = UnknownFields()

    public init(type: ReceiverType, resources: [CrossNamespaceObjectReference], secretRef: LocalObjectReference) {
        self.type = type
        self.resources = resources
        self.secretRef = secretRef
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        type = ReceiverType.generic
        resources = []
        secretRef = LocalObjectReference()
    }
}

/// `Receiver.spec.type`: `generic`, `generic-hmac`, `github`, `gitlab`, `bitbucket`, `harbor`, `dockerhub`, `quay`, `gcr`, `nexus`, `acr`.
public enum ReceiverType: String, FluxEnum {
    case generic = "generic"
    case genericHmac = "generic-hmac"
    case github = "github"
    case gitlab = "gitlab"
    case bitbucket = "bitbucket"
    case harbor = "harbor"
    case dockerhub = "dockerhub"
    case quay = "quay"
    case gcr = "gcr"
    case nexus = "nexus"
    case acr = "acr"
}
