import ArtifactHTTP
import ArtifactStorage
import ControllerRuntime
import Crypto
import FluxAPI
import FluxCRDs
import Foundation
import GoCompat
import HelmController
import KubeClient
import KubeModel
import Logging
import StructuredData
import SwiftFluxTesting

/// The helm-controller running on an embedded API server with the Flux CRDs, its charts served by
/// a real artifact server, and a stand-in source-controller that gives every HelmChart the
/// artifact of the chart version the test published.
final class Harness: @unchecked Sendable {
    let server: TestAPIServer
    let client: KubeClient
    let transport: HTTPTransport
    let artifactRoot: String
    private(set) var artifactPort = 0
    private var tasks: [Task<Void, Never>] = []
    private var stopController: (@Sendable () async -> Void)?
    let charts = PublishedCharts()
    private(set) var manager: ControllerManager?

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/charts").path

    private init(server: TestAPIServer, client: KubeClient, transport: HTTPTransport, artifactRoot: String) {
        self.server = server
        self.client = client
        self.transport = transport
        self.artifactRoot = artifactRoot
    }

    /// Starts everything; `body` runs with the harness, which is torn down afterwards.
    /// Controller options with Helm's polling shortened for tests.
    static var fastOptions: HelmControllerOptions {
        var o = HelmControllerOptions()
        o.waitInterval = .milliseconds(100)
        o.hookInterval = .milliseconds(50)
        return o
    }

    static func with(options: HelmControllerOptions = Harness.fastOptions, _ body: (Harness) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        var config = try KubeConfig.load(paths: [server.kubeconfigPath]).clientConfig(namespace: "default")
        // Flux controllers' --kube-api-qps/--kube-api-burst defaults (client-go's 5/10 throttles a controller).
        config.qps = 50
        config.burst = 300
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        let root = server.directory + "/artifacts"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let harness = Harness(server: server, client: client, transport: transport, artifactRoot: root)
        do {
            try await harness.installCRDs()
            try await harness.startArtifactServer()
            harness.startFakeSource()
            await harness.startController(options)
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func appendTask(_ task: Task<Void, Never>) { tasks.append(task) }

    func stop() async {
        for t in tasks { t.cancel() }
        for t in tasks { await t.value }
        await manager?.runtime.factory.shutdown()
        await stopController?()
        try? await transport.shutdown()
        await server.stop()
    }

    func installCRDs() async throws {
        for crd in FluxCRDCatalog.all { _ = try await client.create(KubeObject(try crd.manifest())) }
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if (try? await client.list(HelmRelease.self, in: .all)) != nil, (try? await client.list(HelmChart.self, in: .all)) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("CRDs not served")
    }

    func startArtifactServer() async throws {
        let server = ArtifactServer(root: artifactRoot, address: StorageAddress(host: "127.0.0.1", port: 0))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        tasks.append(Task { try? await server.run { continuation.yield($0) } })
        var iterator = ports.makeAsyncIterator()
        artifactPort = await iterator.next() ?? 0
    }

    func startController(_ options: HelmControllerOptions) async {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["HC_DEBUG"] != nil ? .debug : .error
        var managerOptions = ManagerOptions()
        managerOptions.minRetryDelay = .milliseconds(50)
        managerOptions.maxRetryDelay = .seconds(2)
        managerOptions.gracefulShutdownTimeout = .zero
        let runtime = ControllerRuntime(client: client, options: managerOptions, ownKinds: [HelmRelease.apiResource], logger: logger)
        let manager = ControllerManager(name: "helm-controller", runtime: runtime)
        self.manager = manager
        stopController = await HelmController.register(on: manager, options: options)
        tasks.append(Task { _ = await manager.run() })
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
