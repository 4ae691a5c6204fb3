import KubeModel

/// List-then-watch as an `AsyncSequence`, with client-go reflector semantics (kube-rs `watcher`):
///
/// 1. list all pages → `.restarted(objects)`;
/// 2. watch from the list's resource version with bookmarks and `timeoutSeconds`;
/// 3. each event moves the last-seen resource version; a clean close re-watches from it;
/// 4. `410 Gone`/`Expired` (HTTP or in-stream) re-lists and emits `.restarted` again;
/// 5. any other failure (transport, API status, undecodable event) is reported once as `.error`, then
///    the watcher waits with exponential backoff and resumes: re-watch from the last resource version
///    when it has one, else re-list. It never ends by itself; cancel the consuming task to stop it.
///
/// Iteration is lazy and back-pressured: nothing is read from the server between `next()` calls, so
/// a slow consumer holds at most one response chunk in memory.
public struct Watcher: AsyncSequence, Sendable {
    public typealias Element = Event

    public enum Event: Sendable, Equatable {
        /// The full current state (after the first list and after every re-list).
        case restarted([KubeObject])
        case applied(KubeObject)
        case deleted(KubeObject)
        /// A bookmark moved the resource version (no object changed).
        case bookmark(String)
        /// A failure the watcher recovers from by itself after a backoff; reported for logging.
        case error(KubeClientError)
    }

    public struct Configuration: Sendable, Equatable {
        public var labelSelector: String?
        public var fieldSelector: String?
        public var timeoutSeconds: Int?
        public var pageSize: Int
        public var backoff: Backoff
        public init(labelSelector: String? = nil, fieldSelector: String? = nil, timeoutSeconds: Int? = 300, pageSize: Int = 500,
                    backoff: Backoff = Backoff()) {
            self.labelSelector = labelSelector
            self.fieldSelector = fieldSelector
            self.timeoutSeconds = timeoutSeconds
            self.pageSize = pageSize
            self.backoff = backoff
        }
    }

    /// Exponential backoff between retries: `initial`, doubling up to `maximum` (client-go's
    /// reflector uses 800 ms → 30 s). Reset after any successful list or event.
    public struct Backoff: Sendable, Equatable {
        public var initial: Duration
        public var maximum: Duration
        public init(initial: Duration = .milliseconds(800), maximum: Duration = .seconds(30)) {
            self.initial = initial
            self.maximum = maximum
        }
        /// No waiting (tests).
        public static let none = Backoff(initial: .zero, maximum: .zero)
    }

    let client: KubeClient
    let resource: APIResource
    let namespaces: NamespaceSelection
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
        /// A failure was reported; after `delay`, continue with `resume`.
        indirect case backingOff(delay: Duration, resume: State)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let watcher: Watcher
        var state: State = .empty
        var events: AsyncThrowingStream<WatchEvent, any Error>.AsyncIterator?
        var nextDelay: Duration

        init(watcher: Watcher) {
            self.watcher = watcher
            nextDelay = watcher.configuration.backoff.initial
        }

        /// The last resource version seen (empty before the first list).
        public var resourceVersion: String {
            switch state {
            case .empty, .backingOff: return ""
            case .idle(let rv), .watching(let rv): return rv
            }
        }

        /// The next event; throws only `CancellationError` when the consuming task is cancelled.
        public mutating func next() async throws -> Event? {
            while true {
                try Task.checkCancellation()
                do {
                    switch state {
                    case .empty:
                        return try await relist()
                    case .idle(let rv):
                        try await open(from: rv)
                    case .watching(let rv):
                        if let event = try await nextEvent(rv) { return event }
                    case .backingOff(let delay, let resume):
                        if delay > .zero { try await Task.sleep(for: delay) }
                        state = resume
                    }
                } catch let error as KubeClientError {
                    if Task.isCancelled { throw CancellationError() }
                    return fail(error)
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    if Task.isCancelled { throw CancellationError() }
                    return fail(.transport("\(error)"))
                }
            }
        }

        /// Reports `error` and schedules the retry after the current backoff.
        private mutating func fail(_ error: KubeClientError) -> Event {
            events = nil
            let resume: State
            switch state {
            case .idle(let rv), .watching(let rv): resume = .idle(resourceVersion: rv)
            case .empty, .backingOff: resume = .empty
            }
            state = .backingOff(delay: nextDelay, resume: resume)
            nextDelay = Swift.min(nextDelay * 2, watcher.configuration.backoff.maximum)
            return .error(error)
        }

        private mutating func succeeded() { nextDelay = watcher.configuration.backoff.initial }

        private mutating func relist() async throws(KubeClientError) -> Event {
            let w = watcher
            let list = try await w.client.listAll(
                w.resource, in: w.namespaces,
                options: ListOptions(labelSelector: w.configuration.labelSelector, fieldSelector: w.configuration.fieldSelector),
                pageSize: w.configuration.pageSize)
            state = .idle(resourceVersion: list.resourceVersion)
            succeeded()
            return .restarted(list.items)
        }

        private mutating func open(from rv: String) async throws(KubeClientError) {
            let w = watcher
            let options = WatchOptions(labelSelector: w.configuration.labelSelector, fieldSelector: w.configuration.fieldSelector,
                                       resourceVersion: rv, timeoutSeconds: w.configuration.timeoutSeconds,
                                       allowWatchBookmarks: true)
            do {
                let stream = try await w.client.watch(w.resource, in: w.namespaces, options: options)
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
            case .added(let o), .modified(let o):
                succeeded()
                return .applied(o)
            case .deleted(let o):
                succeeded()
                return .deleted(o)
            case .bookmark(let v):
                succeeded()
                return .bookmark(v)
            case .error(let status):
                events = nil
                guard status.isGone else { throw KubeClientError.api(status) }
                state = .empty
                return nil
            }
        }
    }
}
