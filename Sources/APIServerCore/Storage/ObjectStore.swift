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
    /// Each table's keys (`namespace/name`) in ascending order, kept up to date on insert/delete.
    var order: [QualifiedResource: [String]] = [:]
    /// The tables' labels, inverted (see `LabelIndex`).
    var labels = LabelIndex()
    /// The revision of the newest write to each resource (0 for one not written since start-up).
    var lastWrites: [QualifiedResource: Int64] = [:]
    /// The revision of the newest write.
    public internal(set) var currentRevision: Int64 = 0
    /// Retained events, oldest first; `history[historyStart...]` is live.
    var history: [RetainedEvent] = []
    var historyStart = 0
    /// Watches from below this revision are `Expired`.
    public internal(set) var historyFloor: Int64 = 0
    let historyLimit: Int
    /// The most JSON the live history may hold (its states' sizes summed); older events are
    /// dropped past it even when fewer than `historyLimit` are kept.
    let historyByteLimit: Int
    /// The JSON the live history holds now (`RetainedEvent.size` summed).
    var historyBytes = 0
    var watchers: [UInt64: Watcher] = [:]
    /// Live events a watcher may have queued (beyond its initial events) before it is closed.
    let watcherBufferLimit: Int
    /// Records that could not be loaded at start-up (corrupt or malformed), one message each.
    public internal(set) var loadProblems: [String] = []
    /// Where faults outside requests are reported (shared with `KubeAPI`).
    public nonisolated let health: HealthMonitor
    /// A log compaction is running in the background.
    var compacting = false
    /// How many watchers were closed because they did not keep up.
    public internal(set) var closedSlowWatchers = 0
    var nextWatcherID: UInt64 = 0
    var writesSinceCompaction = 0
    /// The highest revision handed out (≥ `currentRevision` while writes are being flushed).
    var assignedRevision: Int64 = 0
    /// Keys with a write waiting for its flush, and how many.
    var inFlight: [ObjectKey: Int] = [:]
    var queue: [PendingCommit] = []
    var flushing = false
    var flushWaiters: [CheckedContinuation<Void, Never>] = []

    struct Watcher {
        var filter: WatchFilter
        var continuation: AsyncStream<WatchEvent>.Continuation
    }

    /// Opens the store over `log`, loading its live state and recent history.
    /// - Parameters:
    ///   - historyLimit: how many events the watch history keeps at most (the 410 window).
    ///   - historyByteLimit: how much JSON it keeps at most (32 MiB by default: a burst of writes
    ///     to large objects — Helm release Secrets — narrows the window instead of holding every
    ///     superseded state); the newest event is always kept.
    ///   - watcherBufferLimit: how many live events one watcher may have unread before it is closed.
    ///   - health: where background faults (compaction failures) are reported.
    public init(log: any RevisionLog, historyLimit: Int = 10_000, historyByteLimit: Int = 32 << 20, watcherBufferLimit: Int = 1_000,
                health: HealthMonitor = HealthMonitor()) throws {
        self.log = log
        self.health = health
        self.watcherBufferLimit = max(1, watcherBufferLimit)
        self.historyLimit = max(1, historyLimit)
        self.historyByteLimit = max(0, historyByteLimit)
        let snapshot = try log.load(historyLimit: historyLimit)
        currentRevision = snapshot.currentRevision
        historyFloor = snapshot.historyFloor
        for record in snapshot.live {
            guard let key = ObjectKey(storageKey: record.key) else {
                loadProblems.append("revision \(record.revision): malformed key \(record.key.debugDescription); record skipped")
                continue
            }
            let value: JSONValue
            do { value = try JSONParser.parse(bytes: record.value) } catch {
                loadProblems.append("revision \(record.revision) (\(record.key)): corrupt record skipped: \(error.message)")
                continue
            }
            tables[key.resource, default: [:]][key.localKey] = StoredObject(key: key, revision: record.revision, value: value)
            labels.insert(key.resource, key.localKey, labels: value.labels)
        }
        for (resource, table) in tables { order[resource] = table.keys.sorted() }
        assignedRevision = currentRevision
        var lastState: [String: [UInt8]] = [:]
        for record in snapshot.history {
            guard let key = ObjectKey(storageKey: record.key), (try? JSONParser.parse(bytes: record.value)) != nil else { continue }
            let type: WatchEventType = record.deleted ? .deleted : (record.created ? .added : .modified)
            let retained = RetainedEvent(revision: record.revision, type: type, key: key, object: record.value,
                                         previous: lastState[record.key])
            history.append(retained)
            historyBytes += retained.size
            lastState[record.key] = record.value
        }
    }

    /// The object at `key`, if any.
    public func get(_ key: ObjectKey) -> StoredObject? {
        tables[key.resource]?[key.localKey]
    }

    /// The revision of the newest write since start-up to any of `resources` (0 when none): a
    /// cheap "has any of these changed" check for caches derived from them.
    public func lastWrite(_ resources: [QualifiedResource]) -> Int64 {
        resources.reduce(0) { max($0, lastWrites[$1] ?? 0) }
    }

    /// Every object of `resource` (in `namespace`, when given), in ascending `namespace/name`
    /// order (the order `continue` tokens rely on), with the current revision.
    public func list(_ resource: QualifiedResource, namespace: String?) -> (objects: [StoredObject], revision: Int64) {
        guard let table = tables[resource], let keys = order[resource] else { return ([], currentRevision) }
        var out: [StoredObject] = []
        if let namespace {
            let prefix = namespace + "/"
            var i = Self.lowerBound(keys, prefix)
            while i < keys.count, keys[i].hasPrefix(prefix) {
                if let object = table[keys[i]] { out.append(object) }
                i += 1
            }
        } else {
            out.reserveCapacity(keys.count)
            for key in keys { if let object = table[key] { out.append(object) } }
        }
        return (out, currentRevision)
    }

    /// The objects of `resource` in `namespace` whose names begin with `namePrefix`, in name
    /// order — a range of the sorted keys, not a scan (the workload simulation finds the
    /// `<owner>-…` children of one owner this way).
    public func list(_ resource: QualifiedResource, namespace: String, namePrefix: String) -> [StoredObject] {
        guard let table = tables[resource], let keys = order[resource] else { return [] }
        let prefix = namespace + "/" + namePrefix
        var out: [StoredObject] = []
        var i = Self.lowerBound(keys, prefix)
        while i < keys.count, keys[i].hasPrefix(prefix) {
            if let object = table[keys[i]] { out.append(object) }
            i += 1
        }
        return out
    }

    /// The first index whose key is not less than `key`.
    static func lowerBound(_ keys: [String], _ key: String) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
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
    /// revision (stamped into `metadata.resourceVersion`), appends them durably to the log (group
    /// commit: writes that arrive while a flush is running share the next fsync), then updates the
    /// state and notifies watchers. Returns the stored objects.
    ///
    /// Readers and watchers only ever see durable writes. A write to a key whose previous write is
    /// still being flushed waits for that flush, so preconditions always see the latest state.
    /// Throws `NotFound`, `AlreadyExists` or `Conflict` for a failed precondition, `InternalError`
    /// when the log write fails (nothing of that batch is changed then).
    @discardableResult
    public func commit(_ mutations: [Mutation]) async throws(APIServerError) -> [StoredObject] {
        while mutations.contains(where: { inFlight[$0.key] != nil }) { await waitForFlush() }
        let prepared = try prepare(mutations)
        guard let last = prepared.events.last else { return [] }
        assignedRevision = last.revision
        for event in prepared.events { inFlight[event.key, default: 0] += 1 }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                queue.append(PendingCommit(prepared: prepared, continuation: continuation))
                if !flushing {
                    flushing = true
                    Task { await self.flushLoop() }
                }
            }
        } catch let error as APIServerError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Checks preconditions against the visible state and builds the log records and events.
    func prepare(_ mutations: [Mutation]) throws(APIServerError) -> PreparedCommit {
        var prepared = PreparedCommit()
        var revision = assignedRevision
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
            let bytes = value.retainedSerializedBytes()
            if bytes.count > APIServerError.maxObjectBytes && m.value != nil { throw .objectTooLarge }
            prepared.serialized.append(bytes)
            prepared.records.append(LogRecord(revision: revision, key: m.key.description, created: type == .added,
                                              deleted: type == .deleted, value: bytes))
            prepared.events.append(StoreEvent(revision: revision, type: type, key: m.key, object: value, previous: current?.value))
            pending[m.key] = type == .deleted ? .some(nil) : StoredObject(key: m.key, revision: revision, value: value)
        }
        return prepared
    }

    /// Makes a durable commit visible: state, sorted keys, history and watchers.
    func apply(_ prepared: PreparedCommit) -> [StoredObject] {
        var stored: [StoredObject] = []
        for (event, bytes) in zip(prepared.events, prepared.serialized) {
            currentRevision = max(currentRevision, event.revision)
            lastWrites[event.key.resource] = event.revision
            let object = StoredObject(key: event.key, revision: event.revision, value: event.object)
            let local = event.key.localKey
            let previous = tables[event.key.resource]?[local]
            if let previous { labels.remove(event.key.resource, local, labels: previous.value.labels) }
            if event.type != .deleted { labels.insert(event.key.resource, local, labels: event.object.labels) }
            if event.type == .deleted {
                tables[event.key.resource]?[local] = nil
                if var keys = order.removeValue(forKey: event.key.resource) {
                    let i = Self.lowerBound(keys, local)
                    if i < keys.count && keys[i] == local { keys.remove(at: i) }
                    order[event.key.resource] = keys
                }
            } else {
                if event.type == .added {
                    var keys = order.removeValue(forKey: event.key.resource) ?? []
                    let i = Self.lowerBound(keys, local)
                    if i >= keys.count || keys[i] != local { keys.insert(local, at: i) }
                    order[event.key.resource] = keys
                }
                tables[event.key.resource, default: [:]][local] = object
            }
            stored.append(object)
            record(event, retained: RetainedEvent(revision: event.revision, type: event.type, key: event.key, object: bytes,
                                                  previous: event.previous.map { state in
                                                      previous.flatMap(retainedState) ?? state.retainedSerializedBytes()
                                                  }))
        }
        return stored
    }
}

extension ObjectStore {
    /// The bytes the live history holds for `object`'s state, when the event that wrote it is
    /// still retained: a change's previous state then shares them instead of being serialized
    /// again (for a Helm release Secret, 39 KB per upgrade).
    func retainedState(_ object: StoredObject) -> [UInt8]? {
        var low = historyStart, high = history.count
        while low < high {
            let mid = (low + high) / 2
            if history[mid].revision < object.revision { low = mid + 1 } else { high = mid }
        }
        guard low < history.count, history[low].revision == object.revision, history[low].key == object.key,
              history[low].type != .deleted else { return nil }
        return history[low].object
    }

    /// Per resource: how many objects are stored and the size of their JSON, largest first; and
    /// the same for the retained watch history (for the benchmarks' memory breakdown).
    public func footprint() -> (objects: [(resource: String, count: Int, bytes: Int)], historyEvents: Int, historyBytes: Int) {
        let objects = tables.map { resource, table in
            (resource: resource.resource, count: table.count,
             bytes: table.values.reduce(0) { $0 + ($1.cachedBytes ?? $1.value.serializedBytes()).count })
        }.sorted { $0.bytes > $1.bytes }
        let live = history[historyStart...]
        return (objects, live.count, live.reduce(0) { $0 + $1.object.count + ($1.previous?.count ?? 0) })
    }
}
