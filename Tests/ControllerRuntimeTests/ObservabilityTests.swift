import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus
import Testing
import KubeModel
@testable import ControllerRuntime

@Suite("Events forwarding, metrics, probes and logs")
struct ObservabilityTests {
    /// A loopback receiver standing in for the notification-controller.
    actor Received {
        var bodies: [String] = []
        var codes: [Int] = []
        func add(_ s: String) { bodies.append(s) }
    }

    static func receiver(status: HTTPResponse.Status, into received: Received) async throws -> (Task<Void, any Error>, Int) {
        let router = Router()
        router.post("/") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            await received.add(String(buffer: body))
            return Response(status: status)
        }
        let (ready, c) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { ch in c.yield(ch.localAddress?.port ?? 0) })
        let task = Task { try await app.run() }
        var it = ready.makeAsyncIterator()
        return (task, await it.next() ?? 0)
    }

    static func pending(_ type: EventType) -> EventRecorder.Pending {
        EventRecorder.Pending(
            reference: ObjectReference(kind: "HelmRelease", namespace: "default", name: "podinfo", uid: "u-1",
                                       apiVersion: "helm.toolkit.fluxcd.io/v2beta2", resourceVersion: "42"),
            type: type, reason: "InstallSucceeded", message: "Helm install succeeded for release default/podinfo.v1 with chart podinfo@6.5.3",
            annotations: ["helm.toolkit.fluxcd.io/revision": "6.5.3", "helm.toolkit.fluxcd.io/token": "sha256:abc"],
            time: .init(unixSeconds: 1_700_000_000, nanosecond: 5))
    }

    @Test("an event is POSTed once in Flux's JSON when the receiver answers 202")
    func forwardsOnce() async throws {
        let received = Received()
        let (server, port) = try await Self.receiver(status: .accepted, into: received)
        let forwarder = EventForwarder(address: "http://127.0.0.1:\(port)/", reportingInstance: "host-1", retryWaits: [])
        await forwarder.forward(Self.pending(.normal), component: "helm-controller")
        #expect(await received.bodies == [
            #"{"involvedObject":{"kind":"HelmRelease","namespace":"default","name":"podinfo","uid":"u-1","apiVersion":"helm.toolkit.fluxcd.io/v2beta2","resourceVersion":"42"},"severity":"info","timestamp":"2023-11-14T22:13:20Z","message":"Helm install succeeded for release default/podinfo.v1 with chart podinfo@6.5.3","reason":"InstallSucceeded","metadata":{"helm.toolkit.fluxcd.io/revision":"6.5.3","helm.toolkit.fluxcd.io/token":"sha256:abc"},"reportingController":"helm-controller","reportingInstance":"host-1"}"#,
        ])
        await forwarder.shutdown()
        server.cancel()
    }

    @Test("a 200 answer makes the sender POST the event a second time, as Flux's recorder does")
    func twiceOn200() async throws {
        let received = Received()
        let (server, port) = try await Self.receiver(status: .ok, into: received)
        let forwarder = EventForwarder(address: "http://127.0.0.1:\(port)/", reportingInstance: "h", retryWaits: [.milliseconds(1)])
        await forwarder.forward(Self.pending(.warning), component: "helm-controller")
        let bodies = await received.bodies
        #expect(bodies.count == 2)
        #expect(bodies.first?.contains(#""severity":"error""#) == true)
        await forwarder.shutdown()
        server.cancel()
    }

    @Test("Flux's metrics appear on /metrics, and /readyz reflects readiness")
    func probes() async throws {
        let registry = PrometheusCollectorRegistry()
        let flux = FluxMetrics(registry: registry)
        flux.recordCondition(kind: "HelmRelease", namespace: "default", name: "podinfo",
                             condition: Condition(type: "Ready", status: .true, reason: "Succeeded"))
        flux.recordSuspend(kind: "HelmRelease", namespace: "default", name: "podinfo", suspended: false)
        flux.recordDuration(kind: "HelmRelease", namespace: "default", name: "podinfo", .milliseconds(120))
        actor Flag { var ready = false; func set() { ready = true } }
        let flag = Flag()
        let server = try ProbeServer(address: "127.0.0.1:0", metrics: [registry, flux]) { await flag.ready ? nil : "caches not synced: x" }
        let (ports, c) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { c.yield($0) } }
        var it = ports.makeAsyncIterator()
        let port = await it.next() ?? 0
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        func get(_ path: String) async throws -> (Int, String) {
            let r = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
            return (Int(r.status.code), String(buffer: try await r.body.collect(upTo: 1 << 20)))
        }
        let (code, metrics) = try await get("/metrics")
        #expect(code == 200)
        #expect(metrics.contains(#"gotk_reconcile_condition{kind="HelmRelease",name="podinfo",namespace="default",type="Ready",status="True"} 1"#))
        #expect(metrics.contains(#"gotk_reconcile_condition{kind="HelmRelease",name="podinfo",namespace="default",type="Ready",status="False"} 0"#))
        #expect(metrics.contains(#"gotk_suspend_status{kind="HelmRelease",name="podinfo",namespace="default"} 0"#))
        #expect(metrics.contains("# HELP gotk_reconcile_condition The current condition status of a GitOps Toolkit resource reconciliation.\n# TYPE gotk_reconcile_condition gauge\n"))
        #expect(metrics.contains("gotk_reconcile_duration_seconds_bucket"))
        #expect(try await get("/healthz") == (200, "ok"))
        #expect(try await get("/readyz") == (500, "caches not synced: x"))
        await flag.set()
        #expect(try await get("/readyz") == (200, "ok"))
        try await http.shutdown()
        task.cancel()
    }

    @Test("log lines are JSON with Flux's keys in zap's order")
    func jsonLogs() {
        let sink = LogSink(handles: [], keepRecent: 10)
        var logger = Logger(label: "swiftflux") { label in JSONLogHandler(label: label, sink: sink) }
        logger[metadataKey: "controller"] = "helmrelease"
        logger[metadataKey: "controllerGroup"] = "helm.toolkit.fluxcd.io"
        logger[metadataKey: "controllerKind"] = "HelmRelease"
        logger[metadataKey: "name"] = "podinfo"
        logger[metadataKey: "namespace"] = "default"
        logger[metadataKey: "reconcileID"] = "r-1"
        logger.info("release in-sync with desired state", metadata: ["revision": "6.5.3"])
        logger.debug("not shown at info level")
        let lines = sink.recentLines
        #expect(lines.count == 1)
        let line = lines.first ?? ""
        #expect(line.hasPrefix(#"{"level":"info","ts":""#))
        #expect(line.hasSuffix(#""msg":"release in-sync with desired state","controller":"helmrelease","controllerGroup":"helm.toolkit.fluxcd.io","controllerKind":"HelmRelease","HelmRelease":{"name":"podinfo","namespace":"default"},"revision":"6.5.3","namespace":"default","name":"podinfo","reconcileID":"r-1"}"# + "\n"))
    }
}
