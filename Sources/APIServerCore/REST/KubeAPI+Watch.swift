import StructuredData
import Synchronization

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
        let from = try ResourceVersionQuery.revision(request)
        var timeout = Self.defaultWatchTimeout
        if let value = try ResourceVersionQuery.timeoutSeconds(request), value > 0 {
            timeout = Double(min(max(0, value), 86_400))
        }
        if let from, from > (await self.store.currentRevision),
           !(await self.store.waitForRevision(from, seconds: ResourceVersionQuery.futureWait)) {
            throw APIServerError.tooLargeResourceVersion(from, current: await self.store.currentRevision)
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
        // Pull-based: the front takes one line at a time, so unread events stay in the store's
        // bounded per-watcher buffer (where a watcher that falls behind is closed).
        var transform: (@Sendable (JSONValue, Bool) -> JSONValue)?
        if let version = Self.tableVersion(request.accept) {
            let includeObject = request.query["includeObject"]
            transform = { object, first in
                Self.table(type, objects: [object], metadata: ["resourceVersion": .string(object.metadataString("resourceVersion"))],
                           version: version, includeObject: includeObject, headers: first)
            }
        }
        let source = WatchEventSource(events: started.events, kind: type.kind, apiVersion: type.groupVersion, transform: transform) {
            timer.cancel()
            Task { await store.stopWatching(started.id) }
        }
        return .watch(events: source)
    }
}

/// Hands out a watcher's events on demand — as response lines (`nextLine`) or as values
/// (`nextValue`, the in-process transport) — and ends the watch (timer and store watcher) when
/// the response is cancelled or dropped.
///
/// `@unchecked Sendable`: the iterator is only touched by `nextValue()`/`nextLine()`, which the
/// response's single reader calls one at a time; everything else is immutable or behind a `Mutex`.
public final class WatchEventSource: @unchecked Sendable {
    private var iterator: AsyncStream<WatchEvent>.AsyncIterator?
    private let kind: JSONValue
    private let apiVersion: JSONValue
    private let onClose: Mutex<(@Sendable () -> Void)?>
    /// Rewrites each object (Table output); the flag is true for the first object event.
    private let transform: (@Sendable (JSONValue, Bool) -> JSONValue)?
    private var first = true

    init(events: AsyncStream<WatchEvent>, kind: String, apiVersion: String,
         transform: (@Sendable (JSONValue, Bool) -> JSONValue)? = nil, onClose: @escaping @Sendable () -> Void) {
        self.iterator = events.makeAsyncIterator()
        self.kind = .string(kind)
        self.apiVersion = .string(apiVersion)
        self.transform = transform
        self.onClose = Mutex(onClose)
    }

    /// The next event line (`{"type":…,"object":…}` and a newline), or nil at the end of the watch.
    public func nextLine() async -> [UInt8]? {
        await nextEvent()?.line
    }

    /// The next event as the JSON value its line would carry, or nil at the end of the watch.
    public func nextValue() async -> JSONValue? {
        guard let event = await nextEvent() else { return nil }
        return .object(["type": .string(event.type.rawValue), "object": event.object])
    }

    /// The whole stream as lines (what the fronts send).
    public var lines: AsyncStream<[UInt8]> {
        AsyncStream<[UInt8]>(unfolding: { await self.nextLine() }, onCancel: { self.close() })
    }

    private func nextEvent() async -> WatchEvent? {
        guard var events = iterator else { return nil }
        let next = await events.next()
        iterator = events
        guard var event = next else {
            iterator = nil
            close()
            return nil
        }
        if event.type == .bookmark {
            event.object.set(["kind"], kind)
            event.object.set(["apiVersion"], apiVersion)
        } else if let transform, event.type != .error {
            event.object = transform(event.object, first)
            first = false
        }
        return event
    }

    /// Ends the watch (idempotent).
    public func close() {
        let action = onClose.withLock { $0.take() }
        action?()
    }

    deinit { close() }
}
