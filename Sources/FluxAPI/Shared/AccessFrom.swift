import KubeModel
import StructuredData

/// `acl.AccessFrom`: the namespaces whose objects may refer to this one (`spec.accessFrom`).
public struct AccessFrom: Codable, Sendable, Hashable {
    public var namespaceSelectors: [NamespaceSelector]
    public var unknownFields = UnknownFields()

    public init(namespaceSelectors: [NamespaceSelector]) {
        self.namespaceSelectors = namespaceSelectors
    }
}

/// `acl.NamespaceSelector`: namespaces by label.
public struct NamespaceSelector: Codable, Sendable, Hashable {
    public var matchLabels: [String: String]?
    public var unknownFields = UnknownFields()

    public init() {}
}
