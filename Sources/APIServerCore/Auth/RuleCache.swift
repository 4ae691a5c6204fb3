import Synchronization

/// RBAC rules per user and namespace, remembered with the RBAC revision they were read at
/// (`ObjectStore.lastWrite` of the four RBAC resources): an entry is used only while that
/// revision is still the newest, so a write to any Role, ClusterRole or binding invalidates
/// everything. Bounded: when full, it is emptied and refilled.
final class RuleCache: Sendable {
    struct Key: Hashable, Sendable {
        var user: String
        var groups: [String]
        var namespace: String
    }

    struct Entry: Sendable {
        var revision: Int64
        var rules: [PolicyRule]
        var errors: [String]
    }

    static let limit = 4_096
    private let entries = Mutex<[Key: Entry]>([:])

    func get(_ key: Key, revision: Int64) -> Entry? {
        entries.withLock { table in
            guard let entry = table[key], entry.revision == revision else { return nil }
            return entry
        }
    }

    func put(_ key: Key, _ entry: Entry) {
        entries.withLock { table in
            if table.count >= Self.limit { table.removeAll(keepingCapacity: true) }
            table[key] = entry
        }
    }
}
