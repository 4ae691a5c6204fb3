import StructuredData
import Synchronization

/// The `fieldsV1` trees made recently, by field set, so that objects whose managers own the same
/// fields share one tree (copy-on-write) instead of each holding its own: the managed fields of
/// a chart's Deployments, Services or Secrets are identical from one release to the next, and
/// were about a sixth of the API server's memory with 1,000 releases.
///
/// Contract: `encoded(set)` is always `set.encode()` — the cache changes identity, never content.
/// At most `limit` sets are kept; when full the cache starts again empty (a bounded cost, and
/// the sets in use are met again at their next write).
final class EncodedFieldSets: Sendable {
    static let shared = EncodedFieldSets(limit: 256)

    private let limit: Int
    private let trees = Mutex<[FieldSet: JSONValue]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func encoded(_ set: FieldSet) -> JSONValue {
        if let tree = trees.withLock({ $0[set] }) { return tree }
        let tree = JSONValue.object(set.encode())
        trees.withLock { trees in
            if trees.count >= limit { trees.removeAll(keepingCapacity: true) }
            trees[set] = tree
        }
        return tree
    }

    /// How many sets are kept (for tests).
    var count: Int { trees.withLock { $0.count } }
}
