import KubeModel
import StructuredData

/// `ImageRepository.spec.accessFrom` (image.toolkit.fluxcd.io/v1beta1), `ImageRepository.spec.accessFrom` (image.toolkit.fluxcd.io/v1beta2).
public struct AccessFrom: Codable, Sendable, Hashable {
    public var namespaceSelectors: [NamespaceSelector]
    public var unknownFields = UnknownFields()

    public init(namespaceSelectors: [NamespaceSelector]) {
        self.namespaceSelectors = namespaceSelectors
    }
}

/// `ImageRepository.spec.accessFrom.namespaceSelectors[]` (image.toolkit.fluxcd.io/v1beta1), `ImageRepository.spec.accessFrom.namespaceSelectors[]` (image.toolkit.fluxcd.io/v1beta2).
public struct NamespaceSelector: Codable, Sendable, Hashable {
    public var matchLabels: [String: String]?
    public var unknownFields = UnknownFields()

    public init() {}
}
