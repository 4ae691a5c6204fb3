import ControllerRuntime
import FluxAPI
import FluxCRDs
import Foundation
import KubeClient
import KubeModel
import Logging
import SourceController
import StructuredData
import SwiftFluxTesting
import Testing

/// The source-controller running for one test: an in-memory embedded API server with Flux's CRDs,
/// a namespace, the controller manager and `SourceController.register` with a temporary storage
/// and the artifact server on a free loopback port.
final class SourceHarness: Sendable {
    let server: TestAPIServer
    let client: KubeClient
    let manager: ControllerManager
    let handle: SourceControllerHandle
    let namespace = "flux-test"
    let storage: String
    private let task: Task<Void, Never>

    private init(server: TestAPIServer, client: KubeClient, manager: ControllerManager, handle: SourceControllerHandle,
                 storage: String, task: Task<Void, Never>) {
        self.server = server
        self.client = client
        self.manager = manager
        self.handle = handle
        self.storage = storage
        self.task = task
    }

    /// Runs `body` with a started harness; always stops it.
    static func with(configure: (inout SourceControllerOptions) -> Void = { _ in },
                     _ body: (SourceHarness) async throws -> Void) async throws {
        let harness = try await start(configure: configure)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    static func start(configure: (inout SourceControllerOptions) -> Void) async throws -> SourceHarness {
        let server = try await TestAPIServer.start()
        var config = try KubeConfig.load(paths: [server.kubeconfigPath]).clientConfig()
        // Flux controllers' --kube-api-qps/--kube-api-burst defaults.
        config.qps = 50
        config.burst = 300
        let client = KubeClient(config: config, transport: try HTTPTransport(config: config))
        for crd in FluxCRDCatalog.all { _ = try await client.create(KubeObject(try crd.manifest())) }
        let ready = try await eventually(within: .seconds(30)) {
            let charts = (try? await client.list(HelmChart.apiResource, in: .named("default"))) != nil
            let buckets = (try? await client.list(Bucket.apiResource, in: .named("default"))) != nil
            return charts && buckets
        }
        try #require(ready, "the Flux CRDs were not served")
        _ = try await client.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-test"]]))

        var managerOptions = ManagerOptions()
        managerOptions.minRetryDelay = .milliseconds(100)
        managerOptions.maxRetryDelay = .seconds(2)
        var logger = Logger(label: "source-controller-test")
        logger.logLevel = ProcessInfo.processInfo.environment["SOURCE_TEST_LOG"] == nil ? .critical : .debug
        let runtime = ControllerRuntime(client: client, options: managerOptions,
                                        ownKinds: [HelmRepository.apiResource, HelmChart.apiResource], logger: logger)
        let manager = ControllerManager(name: "source-controller", runtime: runtime)
        let storage = NSTemporaryDirectory() + "swiftflux-source-\(UUID().uuidString)"
        var options = SourceControllerOptions(environment: [:])
        options.storagePath = storage
        options.storageAddress = "127.0.0.1:0"
        configure(&options)
        let handle = try await SourceController.register(on: manager, options: options)
        let task = Task { _ = await manager.run() }
        return SourceHarness(server: server, client: client, manager: manager, handle: handle, storage: storage, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.value
        await manager.runtime.factory.shutdown()
        await handle.shutdown()
        await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(atPath: storage)
    }

    // MARK: objects

    func create<T: KubeResource>(_ object: T) async throws {
        _ = try await client.create(object)
    }

    func helmChart(_ name: String) async throws -> HelmChart { try await client.get(HelmChart.self, namespace: namespace, name: name) }

    func helmRepository(_ name: String) async throws -> HelmRepository {
        try await client.get(HelmRepository.self, namespace: namespace, name: name)
    }

    /// Polls the HelmChart until `condition` holds (30 s), returning it.
    @discardableResult
    func waitForChart(_ name: String, within: Duration = .seconds(30), _ condition: @escaping (HelmChart) -> Bool) async throws -> HelmChart {
        var last: HelmChart?
        let ok = try await eventually(within: within) {
            last = try? await self.helmChart(name)
            return last.map(condition) ?? false
        }
        try #require(ok, "HelmChart \(name) never reached the expected state; last status: \(String(describing: last.map(\.status)))")
        return try await helmChart(name)
    }

    @discardableResult
    func waitForRepository(_ name: String, within: Duration = .seconds(30), _ condition: @escaping (HelmRepository) -> Bool) async throws -> HelmRepository {
        var last: HelmRepository?
        let ok = try await eventually(within: within) {
            last = try? await self.helmRepository(name)
            return last.map(condition) ?? false
        }
        try #require(ok, "HelmRepository \(name) never reached the expected state; last status: \(String(describing: last.map(\.status)))")
        return try await helmRepository(name)
    }

    /// Sets `reconcile.fluxcd.io/requestedAt` to `token` (a `flux reconcile`).
    func requestReconcile<T: KubeResource>(_ type: T.Type, _ name: String, token: String) async throws {
        _ = try await client.patch(T.apiResource, namespace: namespace, name: name, type: .merge,
                                   body: ["metadata": ["annotations": .object([FluxAnnotations.reconcileRequestedAt: .string(token)])]])
    }

    // MARK: events

    struct RecordedEvent: Equatable, CustomStringConvertible {
        var type: String
        var reason: String
        var message: String
        var annotations: [String: String]
        var count: Int
        var description: String { "\(type) \(reason) ×\(count): \(message) \(annotations)" }
    }

    /// The Kubernetes Events recorded about `kind/name` so far, oldest first.
    func events(_ kind: String, _ name: String) async throws -> [RecordedEvent] {
        await manager.events.flush()
        let list = try await client.list(APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true),
                                         in: .named(namespace))
        return list.items.filter {
            $0.raw[path: ["involvedObject", "kind"]]?.stringValue == kind && $0.raw[path: ["involvedObject", "name"]]?.stringValue == name
        }.sorted { ($0.raw["firstTimestamp"]?.stringValue ?? "", $0.name) < ($1.raw["firstTimestamp"]?.stringValue ?? "", $1.name) }
        .map { event in
            var annotations: [String: String] = [:]
            if case .object(let o)? = event.raw[path: ["metadata", "annotations"]] {
                for (k, v) in o { annotations[k] = v.stringValue ?? "" }
            }
            return RecordedEvent(type: event.raw["type"]?.stringValue ?? "", reason: event.raw["reason"]?.stringValue ?? "",
                                 message: event.raw["message"]?.stringValue ?? "", annotations: annotations,
                                 count: Int(event.raw["count"]?.intValue ?? 1))
        }
    }

    /// Events of `kind/name` with `reason`.
    func events(_ kind: String, _ name: String, reason: String) async throws -> [RecordedEvent] {
        try await events(kind, name).filter { $0.reason == reason }
    }
}

/// Polls `condition` every 20 ms until it holds or `within` passes.
func eventually(within: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + within
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
