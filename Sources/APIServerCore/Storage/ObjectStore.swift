import Foundation
import StructuredData

/// The state of every object, the global resourceVersion counter, the watch history and the
/// watchers, in front of a durable `RevisionLog`.
///
/// Guarantees: one global, strictly increasing revision across all resources; a `commit` returns
/// only after its revision-log append returned (so acknowledged writes are durable); watchers see
/// events in revision order, each exactly once; a watch from a revision below the retained history
/// fails with 410 `Expired`.
public actor ObjectStore {
    let log: any RevisionLog
    /// Objects by resource, then by `namespace/name`.
    var tables: [QualifiedResource: [String: StoredObject]] = [:]
    /// The revision of the newest write.
    public internal(set) var currentRevision: Int64 = 0
    /// Retained events, oldest first; `history[historyStart...]` is live.
    var history: [StoreEvent] = []
    var historyStart = 0
    /// Watches from below this revision are `Expired`.
    public internal(set) var historyFloor: Int64 = 0
    let historyLimit: Int
    var watchers: [UInt64: Watcher] = [:]
    var nextWatcherID: UInt64 = 0
    var writesSinceCompaction = 0

    struct Watcher {
        var filter: WatchFilter
        var continuation: AsyncStream<WatchEvent>.Continuation
    }

    /// Opens the store over `log`, loading its live state and recent history.
    /// - Parameter historyLimit: how many events the watch history keeps (the 410 window).
    public init(log: any RevisionLog, historyLimit: Int = 10_000) throws {
        self.log = log
        self.historyLimit = max(1, historyLimit)
        let snapshot = try log.load(historyLimit: historyLimit)
        currentRevision = snapshot.currentRevision
        historyFloor = snapshot.historyFloor
        for record in snapshot.live {
            guard let key = ObjectKey(storageKey: record.key),
                  let value = try? JSONParser.parse(bytes: record.value) else { continue }
            tables[key.resource, default: [:]][key.localKey] = StoredObject(key: key, revision: record.revision, value: value)
        }
        var lastState: [String: JSONValue] = [:]
        for record in snapshot.history {
            guard let key = ObjectKey(storageKey: record.key),
                  let value = try? JSONParser.parse(bytes: record.value) else { continue }
            let type: WatchEventType = record.deleted ? .deleted : (record.created ? .added : .modified)
            history.append(StoreEvent(revision: record.revision, type: type, key: key, object: value,
                                      previous: lastState[record.key]))
            lastState[record.key] = value
        }
    }

    /// The object at `key`, if any.
    public func get(_ key: ObjectKey) -> StoredObject? {
        tables[key.resource]?[key.localKey]
    }

    /// Every object of `resource` (in `namespace`, when given), sorted by namespace then name,
    /// with the current revision.
    public func list(_ resource: QualifiedResource, namespace: String?) -> (objects: [StoredObject], revision: Int64) {
        guard let table = tables[resource] else { return ([], currentRevision) }
        var out: [StoredObject] = []
        out.reserveCapacity(table.count)
        for object in table.values where namespace == nil || object.key.namespace == namespace {
            out.append(object)
        }
        out.sort { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }
        return (out, currentRevision)
    }

    /// How many objects `resource` has in `namespace` (all namespaces when nil).
    public func count(_ resource: QualifiedResource, namespace: String?) -> Int {
        guard let table = tables[resource] else { return 0 }
        if namespace == nil { return table.count }
        return table.values.reduce(0) { $0 + ($1.key.namespace == namespace ? 1 : 0) }
    }

    /// The resources that have at least one object in `namespace`.
    public func resources(in namespace: String) -> [QualifiedResource] {
        tables.compactMap { resource, table in
            table.values.contains { $0.key.namespace == namespace } ? resource : nil
        }
    }

    /// Applies `mutations` atomically: checks every precondition, assigns each write the next
    /// revision (stamped into `metadata.resourceVersion`), appends them durably to the log, then
    /// updates the state and notifies watchers. Returns the stored objects (nil for deletes of
    /// absent keys are impossible: they fail their precondition or are skipped).
    ///
    /// Throws `NotFound`, `AlreadyExists` or `Conflict` for a failed precondition, `InternalError`
    /// when the log write fails (nothing is changed then).
    @discardableResult
    public func commit(_ mutations: [Mutation]) throws(APIServerError) -> [StoredObject] {
        var records: [LogRecord] = []
        var events: [StoreEvent] = []
        var revision = currentRevision
        var pending: [ObjectKey: StoredObject?] = [:]
        for m in mutations {
            let current: StoredObject? = pending[m.key] ?? get(m.key)
            switch m.precondition {
            case .none: break
            case .absent:
                if current != nil { throw .alreadyExists(m.key.resource, m.key.name) }
            case .exists:
                if current == nil { throw .notFound(m.key.resource, m.key.name) }
            case .revision(let expected):
                guard let current else { throw .notFound(m.key.resource, m.key.name) }
                if current.revision != expected { throw .conflict(m.key.resource, m.key.name) }
            }
            if m.value == nil && current == nil { continue }
            revision += 1
            var value = m.value ?? current?.value ?? .null
            value.set(["metadata", "resourceVersion"], .string(String(revision)))
            let type: WatchEventType = m.value == nil ? .deleted : (current == nil ? .added : .modified)
            records.append(LogRecord(revision: revision, key: m.key.description, created: type == .added,
                                     deleted: type == .deleted, value: value.serializedBytes()))
            events.append(StoreEvent(revision: revision, type: type, key: m.key, object: value, previous: current?.value))
            pending[m.key] = type == .deleted ? .some(nil) : StoredObject(key: m.key, revision: revision, value: value)
        }
        guard !records.isEmpty else { return [] }
        do {
            try log.append(records)
        } catch {
            throw .internalError("storage write failed: \(error)")
        }
        currentRevision = revision
        var stored: [StoredObject] = []
        for event in events {
            if event.type == .deleted {
                tables[event.key.resource]?[event.key.localKey] = nil
            } else {
                let object = StoredObject(key: event.key, revision: event.revision, value: event.object)
                tables[event.key.resource, default: [:]][event.key.localKey] = object
            }
            stored.append(StoredObject(key: event.key, revision: event.revision, value: event.object))
            record(event)
        }
        return stored
    }
}
