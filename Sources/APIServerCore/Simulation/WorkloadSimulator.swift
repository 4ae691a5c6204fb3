import Foundation
import StructuredData

/// Simulated controllers and kubelet, run after every stored write (kwok-style stages): each
/// write of a simulated kind may produce a status write, through the normal write path, so
/// watchers see MODIFIED events like on a real cluster. Delayed transitions run in tasks.
actor WorkloadSimulator {
    /// Objects (by key and uid) with a delayed transition in flight.
    private var delayed: Set<String> = []
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    static let manager = "kube-controller-manager"

    /// Looks at a freshly stored object and schedules what its simulated controller does.
    nonisolated func observe(_ api: KubeAPI, _ type: ResourceType, _ object: JSONValue) {
        guard object["metadata"]?["deletionTimestamp"] == nil, !type.isCustom else { return }
        let simulated: Set<String> = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Pod",
                                      "Service", "PersistentVolumeClaim"]
        guard simulated.contains(type.kind) else { return }
        Task { await self.run(api, type, object) }
    }

    /// Waits until no simulation step is running (delayed steps still sleeping count as running).
    func idle() async {
        if running == 0 { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func run(_ api: KubeAPI, _ type: ResourceType, _ object: JSONValue) async {
        running += 1
        defer {
            running -= 1
            if running == 0 {
                for waiter in waiters { waiter.resume() }
                waiters = []
            }
        }
        let key = ObjectKey(resource: type.resource, namespace: object.metadataString("namespace"), name: object.metadataString("name"))
        let identity = "\(key)/\(object.metadataString("uid"))"
        let now = KubeAPI.timestamp()
        switch type.kind {
        case "Pod", "Job":
            let isPod = type.kind == "Pod"
            let stage = isPod ? SimulationRules.podStage(object) : SimulationRules.jobStage(object)
            guard stage != .finished, !delayed.contains(identity) else { return }
            let delay = SimulationRules.delay(of: object)
            if delay > 0 {
                delayed.insert(identity)
                if stage == .new {
                    await api.simulatedStatus(key, type) { obj in
                        isPod ? SimulationRules.podStatus(obj, finished: false, now: now) : SimulationRules.jobStatus(obj, finished: false, now: now)
                    }
                }
                try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                delayed.remove(identity)
            }
            await api.simulatedStatus(key, type) { obj in
                let later = KubeAPI.timestamp()
                return isPod ? SimulationRules.podStatus(obj, finished: true, now: later) : SimulationRules.jobStatus(obj, finished: true, now: later)
            }
        case "ReplicaSet":
            await api.simulatedStatus(key, type) { SimulationRules.replicaSetStatus($0) }
        case "StatefulSet":
            await api.simulatedStatus(key, type) { SimulationRules.statefulSetStatus($0) }
        case "DaemonSet":
            await api.simulatedStatus(key, type) { SimulationRules.daemonSetStatus($0) }
        case "Service":
            await api.simulatedStatus(key, type) { SimulationRules.serviceStatus($0) }
        case "PersistentVolumeClaim":
            await api.simulatedStatus(key, type) { SimulationRules.claimStatus($0) }
        case "Deployment":
            await api.simulateDeployment(key, type, now: now)
        default:
            break
        }
    }
}

extension KubeAPI {
    /// Waits until the simulated controllers are idle (for tests and deterministic shutdown).
    public func waitForSimulation() async { await simulator.idle() }

    /// Writes the status `compute` derives from the live object, unless it is already that
    /// (or the object is gone or being deleted). Retries on concurrent writes.
    func simulatedStatus(_ key: ObjectKey, _ type: ResourceType, _ compute: @Sendable (JSONValue) -> JSONValue) async {
        for _ in 0..<8 {
            guard let current = await store.get(key), current.value["metadata"]?["deletionTimestamp"] == nil else { return }
            let status = compute(current.value)
            if current.value["status"] == status { return }
            var proposed = current.value
            proposed.set(["status"], status)
            do {
                _ = try await FieldManagerContext.$current.withValue(FieldManagerContext(manager: WorkloadSimulator.manager)) {
                    try await write(type, current: current, proposed: proposed, subresource: "status",
                                    precondition: .revision(current.revision), dryRun: false)
                }
                return
            } catch {
                continue
            }
        }
    }
}
