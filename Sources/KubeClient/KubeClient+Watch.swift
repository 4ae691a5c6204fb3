import KubeModel
import StructuredData

extension KubeClient {
    /// One watch request as an `AsyncSequence` of events (newline-delimited JSON). The sequence ends
    /// when the server closes the stream (e.g. after `timeoutSeconds`); a non-200 answer throws
    /// `.api(Status)`. In-stream `ERROR` events are delivered as `.error(Status)`.
    ///
    /// Pull-based: the response body is read only as events are consumed (back-pressure), so memory
    /// is bounded by one chunk plus one line, whatever the consumer's speed. A single line longer than
    /// `maxEventBytes` ends the sequence with `.decoding`.
    public func watch(_ r: APIResource, in namespaces: NamespaceSelection = .configured, options: WatchOptions = WatchOptions())
        async throws(KubeClientError) -> AsyncThrowingStream<WatchEvent, any Error>
    {
        switch try await openWatch(try .watch(r, namespace: scope(r, namespaces), options: options)) {
        case .events(let values):
            var iterator = values.makeAsyncIterator()
            return AsyncThrowingStream(unfolding: {
                guard let value = try await iterator.next() else { return nil }
                return try WatchEvent(json: value)
            })
        case .stream(let response):
            let reader = EventReader(body: response.body, maxLine: Self.maxEventBytes)
            return AsyncThrowingStream(unfolding: { try await reader.next() })
        }
    }

    /// The largest watch event line accepted (the API server's object limit is 1.5 MiB; lines carry JSON).
    public static let maxEventBytes = 16 << 20

    static func decodeEvent(_ line: [UInt8]) throws(KubeClientError) -> WatchEvent {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: line) } catch {
            throw .decoding("invalid watch event: \(error.description)")
        }
        return try WatchEvent(json: json)
    }

    /// A resilient list-then-watch sequence (see `Watcher`).
    public func watcher(_ r: APIResource, in namespaces: NamespaceSelection = .configured,
                        config: Watcher.Configuration = .init()) -> Watcher {
        Watcher(client: self, resource: r, namespaces: namespaces, configuration: config)
    }
}

/// Pulls chunks from a response body and hands out one decoded event per call. Only one consumer
/// calls `next()` at a time (the stream's iterator), hence the unchecked sendability.
final class EventReader: @unchecked Sendable {
    private var body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
    private var splitter = LineSplitter()
    private var pending: [[UInt8]] = []
    private var finished = false
    private let maxLine: Int

    init(body: AsyncThrowingStream<[UInt8], any Error>, maxLine: Int) {
        self.body = body.makeAsyncIterator()
        self.maxLine = maxLine
    }

    func next() async throws -> WatchEvent? {
        while pending.isEmpty {
            if finished { return nil }
            if let chunk = try await body.next() {
                pending = splitter.push(chunk)
                if splitter.buffered > maxLine {
                    throw KubeClientError.decoding("watch event larger than \(maxLine) bytes")
                }
            } else {
                finished = true
                if let rest = splitter.finish() { pending = [rest] }
            }
        }
        return try KubeClient.decodeEvent(pending.removeFirst())
    }
}
