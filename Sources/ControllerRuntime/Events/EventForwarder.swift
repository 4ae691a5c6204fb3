import AsyncHTTPClient
import Foundation
import GoCompat
import Logging
import NIOCore
import NIOHTTP1

/// POSTs events to the notification-controller (`--events-addr`), as
/// `fluxcd/pkg/runtime/events.Recorder` does:
/// - only events of namespaced objects, never Trace events;
/// - one plain POST (`Content-Type: application/json`, 5 s); a 202 or 429 answer ends the send;
/// - anything else (including 200) or a transport error → a retrying send: up to 5 attempts on
///   connection errors, 429 and 5xx except 501, waiting 1, 2, 4, 8 s (or `Retry-After` seconds on
///   429/503); failures are only logged.
///
/// Owns its `HTTPClient`; call `shutdown()` once when done.
public final class EventForwarder: Sendable {
    public let address: String
    let reportingInstance: String
    let http: HTTPClient
    let logger: Logger
    let retryWaits: [Duration]

    /// - Parameter address: the events endpoint URL (e.g. `http://notification-controller.flux-system.svc.cluster.local./`).
    public init(address: String, reportingInstance: String = ProcessInfo.processInfo.hostName,
                retryWaits: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)],
                logger: Logger = Logger(label: "events")) {
        self.address = address
        self.reportingInstance = reportingInstance
        self.retryWaits = retryWaits
        self.logger = logger
        http = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    func forward(_ e: EventRecorder.Pending, component: String) async {
        let ref = e.reference
        guard let kind = ref.kind, !kind.isEmpty, let name = ref.name, !name.isEmpty, let ns = ref.namespace, !ns.isEmpty else { return }
        let event = FluxEvent(involvedObject: ref, severity: e.type.severity, timestamp: GoTime(unixSeconds: e.time.unixSeconds).rfc3339,
                              message: e.message, reason: e.reason, metadata: e.annotations.isEmpty ? nil : e.annotations,
                              reportingController: component, reportingInstance: reportingInstance.isEmpty ? nil : reportingInstance)
        guard let body = try? event.jsonBytes() else { return }
        if let code = await post(body), code == 202 || code == 429 { return }
        for attempt in 0...retryWaits.count {
            let code = await post(body)
            if let code, !(code == 429 || (code >= 500 && code != 501)) {
                if !(200..<300).contains(code) {
                    logger.error("unable to record event", metadata: ["status": "\(code)", "reason": "\(e.reason)"])
                }
                return
            }
            guard attempt < retryWaits.count else { break }
            try? await Task.sleep(for: retryWaits[attempt])
        }
        logger.error("unable to record event: giving up after retries", metadata: ["reason": "\(e.reason)"])
    }

    /// One POST; the status code, or nil on a transport error.
    func post(_ body: [UInt8]) async -> Int? {
        var request = HTTPClientRequest(url: address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await http.execute(request, timeout: .seconds(5))
            _ = try? await response.body.collect(upTo: 1 << 20)
            return Int(response.status.code)
        } catch {
            return nil
        }
    }
}
