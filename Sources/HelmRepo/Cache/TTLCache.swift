import Foundation

/// source-controller's Helm index cache (`internal/cache`): a bounded map with per-item
/// expiry and a janitor deleting expired items every purge interval. It is not LRU: once
/// `maxItems` keys are held, `set` of a new key fails with "Cache is full" until the janitor
/// (or `delete`) frees room; existing keys can always be replaced.
///
/// Flags: `--helm-cache-max-size` (0 disables caching: create no cache), `--helm-cache-ttl`
/// (the `ttl` callers pass), `--helm-cache-purge-interval` (`runJanitor(every:)`).
public actor TTLCache<Value: Sendable> {
    struct Item {
        var value: Value
        /// nil: never expires.
        var expiration: Date?
    }

    public let maxItems: Int
    private var items: [String: Item] = [:]
    private let now: @Sendable () -> Date

    public init(maxItems: Int, now: @escaping @Sendable () -> Date = { Date() }) {
        self.maxItems = maxItems
        self.now = now
    }

    /// Items held, expired ones included until purged.
    public var itemCount: Int { items.count }

    /// The value of `key` unless missing or expired.
    public func get(_ key: String) -> Value? {
        guard let item = items[key] else { return nil }
        if let expiration = item.expiration, expiration < now() { return nil }
        return item.value
    }

    /// Stores `value` for `ttl` (zero or negative: forever).
    /// - Throws: `.cache` "Cache is full" for a new key when `maxItems` keys are held.
    public func set(_ key: String, _ value: Value, ttl: Duration) throws(HelmRepoError) {
        let expiration = ttl > .zero ? now().addingTimeInterval(Self.seconds(ttl)) : nil
        if items[key] != nil || (maxItems > 0 && items.count < maxItems) {
            items[key] = Item(value: value, expiration: expiration)
            return
        }
        throw HelmRepoError(.cache, "Cache is full")
    }

    /// Restarts the expiry of `key` (a cache hit extends it); no-op when absent.
    public func setExpiration(_ key: String, ttl: Duration) {
        items[key]?.expiration = now().addingTimeInterval(Self.seconds(ttl))
    }

    public func delete(_ key: String) { items[key] = nil }

    /// Removes every expired item.
    public func deleteExpired() {
        let current = now()
        items = items.filter { _, item in item.expiration.map { $0 >= current } ?? true }
    }

    /// Purges expired items every `interval` until the task is cancelled.
    public func runJanitor(every interval: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            deleteExpired()
        }
    }

    static func seconds(_ d: Duration) -> TimeInterval {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// The Helm index cache of the HelmChart reconciler, keyed by the HelmRepository artifact path.
public typealias IndexCache = TTLCache<IndexFile>
