/// A resource name qualified by its API group, printed as Kubernetes prints it in messages:
/// `deployments.apps`, or just `configmaps` for the core group.
public struct QualifiedResource: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var resource: String

    public init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }

    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }

    /// The storage key prefix of this resource (`<group>/<resource>`).
    var storagePrefix: String { "\(group)/\(resource)" }
}
