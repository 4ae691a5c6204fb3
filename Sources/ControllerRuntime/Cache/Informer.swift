import KubeClient
import KubeModel
import Logging

/// A shared list+watch cache of one resource type (client-go `SharedIndexInformer`).
///
/// Contract:
/// - `run()` lists and watches until its task is cancelled, through `Watcher` (resume from the last
///   resourceVersion, bookmarks, re-list on 410, backoff on any other error).
/// - The store mirrors the server: after a re-list, objects that vanished are delivered as
///   `.deleted`, new ones as `.added`, changed ones (different resourceVersion) as `.updated`.
/// - Handlers receive every change in order, one at a time; they should be quick (e.g. enqueue).
///   A handler added after the initial sync first receives `.added` for every cached object.
/// - Every `resyncPeriod` (if set) each cached object is delivered again as `.updated(old == new)`.
/// - Reads (`get`, `list`, `byIndex`) are served from memory.
public actor Informer {
    public typealias Handler = @Sendable (InformerEvent) async -> Void

    public nonisolated let resource: APIResource
    public nonisolated let namespaces: NamespaceSelection
    public nonisolated let labelSelector: String?
    private let client: KubeClient
    private let resyncPeriod: Duration?
    private let logger: Logger

    private var store: [ObjectKey: KubeObject] = [:]
    private var indexers: [String: IndexFunction] = [:]
    private var indexes: [String: [String: Set<ObjectKey>]] = [:]
    private var handlers: [Int: Handler] = [:]
    private var nextHandlerID = 0
    private var synced = false
    private var syncWaiters: [CheckedContinuation<Void, Never>] = []
    public private(set) var lastError: KubeClientError?
    public private(set) var resourceVersion = ""

    public init(client: KubeClient, resource: APIResource, namespaces: NamespaceSelection = .all, labelSelector: String? = nil,
                resyncPeriod: Duration? = nil, logger: Logger = Logger(label: "informer")) {
        self.client = client
        self.resource = resource
        self.namespaces = namespaces
        self.labelSelector = labelSelector
        self.resyncPeriod = resyncPeriod
        self.logger = logger
        indexers[Self.namespaceIndex] = { [$0.namespace] }
        indexes[Self.namespaceIndex] = [:]
    }

    /// The built-in index of objects by namespace.
    public static let namespaceIndex = "namespace"

    // MARK: running

    /// Lists and watches until cancelled.
    public func run(watchTimeoutSeconds: Int = 300) async {
        let config = Watcher.Configuration(labelSelector: labelSelector, timeoutSeconds: watchTimeoutSeconds)
        let resync = resyncPeriod.map { period in Task { [weak self] in await self?.resyncLoop(period) } }
        defer { resync?.cancel() }
        do {
            for try await event in client.watcher(resource, in: namespaces, config: config) {
                for change in apply(event) { await deliver(change) }
            }
        } catch {
            // Only cancellation ends the watcher.
        }
    }

    /// Suspends until the first list has been stored (or the calling task is cancelled).
    public func waitForSync() async {
        if synced { return }
        await withCheckedContinuation { syncWaiters.append($0) }
    }

    public var hasSynced: Bool { synced }

    // MARK: handlers and indexes

    /// Registers a handler; returns its id. When already synced, it first gets `.added` for every
    /// cached object (sorted by key).
    @discardableResult
    public func addHandler(_ handler: @escaping Handler) async -> Int {
        nextHandlerID += 1
        let id = nextHandlerID
        handlers[id] = handler
        if synced {
            for key in store.keys.sorted() { if let o = store[key] { await handler(.added(o)) } }
        }
        return id
    }

    public func removeHandler(_ id: Int) { handlers[id] = nil }

    /// Adds an index (rebuilt from the current store).
    public func addIndex(_ name: String, _ function: @escaping IndexFunction) {
        indexers[name] = function
        var index: [String: Set<ObjectKey>] = [:]
        for (key, object) in store {
            for value in function(object) { index[value, default: []].insert(key) }
        }
        indexes[name] = index
    }

    // MARK: reads

    public func get(_ key: ObjectKey) -> KubeObject? { store[key] }

    public func get(namespace: String, name: String) -> KubeObject? { store[ObjectKey(namespace: namespace, name: name)] }

    /// Cached objects, optionally in one namespace and matching a label selector, sorted by key.
    public func list(namespace: String? = nil, selector: LabelSelector? = nil) -> [KubeObject] {
        let keys: [ObjectKey]
        if let namespace {
            keys = Array(indexes[Self.namespaceIndex]?[namespace] ?? [])
        } else {
            keys = Array(store.keys)
        }
        return keys.sorted().compactMap { store[$0] }.filter { selector?.matches($0.labels) ?? true }
    }

    /// Objects whose index `name` contains `value`, sorted by key.
    public func byIndex(_ name: String, _ value: String) -> [KubeObject] {
        (indexes[name]?[value] ?? []).sorted().compactMap { store[$0] }
    }

    public var count: Int { store.count }

    // MARK: store maintenance

    /// Applies one watcher event to the store and returns the changes to deliver.
    func apply(_ event: Watcher.Event) -> [InformerEvent] {
        switch event {
        case .restarted(let objects):
            var changes: [InformerEvent] = []
            var seen = Set<ObjectKey>()
            for object in objects {
                let key = ObjectKey(object)
                seen.insert(key)
                if let old = store[key] {
                    if old.resourceVersion != object.resourceVersion { changes.append(.updated(old: old, new: object)) }
                } else {
                    changes.append(.added(object))
                }
                put(key, object)
            }
            for (key, old) in store where !seen.contains(key) {
                remove(key)
                changes.append(.deleted(old))
            }
            markSynced()
            lastError = nil
            return changes
        case .applied(let object):
            let key = ObjectKey(object)
            resourceVersion = object.resourceVersion
            defer { put(key, object) }
            if let old = store[key] { return [.updated(old: old, new: object)] }
            return [.added(object)]
        case .deleted(let object):
            let key = ObjectKey(object)
            resourceVersion = object.resourceVersion
            let last = store[key] ?? object
            remove(key)
            return [.deleted(last)]
        case .bookmark(let rv):
            resourceVersion = rv
            return []
        case .error(let error):
            lastError = error
            logger.error("watch failed, retrying", metadata: ["resource": "\(resource.groupResource)", "error": "\(error)"])
            return []
        }
    }

    private func put(_ key: ObjectKey, _ object: KubeObject) {
        if let old = store[key] { unindex(key, old) }
        store[key] = object
        for (name, function) in indexers {
            for value in function(object) { indexes[name, default: [:]][value, default: []].insert(key) }
        }
    }

    private func remove(_ key: ObjectKey) {
        guard let old = store.removeValue(forKey: key) else { return }
        unindex(key, old)
    }

    private func unindex(_ key: ObjectKey, _ object: KubeObject) {
        for (name, function) in indexers {
            for value in function(object) {
                indexes[name]?[value]?.remove(key)
                if indexes[name]?[value]?.isEmpty == true { indexes[name]?[value] = nil }
            }
        }
    }

    private func markSynced() {
        guard !synced else { return }
        synced = true
        for w in syncWaiters { w.resume() }
        syncWaiters = []
    }

    private func deliver(_ change: InformerEvent) async {
        for id in handlers.keys.sorted() {
            if let h = handlers[id] { await h(change) }
        }
    }

    private func resyncLoop(_ period: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: period)
            if Task.isCancelled { return }
            for key in store.keys.sorted() {
                if let o = store[key] { await deliver(.updated(old: o, new: o)) }
            }
        }
    }
}
