import KubeModel

/// The identity of an object in a cache or queue: namespace (empty for cluster-scoped) and name.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public init(_ object: KubeObject) {
        self.init(namespace: object.namespace, name: object.name)
    }

    /// `namespace/name`, or `name` for cluster-scoped objects.
    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        a.namespace == b.namespace ? a.name < b.name : a.namespace < b.namespace
    }
}

/// One change seen by an informer, delivered to its handlers in order.
public enum InformerEvent: Sendable, Equatable {
    case added(KubeObject)
    case updated(old: KubeObject, new: KubeObject)
    case deleted(KubeObject)

    /// The object after the change (the last known state for deletions).
    public var object: KubeObject {
        switch self {
        case .added(let o), .deleted(let o): return o
        case .updated(_, let new): return new
        }
    }
}

/// Computes the values an object is indexed under (e.g. "HelmReleases by source").
public typealias IndexFunction = @Sendable (KubeObject) -> [String]
