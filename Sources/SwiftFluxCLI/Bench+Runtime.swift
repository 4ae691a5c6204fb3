import APIServer
import ArgumentParser
import ControllerRuntime
import Foundation
import KubeClient
import KubeModel
import Logging
import StructuredData

/// `swiftflux bench runtime`: a no-op reconciler over N objects of one kind in the all-in-one
/// process (embedded API server in memory + controller runtime): time until the cache has synced
/// and every key was reconciled once, reconciles/s, RSS.
struct BenchRuntimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime",
        abstract: "Benchmark the controller runtime (cache sync + one no-op reconcile per object)")

    @Option(help: "Objects (ConfigMaps) to reconcile.")
    var objects: Int = 10_000
    @Option(help: "Concurrent reconcile workers.")
    var workers: Int = 4

    func run() async throws {
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: 0, inMemory: true, tls: true, historyLimit: objects * 2 + 1000, logLevel: .critical))
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { readyContinuation.yield($0) } }
        defer { serving.cancel() }
        var readyIterator = ready.makeAsyncIterator()
        guard let url = await readyIterator.next() else { throw ValidationError("server did not start") }
        let config = ClientConfig(server: url, caData: Array(server.credentials.caCertificatePEM.utf8),
                                  bearerToken: server.credentials.token, qps: 0)
        try await KubeClient.withClient(config: config) { client in try await measure(client) }
    }

    func measure(_ client: KubeClient) async throws {
        let setupStart = ContinuousClock.now
        let namespace = KubeObject(JSONValueLiteral.namespace("bench"))
        _ = try await client.create(namespace)
        try await withThrowingTaskGroup(of: Void.self) { group in
            let per = (objects + 7) / 8
            for c in 0..<8 {
                group.addTask {
                    for i in (c * per)..<min(objects, (c + 1) * per) {
                        _ = try await client.create(ConfigMap(name: "cm-\(i)", namespace: "bench", data: ["k": "v"]))
                    }
                }
            }
            try await group.waitForAll()
        }
        print("setup: \(objects) ConfigMaps created in \(Self.seconds(ContinuousClock.now - setupStart)) s")
        let baseline = ProcessMemory.residentMiB ?? 0

        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let runtime = ControllerRuntime(client: client, options: ManagerOptions(), logger: logger)
        let seen = SeenKeys()
        let controller = Controller(name: "noop", reconciler: ReconcilerFunction { key in
            await seen.insert(key)
            return .done
        }, workers: workers, logger: logger)
        let start = ContinuousClock.now
        let informer = await runtime.cache.informer(ConfigMap.self)
        await controller.watch(informer, predicate: .fluxPrimary)
        await runtime.factory.start()
        let running = Task { await controller.run() }
        await informer.waitForSync()
        let synced = ContinuousClock.now - start
        while await seen.count < objects {
            try await Task.sleep(for: .milliseconds(5))
            if ContinuousClock.now - start > .seconds(300) { throw ValidationError("not every key was reconciled within 300 s") }
        }
        let total = ContinuousClock.now - start
        running.cancel()
        await runtime.factory.shutdown()
        print("cache synced (\(objects) objects) in \(Self.seconds(synced)) s")
        print("every key reconciled once in \(Self.seconds(total)) s = \(Int(Double(objects) / total.seconds)) reconciles/s (\(workers) workers)")
        print("RSS: \(ProcessMemory.residentMiB ?? 0) MiB (before the runtime started: \(baseline) MiB; peak \(ProcessMemory.peakResidentMiB ?? 0) MiB), whole process incl. the embedded API server")
    }

    static func seconds(_ d: Duration) -> String { String(format: "%.2f", d.seconds) }
}

actor SeenKeys {
    private var keys = Set<ObjectKey>()
    func insert(_ k: ObjectKey) { keys.insert(k) }
    var count: Int { keys.count }
}

enum JSONValueLiteral {
    static func namespace(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
    }
}
