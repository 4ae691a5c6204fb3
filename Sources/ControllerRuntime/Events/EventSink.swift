import GoCompat
import KubeClient
import KubeModel
import Logging
import StructuredData

/// Writes Kubernetes Events, folding identical repeats into a count (client-go's correlator,
/// without its aggregation of similar messages or its spam filter).
actor EventSink {
    static let flushMarker = "\u{0}flush"
    static let events = APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true)
    static let cacheSize = 4096

    let client: KubeClient
    let component: String
    let logger: Logger
    /// Identical-event key → (event namespace, event name, count), least recently used first out.
    private var seen: [String: (namespace: String, name: String, count: Int64)] = [:]
    private var order: [String] = []
    private var markerWaiters: [CheckedContinuation<Void, Never>] = []

    init(client: KubeClient, component: String, logger: Logger) {
        self.client = client
        self.component = component
        self.logger = logger
    }

    func write(_ e: EventRecorder.Pending) async {
        if e.reason == Self.flushMarker {
            for w in markerWaiters { w.resume() }
            markerWaiters = []
            return
        }
        let ref = e.reference
        let namespace = (ref.namespace ?? "").isEmpty ? "default" : ref.namespace ?? "default"
        let key = [component, ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, e.type.kubernetesType, e.reason, e.message]
            .map { $0 ?? "" }.joined(separator: "\u{1}")
        let stamp = GoTime(unixSeconds: e.time.unixSeconds).rfc3339
        if let previous = seen[key] {
            let count = previous.count + 1
            let patch: JSONValue = ["count": .int(count), "lastTimestamp": .string(stamp), "message": .string(e.message)]
            do {
                _ = try await client.patch(Self.events, namespace: previous.namespace, name: previous.name, type: .strategic, body: patch)
                remember(key, (previous.namespace, previous.name, count))
                return
            } catch {
                if !error.isNotFound {
                    logger.error("Server rejected event (will not retry!)", metadata: ["reason": "\(e.reason)", "error": "\(error)"])
                    return
                }
            }
        }
        let name = "\(ref.name ?? "").\(String(UInt64(bitPattern: e.time.unixSeconds &* 1_000_000_000 &+ Int64(e.time.nanosecond)), radix: 16))"
        var involved: JSONObject = [:]
        for (k, v) in [("kind", ref.kind), ("namespace", ref.namespace), ("name", ref.name), ("uid", ref.uid),
                       ("apiVersion", ref.apiVersion), ("resourceVersion", ref.resourceVersion)] {
            if let v { involved[k] = .string(v) }
        }
        var metadata: JSONObject = ["name": .string(name), "namespace": .string(namespace)]
        if !e.annotations.isEmpty {
            var a: JSONObject = [:]
            for k in e.annotations.keys.sorted() { a[k] = .string(e.annotations[k] ?? "") }
            metadata["annotations"] = .object(a)
        }
        let event: JSONValue = [
            "apiVersion": "v1", "kind": "Event", "metadata": .object(metadata),
            "involvedObject": .object(involved), "reason": .string(e.reason), "message": .string(e.message),
            "source": ["component": .string(component)],
            "firstTimestamp": .string(stamp), "lastTimestamp": .string(stamp), "count": 1,
            "type": .string(e.type.kubernetesType), "eventTime": nil, "reportingComponent": "", "reportingInstance": "",
        ]
        do {
            _ = try await client.create(KubeObject(event))
            remember(key, (namespace, name, 1))
        } catch {
            logger.error("Server rejected event (will not retry!)", metadata: ["reason": "\(e.reason)", "error": "\(error)"])
        }
    }

    private func remember(_ key: String, _ value: (namespace: String, name: String, count: Int64)) {
        if seen.updateValue(value, forKey: key) == nil {
            order.append(key)
            if order.count > Self.cacheSize {
                let evicted = order.removeFirst()
                seen[evicted] = nil
            }
        }
    }

    func waitForMarker(_ send: @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            markerWaiters.append(continuation)
            send()
        }
    }

    func finished() {
        for w in markerWaiters { w.resume() }
        markerWaiters = []
    }
}
