import StructuredData
import Synchronization

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
    public let key: ObjectKey
    public let revision: Int64
    public let value: JSONValue
    /// `value` serialized, once a reader over HTTP asked for it; shared by every copy.
    private let serialized: SerializedForm

    /// `value` serialized (compact JSON). Made on first use and then kept, for objects up to
    /// `cacheLimit` bytes, so that later lists need not serialize them again. It is not kept from
    /// the write: in-process readers (the controllers of `swiftflux up`) use the value, and the
    /// bytes would double what the object costs. A larger object is nearly all one long string
    /// (a Helm release Secret), which costs little to write out, so it is serialized each time.
    public var bytes: [UInt8] { serialized.bytes(of: value) }

    /// The serialized form if it is kept.
    var cachedBytes: [UInt8]? { serialized.kept }

    /// The largest serialized size kept alongside the value.
    public static let cacheLimit = 16 << 10

    public init(key: ObjectKey, revision: Int64, value: JSONValue) {
        self.key = key
        self.revision = revision
        self.value = value
        self.serialized = SerializedForm()
    }

    /// A state whose serialized form is already at hand (replayed from the history) and kept.
    init(key: ObjectKey, revision: Int64, value: JSONValue, serialized bytes: [UInt8]) {
        self.init(key: key, revision: revision, value: value)
        serialized.keep(bytes)
    }

    public static func == (a: StoredObject, b: StoredObject) -> Bool {
        a.key == b.key && a.revision == b.revision && a.value == b.value
    }
}

/// The serialized form of one stored state, made at most once (racing readers may both make it;
/// either result is the same bytes).
final class SerializedForm: Sendable {
    private let bytes = Mutex<[UInt8]?>(nil)

    var kept: [UInt8]? { bytes.withLock { $0 } }

    func keep(_ serialized: [UInt8]) {
        if serialized.count <= StoredObject.cacheLimit { bytes.withLock { $0 = serialized } }
    }

    func bytes(of value: JSONValue) -> [UInt8] {
        if let kept { return kept }
        let made = value.serializedBytes()
        guard made.count <= StoredObject.cacheLimit else { return made }  // not kept: no need to fit it
        let fitted = made.fittedToSize()
        keep(fitted)
        return fitted
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

/// A `StoreEvent` as the watch history keeps it: the states serialized (the bytes written to the
/// log; a change's previous state shares those of the event that wrote it while that event is
/// retained), parsed again only when a watch or a list at an old revision replays it — a
/// retained superseded state costs its JSON size, not a parsed tree.
struct RetainedEvent: Sendable {
    var revision: Int64
    var type: WatchEventType
    var key: ObjectKey
    var object: [UInt8]
    var previous: [UInt8]?

    /// The JSON it holds (states shared with other events or stored objects are counted each time).
    var size: Int { object.count + (previous?.count ?? 0) }

    /// The event with its states parsed (nil if they no longer parse, which the store's own
    /// serialization never produces).
    var event: StoreEvent? {
        guard let value = try? JSONParser.parse(bytes: object) else { return nil }
        var before: JSONValue?
        if let previous {
            guard let parsed = try? JSONParser.parse(bytes: previous) else { return nil }
            before = parsed
        }
        return StoreEvent(revision: revision, type: type, key: key, object: value, previous: before)
    }
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
