import KubeModel
import StructuredData

extension KubeClient {
    /// One watch request as an `AsyncSequence` of events (newline-delimited JSON). The sequence ends
    /// when the server closes the stream (e.g. after `timeoutSeconds`); a non-200 answer throws
    /// `.api(Status)`. In-stream `ERROR` events are delivered as `.error(Status)`.
    public func watch(_ r: APIResource, namespace: String? = nil, options: WatchOptions = WatchOptions())
        async throws(KubeClientError) -> AsyncThrowingStream<WatchEvent, any Error>
    {
        let ns = namespace == "" ? nil : scope(r, namespace)
        let response = try await openStream(try .watch(r, namespace: ns, options: options))
        return AsyncThrowingStream { continuation in
            let task = Task {
                var splitter = LineSplitter()
                do {
                    for try await chunk in response.body {
                        for line in splitter.push(chunk) { continuation.yield(try Self.decodeEvent(line)) }
                    }
                    if let rest = splitter.finish() { continuation.yield(try Self.decodeEvent(rest)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func decodeEvent(_ line: [UInt8]) throws(KubeClientError) -> WatchEvent {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: line) } catch {
            throw .decoding("invalid watch event: \(error.description)")
        }
        return try WatchEvent(json: json)
    }

    /// A resilient list-then-watch sequence (see `Watcher`).
    public func watcher(_ r: APIResource, namespace: String? = nil, config: Watcher.Configuration = .init()) -> Watcher {
        Watcher(client: self, resource: r, namespace: namespace, configuration: config)
    }
}
