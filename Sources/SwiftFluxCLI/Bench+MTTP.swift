import APIServer
import ArgumentParser
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
import StructuredData

/// `swiftflux bench mttp`: flux-benchmark's "Mean Time To Production" on SwiftFlux. The objects of
/// flux-benchmark's `HR=N` bundle (namespace `helm-benchmark`, ServiceAccount `flux` bound to
/// `admin`, one `insecure` OCI HelmRepository with podinfo 6.5.3 in a real Distribution registry,
/// N HelmReleases with drift detection enabled) are applied at once to `swiftflux up`'s pieces in
/// this process (embedded API server, source- and helm-controllers), and timed until every one is
/// Ready with its `observedGeneration` caught up; `--upgrade` then changes every release's values
/// (the CPU request, as the benchmark's `MCPU`) and times the second wave.
struct BenchMTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mttp",
        abstract: "flux-benchmark's MTTP: N HelmReleases (or HelmCharts) applied at once, timed until all are Ready")

    @Option(help: "What to apply: helmrelease (N HelmReleases and the N HelmCharts they make) or helmchart (N HelmCharts).")
    var kind: String = "helmrelease"
    @Option(help: "How many objects.")
    var objects: Int = 100
    @Flag(help: "After the first wave, change every HelmRelease's values and time the upgrade.")
    var upgrade = false
    @Option(help: "Concurrent reconciles per controller (flux-benchmark runs both controllers with --concurrent=10).")
    var concurrent: Int = 10
    @Option(help: "Give up after this many seconds per wave.")
    var timeout: Int = 600
    @Option(help: "Chart directory pushed to the registry as podinfo 6.5.3.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"
    @Option(name: .customLong("stop-registry-after"), help: "Stop the registry once this many objects are Ready (failure-mode check).")
    var stopRegistryAfter: Int?
    @Flag(help: "After each row, the API requests of that wave by verb and resource.")
    var requests = false
    @Flag(name: .customLong("controllers-only"), help: "Run only the controllers here, against the cluster of --kubeconfig (the peak RSS is then the controllers' alone). The namespace helm-benchmark must not exist; it is deleted at the end.")
    var controllersOnly = false
    @Option(help: "The kubeconfig of the cluster for --controllers-only (its current context).")
    var kubeconfig: String?

    enum Kind: String { case helmrelease, helmchart }

    func validate() throws {
        guard Kind(rawValue: kind) != nil else {
            throw ValidationError("unsupported --kind \"\(kind)\": helmrelease or helmchart (ocirepository and kustomization need controllers not built yet)")
        }
        guard objects > 0 else { throw ValidationError("--objects must be positive") }
        guard FileManager.default.fileExists(atPath: chart + "/Chart.yaml") else { throw ValidationError("no chart at \(chart)") }
        if controllersOnly && kubeconfig == nil { throw ValidationError("--controllers-only needs --kubeconfig") }
        if !controllersOnly && kubeconfig != nil { throw ValidationError("--kubeconfig is only for --controllers-only") }
    }

    func run() async throws {
        let kind = Kind(rawValue: self.kind) ?? .helmrelease
        let archive = try BenchHelmChartCommand.package(chart)
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try await Self.push(archive, to: registry.host)

        let target: MTTPTarget
        if let kubeconfig { target = try MTTPTarget.cluster(kubeconfig: kubeconfig) } else { target = try await MTTPTarget.embedded() }
        do {
            try await run(kind: kind, target: target, registry: registry)
            await target.stop()
        } catch {
            await target.stop()
            throw error
        }
    }

    func run(kind: Kind, target: MTTPTarget, registry: TestRegistry) async throws {
        let counter = CountingTransport(target.transport)
        let client = KubeClient(config: target.config, transport: counter)
        let served = try? await client.resource(for: GroupVersionKind(group: FluxGroups.helm, version: "v2beta2", kind: "HelmRelease"))
        if target.server != nil || served == nil { try await UpCommand.installCRDs(client) }
        let namespaces = APIResource(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
        let existing = try? await client.get(namespaces, namespace: nil, name: "helm-benchmark")
        if target.server == nil, existing != nil {
            throw ValidationError("namespace helm-benchmark already exists: delete it before a --controllers-only run")
        }
        try await UpCommand.ensureNamespace(client, "flux-system")
        try await Self.createBenchmarkNamespace(client, registry: registry.host)

        let storage = FileManager.default.temporaryDirectory.path + "/swiftflux-bench-mttp-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: storage) }
        let flags = try ControllerFlags.parse([
            "--controllers", kind == .helmrelease ? "source,helm" : "source", "--concurrent", String(concurrent),
            "--metrics-addr", "", "--health-addr", "", "--storage-addr", "127.0.0.1:0", "--storage-path", storage,
            "--snapshot-digest-algo", "sha256",
        ])
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let set = try await ControllerSet.make(client: client, flags: flags, runtimeNamespace: "flux-system", storagePath: storage,
                                               logger: logger)
        let running = Task { await set.run() }
        await set.waitForSync()
        let sampler = MemorySampler()
        let sampling = Task { await sampler.run() }
        defer { sampling.cancel() }

        let waves = upgrade && kind == .helmrelease ? 2 : 1
        var failure: String?
        print("objects  kind                 duration  peak RSS  API requests  reconciles")
        for wave in 0..<waves {
            await sampler.reset()
            let requestsBefore = counter.snapshot()
            let start = ContinuousClock.now
            if wave == 0 {
                try await Self.createAll(objects) { i in
                    kind == .helmrelease ? try await Self.createRelease(client, index: i, mcpu: 100)
                                         : try await Self.createChart(client, index: i)
                }
            } else {
                try await Self.createAll(objects) { i in try await Self.upgradeRelease(client, index: i, mcpu: 2) }
            }
            let before = set.runtime.reconcileCounts()
            let outcome = try await waitAll(client, runtime: set.runtime, kind: kind, start: start, registry: registry)
            let after = set.runtime.reconcileCounts()
            let requestsAfter = counter.snapshot()
            let sent = CountingTransport.total(requestsAfter, minus: requestsBefore)
            let peak = await sampler.peak
            let label = wave == 0 ? "" : ", upgrade"
            if let chartsDone = outcome.chartsDone, kind == .helmrelease, wave == 0 {
                print(Self.row(objects, "HelmChart", chartsDone, peak, nil, after["helmchart", default: 0] - before["helmchart", default: 0]))
            }
            let name = kind == .helmrelease ? "HelmRelease\(label)" : "HelmChart"
            let controller = kind == .helmrelease ? "helmrelease" : "helmchart"
            if let done = outcome.done {
                print(Self.row(objects, name, done, peak, sent, after[controller, default: 0] - before[controller, default: 0]))
                if requests { print(CountingTransport.breakdown(requestsAfter, minus: requestsBefore)) }
            } else {
                print(Self.row(objects, name + " (not all Ready)", ContinuousClock.now - start, peak, sent,
                               after[controller, default: 0] - before[controller, default: 0]))
                failure = outcome.report
                break
            }
        }
        if requests, let server = target.server {
            let footprint = await server.api.store.footprint()
            print("stored objects (JSON size):")
            for row in footprint.objects.prefix(12) { print("  \(row.count) \(row.resource): \(row.bytes >> 10) KiB") }
            print("  watch history: \(footprint.historyEvents) events, \(footprint.historyBytes >> 10) KiB")
        }
        running.cancel()
        await running.value
        if target.server == nil { _ = try? await client.delete(namespaces, namespace: nil, name: "helm-benchmark") }
        if let failure {
            FileHandle.standardError.write(Data(failure.utf8))
            throw ExitCode(1)
        }
    }

    /// One table row; `requests` is nil for the HelmChart row of a HelmRelease wave (its requests
    /// are counted in the HelmRelease row, which covers the whole wave).
    static func row(_ n: Int, _ kind: String, _ duration: Duration, _ peakMiB: Int, _ requests: Int?, _ reconciles: Int) -> String {
        let seconds = duration.seconds
        let padded = kind.padding(toLength: max(kind.count, 20), withPad: " ", startingAt: 0)
        let count = requests.map { String($0) } ?? "-"
        let sent = String(repeating: " ", count: max(0, 12 - count.count)) + count
        return String(format: "%7d  %@ %8.1fs  %5d MiB  %@  %d (%.0f/s)", n, padded, seconds, peakMiB, sent, reconciles,
                      seconds > 0 ? Double(reconciles) / seconds : 0)
    }

    struct Outcome {
        var done: Duration?
        var chartsDone: Duration?
        var report = ""
    }

    /// Waits until every object is Ready with its generation observed, or the timeout passes;
    /// then the report names each object that is not Ready, with its Ready condition.
    ///
    /// Progress is read from the controllers' own informer caches every 100 ms (no API requests,
    /// no decoding, so the measurement does not load the process it measures); the moment the
    /// cache says every object is current is confirmed by one LIST from the server, and the wave
    /// ends at the time of that confirmation.
    func waitAll(_ client: KubeClient, runtime: ControllerRuntime, kind: Kind, start: ContinuousClock.Instant,
                 registry: TestRegistry) async throws -> Outcome {
        var outcome = Outcome()
        var registryStopped = false
        let charts = await runtime.cache.informer(HelmChart.self)
        let releases = await runtime.cache.informer(HelmRelease.self)
        while true {
            try await Task.sleep(for: .milliseconds(100))
            let cachedCharts = outcome.chartsDone == nil || kind == .helmchart ? await charts.list(namespace: "helm-benchmark") : []
            let readyCharts = cachedCharts.filter(Self.isCurrent).count
            if outcome.chartsDone == nil, readyCharts >= objects,
               try await Self.confirmed(client, HelmChart.apiResource, objects) {
                outcome.chartsDone = ContinuousClock.now - start
            }
            let watched = kind == .helmrelease ? await releases.list(namespace: "helm-benchmark") : cachedCharts
            let readyCount = kind == .helmrelease ? watched.filter(Self.isCurrent).count : readyCharts
            let resource = kind == .helmrelease ? HelmRelease.apiResource : HelmChart.apiResource
            if readyCount >= objects, try await Self.confirmed(client, resource, objects) {
                outcome.done = ContinuousClock.now - start
                return outcome
            }
            if let stopAfter = stopRegistryAfter, !registryStopped, readyCount >= stopAfter {
                registry.stop()
                registryStopped = true
                print("registry stopped with \(readyCount) objects Ready")
            }
            if ContinuousClock.now - start > .seconds(timeout) {
                let listed = try await client.listAll(resource, in: .named("helm-benchmark")).items
                let pending = listed.filter { !Self.isCurrent($0) }.map { ($0.name, Self.readyText($0)) }
                var report = "\(pending.count) of \(objects) objects not Ready after \(timeout) s:\n"
                for (name, text) in pending.sorted(by: { $0.0 < $1.0 }).prefix(50) { report += "  helm-benchmark/\(name): \(text)\n" }
                if pending.count > 50 { report += "  … and \(pending.count - 50) more\n" }
                outcome.report = report
                return outcome
            }
        }
    }

    /// True when a LIST from the server shows at least `count` current objects of `resource`.
    static func confirmed(_ client: KubeClient, _ resource: APIResource, _ count: Int) async throws -> Bool {
        try await client.listAll(resource, in: .named("helm-benchmark")).items.filter(isCurrent).count >= count
    }

    /// Ready=True with `status.observedGeneration` equal to `metadata.generation`, read from the raw object.
    static func isCurrent(_ object: KubeObject) -> Bool {
        object.isTrue(ConditionType.ready) && object.raw[path: ["status", "observedGeneration"]]?.intValue == object.generation
    }

    static func readyText(_ object: KubeObject) -> String {
        guard let ready = object.condition(ConditionType.ready) else { return "no Ready condition yet" }
        return "Ready=\(ready.status.rawValue) \(ready.reason): \(ready.message)"
    }

    // MARK: the benchmark's objects

    static func push(_ archive: [UInt8], to host: String) async throws {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let config = Array(#"{"apiVersion":"v2","name":"podinfo","version":"6.5.3"}"#.utf8)
            try await client.pushHelmChart(archive, configJSON: config, to: "oci://\(host)/charts/podinfo:6.5.3")
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// The namespace, the `flux` ServiceAccount bound to `admin`, and the OCI HelmRepository.
    static func createBenchmarkNamespace(_ client: KubeClient, registry: String) async throws {
        let ns = "helm-benchmark"
        try await UpCommand.ensureNamespace(client, ns)
        _ = try await client.create(KubeObject(["apiVersion": "v1", "kind": "ServiceAccount",
                                                "metadata": ["name": "flux", "namespace": .string(ns)]]))
        _ = try await client.create(KubeObject([
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
            "metadata": ["name": "flux", "namespace": .string(ns)],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin"],
            "subjects": [["kind": "ServiceAccount", "name": "flux", "namespace": .string(ns)]],
        ]))
        var spec = HelmRepositorySpec(url: "oci://\(registry)/charts")
        spec.type = .oci
        spec.insecure = true
        spec.interval = "12h"
        spec.timeout = "2m"
        _ = try await client.create(HelmRepository(metadata: ObjectMeta(name: "podinfo", namespace: ns), spec: spec))
    }

    /// Runs `body` for 0..<n on eight concurrent tasks.
    static func createAll(_ n: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask { for i in stride(from: worker, to: n, by: 8) { try await body(i) } }
            }
            try await group.waitForAll()
        }
    }

    /// flux-benchmark's HelmRelease (`flux-hr-bench` module).
    static func release(index: Int, mcpu: Int) -> HelmRelease {
        var source = HelmChartTemplateSourceReference(name: "podinfo")
        source.kind = .helmRepository
        var chartSpec = HelmChartTemplateSpec(chart: "podinfo", sourceRef: source)
        chartSpec.version = "*"
        chartSpec.interval = "600m"
        var spec = HelmReleaseSpec(chart: HelmChartTemplate(spec: chartSpec), interval: "60m")
        spec.releaseName = "podinfo-\(index)"
        spec.targetNamespace = "helm-benchmark"
        spec.storageNamespace = "helm-benchmark"
        spec.serviceAccountName = "flux"
        var drift = DriftDetection()
        drift.mode = .enabled
        spec.driftDetection = drift
        var install = Install()
        install.crds = .create
        spec.install = install
        var upgrade = Upgrade()
        upgrade.crds = .createReplace
        spec.upgrade = upgrade
        spec.values = values(index: index, mcpu: mcpu)
        return HelmRelease(metadata: ObjectMeta(name: "podinfo-\(index)", namespace: "helm-benchmark"), spec: spec)
    }

    static func values(index: Int, mcpu: Int) -> JSONValue {
        [
            "replicaCount": 0,
            "serviceAccount": ["enabled": true],
            "ingress": ["enabled": true, "className": "nginx",
                        "hosts": [["host": .string("podinfo-\(index).local"), "paths": [["path": "/", "pathType": "ImplementationSpecific"]]]]],
            "resources": ["requests": ["cpu": .string("\(mcpu)m"), "memory": "16Mi"]],
        ]
    }

    static func createRelease(_ client: KubeClient, index: Int, mcpu: Int) async throws {
        _ = try await client.create(release(index: index, mcpu: mcpu))
    }

    static func upgradeRelease(_ client: KubeClient, index: Int, mcpu: Int) async throws {
        var hr = try await client.get(HelmRelease.self, namespace: "helm-benchmark", name: "podinfo-\(index)")
        hr.spec.values = values(index: index, mcpu: mcpu)
        _ = try await client.update(hr)
    }

    static func createChart(_ client: KubeClient, index: Int) async throws {
        var spec = HelmChartSpec(chart: "podinfo", sourceRef: LocalHelmChartSourceReference(kind: .helmRepository, name: "podinfo"),
                                 interval: "600m")
        spec.version = "*"
        _ = try await client.create(HelmChart(metadata: ObjectMeta(name: "podinfo-\(index)", namespace: "helm-benchmark"), spec: spec))
    }
}

/// Samples the process RSS every 100 ms and keeps the maximum since the last reset.
actor MemorySampler {
    private(set) var peak = 0

    func reset() { peak = ProcessMemory.residentMiB ?? 0 }

    func run() async {
        while !Task.isCancelled {
            peak = max(peak, ProcessMemory.residentMiB ?? 0)
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
