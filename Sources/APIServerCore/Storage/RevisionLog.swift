/// One row of the append-only revision log (kine style): the state of one object at one revision.
///
/// `revision` is the global, monotonic resourceVersion of the write. A delete is a row with
/// `deleted == true` whose `value` is the object's last state (with the deletion revision).
public struct LogRecord: Sendable, Equatable {
    public var revision: Int64
    public var key: String
    public var created: Bool
    public var deleted: Bool
    public var value: [UInt8]

    public init(revision: Int64, key: String, created: Bool, deleted: Bool, value: [UInt8]) {
        self.revision = revision
        self.key = key
        self.created = created
        self.deleted = deleted
        self.value = value
    }
}

/// What a revision log holds when the server starts.
public struct LogSnapshot: Sendable {
    /// The newest row of every live (not deleted) key.
    public var live: [LogRecord]
    /// The retained history, oldest first (rows with revision > `historyFloor`).
    public var history: [LogRecord]
    /// The highest revision ever written (0 for an empty log).
    public var currentRevision: Int64
    /// Watches from a revision below this get 410 `Expired`.
    public var historyFloor: Int64

    public init(live: [LogRecord], history: [LogRecord], currentRevision: Int64, historyFloor: Int64) {
        self.live = live
        self.history = history
        self.currentRevision = currentRevision
        self.historyFloor = historyFloor
    }
}

/// Durable storage behind `ObjectStore`.
///
/// Contract: `append` returns only after every record is durable (a crash right after it returns
/// loses none of them), and either all records of one call are stored or none are.
public protocol RevisionLog: Sendable {
    /// Reads the live state and up to `historyLimit` recent rows.
    func load(historyLimit: Int) throws -> LogSnapshot
    /// Appends records atomically and durably.
    func append(_ records: [LogRecord]) throws
    /// Removes rows superseded by a newer row of the same key with revision ≤ `revision`, and
    /// delete rows at or below it. The newest row overall is always kept.
    func compact(through revision: Int64) throws
}

/// A revision log that keeps nothing: for `--in-memory` servers.
public struct MemoryRevisionLog: RevisionLog {
    public init() {}
    public func load(historyLimit: Int) throws -> LogSnapshot {
        LogSnapshot(live: [], history: [], currentRevision: 0, historyFloor: 0)
    }
    public func append(_ records: [LogRecord]) throws {}
    public func compact(through revision: Int64) throws {}
}
