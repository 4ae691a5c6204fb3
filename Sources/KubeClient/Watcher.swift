import KubeModel

/// List-then-watch as an `AsyncSequence`, with client-go reflector semantics (kube-rs `watcher`):
///
/// 1. list all pages → `.restarted(objects)`;
/// 2. watch from the list's resource version with bookmarks and `timeoutSeconds`;
/// 3. each event moves the last-seen resource version; a clean close re-watches from it;
/// 4. `410 Gone`/`Expired` (HTTP or in-stream) re-lists and emits `.restarted` again.
///
/// Other errors end the sequence by throwing. Iteration is lazy: nothing runs between `next()` calls.
public struct Watcher: AsyncSequence, Sendable {
    public typealias Element = Event

    public enum Event: Sendable, Equatable {
        /// The full current state (after the first list and after every re-list).
        case restarted([KubeObject])
        case applied(KubeObject)
        case deleted(KubeObject)
        /// A bookmark moved the resource version (no object changed).
        case bookmark(String)
    }

    public struct Configuration: Sendable, Equatable {
        public var labelSelector: String?
        public var fieldSelector: String?
        public var timeoutSeconds: Int?
        public var pageSize: Int
        public init(labelSelector: String? = nil, fieldSelector: String? = nil, timeoutSeconds: Int? = 300, pageSize: Int = 500) {
            self.labelSelector = labelSelector
            self.fieldSelector = fieldSelector
            self.timeoutSeconds = timeoutSeconds
            self.pageSize = pageSize
        }
    }

    let client: KubeClient
    let resource: APIResource
    let namespace: String?
    let configuration: Configuration

    public func makeAsyncIterator() -> Iterator { Iterator(watcher: self) }

    /// The explicit state machine behind the sequence.
    enum State: Equatable {
        /// Nothing listed yet, or a re-list is due.
        case empty
        /// Listed; a watch from `resourceVersion` is due.
        case idle(resourceVersion: String)
        /// A watch is open; events move `resourceVersion`.
        case watching(resourceVersion: String)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let watcher: Watcher
        var state: State = .empty
        var events: AsyncThrowingStream<WatchEvent, any Error>.AsyncIterator?

        init(watcher: Watcher) { self.watcher = watcher }

        /// The last resource version seen (empty before the first list).
        public var resourceVersion: String {
            switch state {
            case .empty: return ""
            case .idle(let rv), .watching(let rv): return rv
            }
        }

        public mutating func next() async throws -> Event? {
            while true {
                try Task.checkCancellation()
                switch state {
                case .empty:
                    return try await relist()
                case .idle(let rv):
                    try await open(from: rv)
                case .watching(let rv):
                    if let event = try await nextEvent(rv) { return event }
                }
            }
        }

        private mutating func relist() async throws -> Event {
            let w = watcher
            let list = try await w.client.listAll(
                w.resource, namespace: w.namespace,
                options: ListOptions(labelSelector: w.configuration.labelSelector, fieldSelector: w.configuration.fieldSelector),
                pageSize: w.configuration.pageSize)
            state = .idle(resourceVersion: list.resourceVersion)
            return .restarted(list.items)
        }

        private mutating func open(from rv: String) async throws {
            let w = watcher
            let options = WatchOptions(labelSelector: w.configuration.labelSelector, fieldSelector: w.configuration.fieldSelector,
                                       resourceVersion: rv, timeoutSeconds: w.configuration.timeoutSeconds,
                                       allowWatchBookmarks: true)
            do {
                let stream = try await w.client.watch(w.resource, namespace: w.namespace, options: options)
                events = stream.makeAsyncIterator()
                state = .watching(resourceVersion: rv)
            } catch {
                guard error.isGone else { throw error }
                events = nil
                state = .empty
            }
        }

        /// The next user-visible event, or `nil` when the state changed and the loop should go on.
        private mutating func nextEvent(_ rv: String) async throws -> Event? {
            guard var iterator = events else {
                state = .idle(resourceVersion: rv)
                return nil
            }
            let event = try await iterator.next()
            events = iterator
            guard let event else {
                events = nil
                state = .idle(resourceVersion: rv)
                return nil
            }
            if let newRV = event.resourceVersion, !newRV.isEmpty { state = .watching(resourceVersion: newRV) }
            switch event {
            case .added(let o), .modified(let o): return .applied(o)
            case .deleted(let o): return .deleted(o)
            case .bookmark(let v): return .bookmark(v)
            case .error(let status):
                events = nil
                guard status.isGone else { throw KubeClientError.api(status) }
                state = .empty
                return nil
            }
        }
    }
}
