import KubeModel
import StructuredData

/// `CrossNamespaceObjectReference` of notification-controller: Alert `spec.eventSources[]` and
/// Receiver `spec.resources[]`. `name` may be `*` (all objects of the kind), then narrowed by
/// `matchLabels`.
public struct CrossNamespaceObjectReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: EventSourceKind
    public var name: String
    public var namespace: String?
    public var matchLabels: [String: String]?
    public var unknownFields = UnknownFields()

    public init(kind: EventSourceKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// The kinds an Alert or Receiver can refer to: `Bucket`, `GitRepository`, `Kustomization`, `HelmRelease`, `HelmChart`, `HelmRepository`, `ImageRepository`, `ImagePolicy`, `ImageUpdateAutomation`, `OCIRepository`.
public enum EventSourceKind: String, FluxEnum {
    case bucket = "Bucket"
    case gitRepository = "GitRepository"
    case kustomization = "Kustomization"
    case helmRelease = "HelmRelease"
    case helmChart = "HelmChart"
    case helmRepository = "HelmRepository"
    case imageRepository = "ImageRepository"
    case imagePolicy = "ImagePolicy"
    case imageUpdateAutomation = "ImageUpdateAutomation"
    case ociRepository = "OCIRepository"
}
