import APIServer
import ArgumentParser
import ArtifactStorage
import AsyncHTTPClient
import ControllerRuntime
import FluxAPI
import FluxCRDs
import Foundation
import KubeClient
import KubeModel
import Logging
import OCIRegistry
import RegistryTesting
import SourceController
import StructuredData

/// `swiftflux bench helmchart`: the HelmChart row of flux-benchmark — N HelmCharts from one OCI
/// HelmRepository (podinfo 6.5.3 in a real Distribution registry on loopback) reconciled to
/// Ready by the source-controller on an in-process embedded API server. Prints the time from
/// the controller's start until every chart is Ready, and the process RSS.
struct BenchHelmChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helmchart",
        abstract: "Benchmark N HelmCharts from one OCI HelmRepository to Ready (real registry, embedded API server)")

    @Option(help: "HelmCharts to create.")
    var objects: Int = 1000
    @Option(help: "Concurrent reconciles (flux-benchmark runs source-controller with --concurrent=10).")
    var concurrent: Int = 10
    @Option(help: "Chart directory pushed to the registry.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    func run() async throws {
        let archive = try Self.package(chart)
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try await BenchMTTPCommand.push(archive, to: registry.host)
        print("registry: podinfo 6.5.3 pushed to oci://\(registry.host)/charts (\(archive.count) bytes)")

        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: 0, inMemory: true, tls: true, historyLimit: objects * 20 + 10_000, logLevel: .critical))
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { readyContinuation.yield($0) } }
        defer { serving.cancel() }
        var readyIterator = ready.makeAsyncIterator()
        guard let url = await readyIterator.next() else { throw ValidationError("server did not start") }
        let config = ClientConfig(server: url, caData: Array(server.credentials.caCertificatePEM.utf8),
                                  bearerToken: server.credentials.token, qps: 0)
        try await KubeClient.withClient(config: config) { client in try await measure(client, registry: registry.host) }
    }

    func measure(_ client: KubeClient, registry: String) async throws {
        let setupStart = ContinuousClock.now
        for crd in FluxCRDCatalog.owned(by: "source-controller") { _ = try await client.create(KubeObject(try crd.manifest())) }
        let deadline = ContinuousClock.now + .seconds(60)
        while (try? await client.list(HelmChart.apiResource, in: .named("default"))) == nil {
            guard ContinuousClock.now < deadline else { throw ValidationError("the HelmChart CRD was not served") }
            try await Task.sleep(for: .milliseconds(50))
        }
        _ = try await client.create(KubeObject(JSONValueLiteral.namespace("helm-benchmark")))
        var repositorySpec = HelmRepositorySpec(url: "oci://\(registry)/charts")
        repositorySpec.type = .oci
        repositorySpec.insecure = true
        repositorySpec.interval = "12h"
        repositorySpec.timeout = "2m"
        _ = try await client.create(HelmRepository(metadata: ObjectMeta(name: "podinfo", namespace: "helm-benchmark"), spec: repositorySpec))
        try await BenchMTTPCommand.createAll(objects) { i in try await BenchMTTPCommand.createChart(client, index: i) }
        print("setup: source CRDs, 1 OCI HelmRepository and \(objects) HelmCharts created in \(BenchRuntimeCommand.seconds(ContinuousClock.now - setupStart)) s")
        let baseline = ProcessMemory.residentMiB ?? 0

        let storage = FileManager.default.temporaryDirectory.path + "/swiftflux-bench-helmchart-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: storage) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        var managerOptions = ManagerOptions()
        managerOptions.concurrent = concurrent
        let runtime = ControllerRuntime(client: client, options: managerOptions, ownKinds: [HelmRepository.apiResource, HelmChart.apiResource],
                                        logger: logger)
        let manager = ControllerManager(name: "source-controller", runtime: runtime)
        var options = SourceControllerOptions(environment: [:])
        options.storagePath = storage
        options.storageAddress = "127.0.0.1:0"
        let start = ContinuousClock.now
        let handle = try await SourceController.register(on: manager, options: options)
        let running = Task { _ = await manager.run() }
        var readyCount = 0
        while readyCount < objects {
            try await Task.sleep(for: .milliseconds(250))
            let charts = try await client.list(HelmChart.self, in: .named("helm-benchmark"))
            readyCount = charts.filter { $0.isReady && $0.observedGeneration == $0.generation }.count
            if ContinuousClock.now - start > .seconds(600) {
                throw ValidationError("only \(readyCount) of \(objects) HelmCharts were Ready after 600 s")
            }
        }
        let total = ContinuousClock.now - start
        let rss = ProcessMemory.residentMiB ?? 0
        running.cancel()
        _ = await running.value
        await runtime.factory.shutdown()
        await handle.shutdown()
        print("\(objects) HelmCharts Ready in \(BenchRuntimeCommand.seconds(total)) s (--concurrent=\(concurrent))")
        print("RSS: \(rss) MiB (before the controller started: \(baseline) MiB; peak \(ProcessMemory.peakResidentMiB ?? 0) MiB), whole process incl. the embedded API server")
    }

    /// The chart directory as `helm package` lays it out (`<name>/<files>`, sorted).
    static func package(_ directory: String) throws -> [UInt8] {
        var builder = TarGzBuilder()
        let name = "podinfo"
        for relative in try FileManager.default.subpathsOfDirectory(atPath: directory).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            builder.addFile(name + "/" + relative, Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relative))))
        }
        return try builder.build()
    }
}
