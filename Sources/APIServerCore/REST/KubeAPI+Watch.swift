import StructuredData

extension KubeAPI {
    /// The default watch duration when the client gives no `timeoutSeconds`.
    static let defaultWatchTimeout: Double = 1800
    /// How often a watch with `allowWatchBookmarks` gets a BOOKMARK.
    static let bookmarkInterval: Double = 60

    /// WATCH: a stream of newline-terminated JSON events. A start revision below the retained
    /// history yields one ERROR event (410 `Expired`) and the end of the stream.
    func watch(_ target: ResourceTarget, _ request: APIRequest) async throws -> APIResponse {
        let type = target.type
        let matcher = try ObjectMatcher(labelSelector: request.query["labelSelector"],
                                        fieldSelector: request.query["fieldSelector"], type: type)
        var from: Int64?
        if let rv = request.query["resourceVersion"], !rv.isEmpty, rv != "0" {
            guard let value = Int64(rv), value >= 0 else {
                throw APIServerError.badRequest("invalid resource version: \(rv)")
            }
            from = value
        }
        var timeout = Self.defaultWatchTimeout
        if let text = request.query["timeoutSeconds"], let value = Double(text), value.isFinite {
            timeout = min(max(0, value), 86_400)
        }
        let bookmarks = request.flag("allowWatchBookmarks")
        let filter = WatchFilter(resource: type.resource, namespace: target.namespace, matches: { matcher.matches($0) })
        let store = self.store
        let started: (id: UInt64, events: AsyncStream<WatchEvent>)
        do {
            started = try await store.watch(filter, from: from)
        } catch {
            let line = WatchEvent(type: .error, object: error.statusJSON).line
            let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
            continuation.yield(line)
            continuation.finish()
            return .stream(code: 200, contentType: "application/json", chunks: stream)
        }
        let (output, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        let kind = JSONValue.string(type.kind), apiVersion = JSONValue.string(type.groupVersion)
        let pump = Task {
            for await event in started.events {
                var event = event
                if event.type == .bookmark {
                    event.object.set(["kind"], kind)
                    event.object.set(["apiVersion"], apiVersion)
                }
                continuation.yield(event.line)
            }
            continuation.finish()
        }
        let timer = Task {
            var remaining = timeout
            while remaining > 0 {
                let step = bookmarks ? min(remaining, Self.bookmarkInterval) : remaining
                do { try await Task.sleep(for: .seconds(step)) } catch { return }
                remaining -= step
                if bookmarks { await store.bookmark(started.id) }
            }
            await store.stopWatching(started.id)
        }
        continuation.onTermination = { _ in
            pump.cancel()
            timer.cancel()
            Task { await store.stopWatching(started.id) }
        }
        return .stream(code: 200, contentType: "application/json", chunks: output)
    }
}
