import KubeModel
import StructuredData

/// `Alert.spec` (notification.toolkit.fluxcd.io/v1beta2, v1beta3).
public struct AlertSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var providerRef: LocalObjectReference
    public var eventSeverity: EventSeverity?
    public var eventSources: [CrossNamespaceObjectReference]
    public var inclusionList: [String]?
    public var eventMetadata: [String: String]?
    public var exclusionList: [String]?
    public var summary: String?
    public var suspend: Bool?
    public var unknownFields = UnknownFields()

    public init(providerRef: LocalObjectReference, eventSources: [CrossNamespaceObjectReference]) {
        self.providerRef = providerRef
        self.eventSources = eventSources
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        providerRef = LocalObjectReference()
        eventSources = []
    }
}

/// `Alert.spec.eventSeverity`: `info`, `error`.
public enum EventSeverity: String, FluxEnum {
    case info = "info"
    case error = "error"
}
