import StructuredData

extension ObjectStore {
    /// Starts a watch.
    ///
    /// - `from == nil` (resourceVersion unset or "0"): synthetic ADDED events for every matching
    ///   object, then live events.
    /// - `from == N`: every retained event with revision > N, then live events; 410 `Expired`
    ///   when N is below the retained history.
    /// The stream ends when the caller stops iterating (the watcher is then removed) or when
    /// `stopWatching` is called.
    public func watch(_ filter: WatchFilter, from: Int64?) throws(APIServerError) -> (id: UInt64, events: AsyncStream<WatchEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self)
        if let from {
            if from < historyFloor { throw .expired(from, oldest: historyFloor + 1) }
            for event in history[historyStart...] where event.revision > from {
                if let view = filter.view(of: event) { continuation.yield(view) }
            }
        } else {
            for object in list(filter.resource, namespace: filter.namespace).objects where filter.matches(object.value) {
                continuation.yield(WatchEvent(type: .added, object: object.value))
            }
        }
        nextWatcherID += 1
        let id = nextWatcherID
        watchers[id] = Watcher(filter: filter, continuation: continuation)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.stopWatching(id) }
        }
        return (id, stream)
    }

    /// Ends a watch and forgets its watcher.
    public func stopWatching(_ id: UInt64) {
        if let watcher = watchers.removeValue(forKey: id) { watcher.continuation.finish() }
    }

    /// Ends every watch (server shutdown).
    public func stopAllWatches() {
        for (_, watcher) in watchers { watcher.continuation.finish() }
        watchers.removeAll()
    }

    /// The number of active watchers.
    public var watcherCount: Int { watchers.count }

    /// Keeps `event` in the history window and delivers it to interested watchers.
    func record(_ event: StoreEvent) {
        history.append(event)
        if history.count - historyStart > historyLimit {
            historyFloor = history[historyStart].revision
            historyStart += 1
            if historyStart > 4096 && historyStart * 2 > history.count {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
        for (_, watcher) in watchers {
            if let view = watcher.filter.view(of: event) { watcher.continuation.yield(view) }
        }
        writesSinceCompaction += 1
        if writesSinceCompaction >= 1000 {
            writesSinceCompaction = 0
            try? log.compact(through: historyFloor)
        }
    }
}

extension ObjectStore {
    /// Sends watcher `id` a BOOKMARK carrying the current revision, in order with its events
    /// (every event up to that revision has already been queued for it).
    public func bookmark(_ id: UInt64) {
        guard let watcher = watchers[id] else { return }
        watcher.continuation.yield(WatchEvent(type: .bookmark, object: .object([
            "metadata": .object(["resourceVersion": .string(String(currentRevision))]),
        ])))
    }
}
