import StructuredData

/// `metav1.ObjectMeta`, typed. Fields are optional as in the wire form (Go `omitempty`); members
/// not modelled here (e.g. `managedFields`) are kept in `unknownFields`.
public struct ObjectMeta: Codable, Sendable, Hashable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var selfLink: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    /// RFC 3339.
    public var creationTimestamp: String?
    /// RFC 3339; set when deletion was requested.
    public var deletionTimestamp: String?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [OwnerReference]?
    public var finalizers: [String]?
    public var unknownFields = UnknownFields()

    public init(name: String? = nil, namespace: String? = nil, labels: [String: String]? = nil,
                annotations: [String: String]? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    /// The annotation `key`, or nil.
    public func annotation(_ key: String) -> String? { annotations?[key] }
    /// The label `key`, or nil.
    public func label(_ key: String) -> String? { labels?[key] }

    public func hasFinalizer(_ f: String) -> Bool { finalizers?.contains(f) ?? false }

    /// Adds `f` when missing; returns whether it was added.
    @discardableResult
    public mutating func addFinalizer(_ f: String) -> Bool {
        guard !hasFinalizer(f) else { return false }
        finalizers = (finalizers ?? []) + [f]
        return true
    }

    /// Removes `f`; returns whether it was present. An emptied list becomes nil.
    @discardableResult
    public mutating func removeFinalizer(_ f: String) -> Bool {
        guard hasFinalizer(f) else { return false }
        let rest = (finalizers ?? []).filter { $0 != f }
        finalizers = rest.isEmpty ? nil : rest
        return true
    }
}

extension OwnerReference: Codable {
    public init(from decoder: any Decoder) throws { self.init(json: try JSONValue(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

extension Condition: Codable {
    public init(from decoder: any Decoder) throws { self.init(json: try JSONValue(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
