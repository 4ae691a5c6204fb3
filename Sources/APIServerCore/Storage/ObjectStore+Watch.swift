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
    ///
    /// Back-pressure: the stream buffers the initial events plus at most `watcherBufferLimit`
    /// live events. A watcher that falls further behind is closed (its stream ends, as
    /// kube-apiserver closes unresponsive watchers; clients re-watch from their last revision), so
    /// a client that never reads cannot make the server buffer without limit.
    public func watch(_ filter: WatchFilter, from: Int64?) throws(APIServerError) -> (id: UInt64, events: AsyncStream<WatchEvent>) {
        var initial: [WatchEvent] = []
        if let from {
            if from < historyFloor { throw .expired(from, oldest: historyFloor + 1) }
            for retained in history[historyStart...] where retained.revision > from && filter.covers(retained.key) {
                if let event = retained.event, let view = filter.view(of: event) { initial.append(view) }
            }
        } else {
            for object in list(filter.resource, namespace: filter.namespace).objects where filter.matches(object.value) {
                initial.append(WatchEvent(type: .added, object: object.value))
            }
        }
        let (stream, continuation) = AsyncStream.makeStream(
            of: WatchEvent.self, bufferingPolicy: .bufferingOldest(initial.count + watcherBufferLimit))
        for event in initial { continuation.yield(event) }
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

    /// Keeps `retained` (the compact form of `event`) in the history window and delivers `event`
    /// to interested watchers. Events that fall out of the window are dropped in batches of 1,024.
    func record(_ event: StoreEvent, retained: RetainedEvent) {
        history.append(retained)
        historyBytes += retained.size
        while history.count - historyStart > historyLimit || (historyBytes > historyByteLimit && history.count - historyStart > 1) {
            historyFloor = history[historyStart].revision
            historyBytes -= history[historyStart].size
            history[historyStart] = RetainedEvent(revision: historyFloor, type: .deleted, key: retained.key, object: [])
            historyStart += 1
        }
        if historyStart >= 1024 {
            history.removeFirst(historyStart)
            historyStart = 0
        }
        var slow: [UInt64] = []
        for (id, watcher) in watchers {
            guard let view = watcher.filter.view(of: event) else { continue }
            if case .dropped = watcher.continuation.yield(view) { slow.append(id) }
        }
        for id in slow {
            closedSlowWatchers += 1
            stopWatching(id)
        }
        writesSinceCompaction += 1
        if writesSinceCompaction >= 1000 && !compacting {
            writesSinceCompaction = 0
            compact(through: historyFloor)
        }
    }
}

extension ObjectStore {
    /// Sends watcher `id` a BOOKMARK carrying the current revision, in order with its events
    /// (every event up to that revision has already been queued for it).
    public func bookmark(_ id: UInt64) {
        guard let watcher = watchers[id] else { return }
        let result = watcher.continuation.yield(WatchEvent(type: .bookmark, object: .object([
            "metadata": .object(["resourceVersion": .string(String(currentRevision))]),
        ])))
        if case .dropped = result {
            closedSlowWatchers += 1
            stopWatching(id)
        }
    }
}

extension ObjectStore {
    /// Compacts the revision log below `floor` in the background (off the actor: it is disk
    /// I/O). A failure is reported to `health` as `compaction` (and cleared by the next success).
    func compact(through floor: Int64) {
        compacting = true
        let log = self.log, health = self.health
        Task.detached {
            do {
                try log.compact(through: floor)
                health.pass("compaction")
            } catch {
                health.fail("compaction", "revision log compaction failed: \(error)")
            }
            await self.compactionFinished()
        }
    }

    func compactionFinished() { compacting = false }

    /// Waits for a background compaction, if one is running (for tests and benchmarks).
    public func waitForCompaction() async {
        while compacting { try? await Task.sleep(for: .milliseconds(5)) }
    }
}
