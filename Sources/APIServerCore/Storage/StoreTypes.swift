import StructuredData

/// Identifies one stored object. `namespace` is "" for cluster-scoped objects.
public struct ObjectKey: Hashable, Sendable, CustomStringConvertible {
    public var resource: QualifiedResource
    public var namespace: String
    public var name: String

    public init(resource: QualifiedResource, namespace: String, name: String) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    /// `<group>/<resource>/<namespace>/<name>`, the revision log's key.
    public var description: String { "\(resource.group)/\(resource.resource)/\(namespace)/\(name)" }

    /// Parses a revision-log key; nil when malformed.
    init?(storageKey: String) {
        let parts = storageKey.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, !parts[1].isEmpty, !parts[3].isEmpty else { return nil }
        self.init(resource: QualifiedResource(group: String(parts[0]), resource: String(parts[1])),
                  namespace: String(parts[2]), name: String(parts[3]))
    }

    /// The key within its resource's table.
    var localKey: String { "\(namespace)/\(name)" }
}

/// An object as stored, with the revision of its last write (its resourceVersion).
public struct StoredObject: Sendable, Equatable {
    public var key: ObjectKey
    public var revision: Int64
    public var value: JSONValue
    /// `value` serialized (compact JSON), kept so lists need not serialize every object again.
    public var bytes: [UInt8]

    public init(key: ObjectKey, revision: Int64, value: JSONValue, bytes: [UInt8]? = nil) {
        self.key = key
        self.revision = revision
        self.value = value
        self.bytes = bytes ?? value.serializedBytes()
    }

    public static func == (a: StoredObject, b: StoredObject) -> Bool {
        a.key == b.key && a.revision == b.revision && a.value == b.value
    }
}

/// The kind of change a watch event reports.
public enum WatchEventType: String, Sendable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
    case bookmark = "BOOKMARK"
    case error = "ERROR"
}

/// One committed change, as kept in the watch history.
public struct StoreEvent: Sendable {
    public var revision: Int64
    public var type: WatchEventType
    public var key: ObjectKey
    /// The new state (for deletes: the last state, carrying the deletion revision).
    public var object: JSONValue
    /// The state before the change (nil for creates).
    public var previous: JSONValue?
}

/// A watch event as delivered to one watcher (after its selectors were applied).
public struct WatchEvent: Sendable, Equatable {
    public var type: WatchEventType
    public var object: JSONValue

    public init(type: WatchEventType, object: JSONValue) {
        self.type = type
        self.object = object
    }

    /// `{"type":…,"object":…}` followed by a newline.
    public var line: [UInt8] {
        JSONValue.object(["type": .string(type.rawValue), "object": object]).serializedBytes() + [10]
    }
}

/// What a write expects to find.
public enum WritePrecondition: Sendable, Equatable {
    /// Anything (or nothing).
    case none
    /// The key must not exist (create).
    case absent
    /// The key must exist at exactly this revision.
    case revision(Int64)
    /// The key must exist, at any revision.
    case exists
}

/// One write of a `commit`: `value == nil` deletes the key.
public struct Mutation: Sendable {
    public var key: ObjectKey
    public var precondition: WritePrecondition
    public var value: JSONValue?

    public init(key: ObjectKey, precondition: WritePrecondition, value: JSONValue?) {
        self.key = key
        self.precondition = precondition
        self.value = value
    }
}

/// Which events a watcher wants: one resource, optionally one namespace, plus a predicate
/// (label/field selectors) over the object.
public struct WatchFilter: Sendable {
    public var resource: QualifiedResource
    public var namespace: String?
    public var matches: @Sendable (JSONValue) -> Bool

    public init(resource: QualifiedResource, namespace: String?, matches: @escaping @Sendable (JSONValue) -> Bool = { _ in true }) {
        self.resource = resource
        self.namespace = namespace
        self.matches = matches
    }

    func covers(_ key: ObjectKey) -> Bool {
        key.resource == resource && (namespace == nil || namespace == key.namespace)
    }

    /// What this watcher sees of `event`: selectors turn a match change into ADDED/DELETED.
    func view(of event: StoreEvent) -> WatchEvent? {
        guard covers(event.key) else { return nil }
        let now = event.type == .deleted ? false : matches(event.object)
        let before = event.previous.map(matches) ?? false
        switch event.type {
        case .deleted:
            return before || matches(event.object) ? WatchEvent(type: .deleted, object: event.object) : nil
        default:
            if now && before { return WatchEvent(type: .modified, object: event.object) }
            if now { return WatchEvent(type: .added, object: event.object) }
            if before { return WatchEvent(type: .deleted, object: event.object) }
            return nil
        }
    }
}
