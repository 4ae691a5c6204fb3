import Foundation
import GoCompat
import KubeClient
import KubeModel
import Logging
import StructuredData

/// Records events as Flux's controllers do (`fluxcd/pkg/runtime/events.Recorder` over client-go's
/// event recorder).
///
/// Contract:
/// - Every event becomes a Kubernetes `Event` in the object's namespace (`default` for
///   cluster-scoped objects) named `<object>.<hex unix nanoseconds>`, with `source.component` =
///   the controller name, the metadata as annotations, type `Normal` (also for `Trace`) or `Warning`.
///   A repeat of an identical event (same object, type, reason, message) patches the existing one:
///   `count` + 1 and `lastTimestamp` (client-go's correlator).
/// - Normal and Warning events of namespaced objects are also POSTed to the notification-controller
///   when an events address is configured (see `EventForwarder`). Trace events never are.
/// - Recording never fails the caller and never blocks on the API server: events are written in
///   order by a background task from a buffer of `bufferSize` (excess events are dropped and logged,
///   like client-go's broadcaster).
public final class EventRecorder: Sendable {
    public let component: String
    let sink: EventSink
    let forwarder: EventForwarder?
    private let continuation: AsyncStream<Pending>.Continuation
    private let logger: Logger

    struct Pending: Sendable {
        var reference: ObjectReference
        var type: EventType
        var reason: String
        var message: String
        var annotations: [String: String]
        var time: GoTime
    }

    public init(client: KubeClient, component: String, forwarder: EventForwarder? = nil, bufferSize: Int = 1000,
                logger: Logger = Logger(label: "events")) {
        self.component = component
        self.forwarder = forwarder
        self.logger = logger
        let sink = EventSink(client: client, component: component, logger: logger)
        self.sink = sink
        let (stream, continuation) = AsyncStream<Pending>.makeStream(bufferingPolicy: .bufferingOldest(bufferSize))
        self.continuation = continuation
        Task {
            for await pending in stream {
                await sink.write(pending)
                if let forwarder, pending.type != .trace { await forwarder.forward(pending, component: component) }
            }
            await sink.finished()
        }
    }

    /// Records an event about `object` (Flux's `AnnotatedEventf`).
    public func event(_ object: KubeObject, type: EventType, reason: String, message: String, annotations: [String: String] = [:]) {
        record(ObjectReference(object), type: type, reason: reason, message: message, annotations: annotations)
    }

    /// Records an event about a typed object.
    public func event<T: KubeResource>(_ object: T, type: EventType, reason: String, message: String, annotations: [String: String] = [:]) {
        let m = object.metadata
        let reference = ObjectReference(kind: T.apiResource.kind, namespace: m.namespace ?? "", name: m.name ?? "", uid: m.uid ?? "",
                                        apiVersion: T.apiResource.apiVersion, resourceVersion: m.resourceVersion ?? "")
        record(reference, type: type, reason: reason, message: message, annotations: annotations)
    }

    func record(_ reference: ObjectReference, type: EventType, reason: String, message: String, annotations: [String: String]) {
        let pending = Pending(reference: reference, type: type, reason: reason, message: message, annotations: annotations, time: .now())
        if case .dropped = continuation.yield(pending) {
            logger.error("event buffer full, dropping event", metadata: ["reason": "\(reason)", "object": "\(reference.name ?? "")"])
        }
    }

    /// Waits until every event recorded so far has been written (tests, shutdown).
    public func flush() async {
        let marker = Pending(reference: ObjectReference(kind: "", namespace: "", name: "", uid: "", apiVersion: "", resourceVersion: ""),
                             type: .trace, reason: EventSink.flushMarker, message: "", annotations: [:], time: .now())
        await sink.waitForMarker { continuation.yield(marker) }
    }

    /// Stops accepting events; the background task writes what is buffered and ends.
    public func shutdown() { continuation.finish() }
}
