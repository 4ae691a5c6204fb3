import ControllerRuntime
import FluxAPI
import Foundation
import HelmController
import KubeClient
import KubeModel
import Logging
import SourceController

/// The enabled Flux controllers of one process on one client: a shared runtime (one watch per
/// type), a manager per controller binary (own event source, own leader lease), and the probe
/// servers. `run()` serves until its task is cancelled, then drains.
struct ControllerSet: Sendable {
    let runtime: ControllerRuntime
    let managers: [ControllerManager]
    let stops: [@Sendable () async -> Void]
    let probes: [ProbeServer]

    /// - Parameter storagePath: the source-controller's storage when `--storage-path` is not given.
    static func make(client: KubeClient, flags: ControllerFlags, runtimeNamespace: String, storagePath: String,
                     logger: Logger) async throws -> ControllerSet {
        let options = try flags.managerOptions(runtimeNamespace: runtimeNamespace)
        var own: [APIResource] = []
        if flags.enabled.contains("helm") { own.append(HelmRelease.apiResource) }
        if flags.enabled.contains("source") { own += [HelmRepository.apiResource, HelmChart.apiResource] }
        let runtime = ControllerRuntime(client: client, options: options, ownKinds: own, logger: logger)
        var managers: [ControllerManager] = []
        var stops: [@Sendable () async -> Void] = []
        if flags.enabled.contains("source") {
            let manager = ControllerManager(name: "source-controller", runtime: runtime)
            let handle = try await SourceController.register(on: manager, options: try flags.sourceOptions(defaultStoragePath: storagePath))
            stops.append { await handle.shutdown() }
            managers.append(manager)
        }
        if flags.enabled.contains("helm") {
            let manager = ControllerManager(name: "helm-controller", runtime: runtime)
            stops.append(await HelmController.register(on: manager, options: try flags.helmOptions()))
            managers.append(manager)
        }
        var probes: [ProbeServer] = []
        let readiness: @Sendable () async -> String? = { await runtime.readiness() }
        if !flags.metricsAddress.isEmpty {
            probes.append(try ProbeServer(address: flags.metricsAddress, metrics: [runtime.registry, runtime.fluxMetrics], ready: readiness))
        }
        if !flags.healthAddress.isEmpty, flags.healthAddress != flags.metricsAddress {
            probes.append(try ProbeServer(address: flags.healthAddress, metrics: [], ready: readiness))
        }
        return ControllerSet(runtime: runtime, managers: managers, stops: stops, probes: probes)
    }

    /// Waits until every informer has listed once.
    func waitForSync() async { await runtime.factory.waitForSync() }

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for probe in probes { group.addTask { try? await probe.run() } }
            for manager in managers { group.addTask { _ = await manager.run() } }
            await group.waitForAll()
        }
        await runtime.factory.shutdown()
        for stop in stops { await stop() }
    }
}
