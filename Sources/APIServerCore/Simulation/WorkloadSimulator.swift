import Foundation
import StructuredData
import Synchronization

/// Simulated controllers and kubelet, run after every stored write (kwok-style stages): each
/// write of a simulated kind may produce a status write, through the normal write path, so
/// watchers see MODIFIED events like on a real cluster. Delayed transitions run in tasks.
actor WorkloadSimulator {
    /// Objects (by key and uid) with a delayed transition in flight.
    private var delayed: Set<String> = []
    /// Objects whose controller step is running, and the newest state seen meanwhile.
    private var running: Set<String> = []
    private var rerun: [String: JSONValue] = [:]
    /// Steps scheduled and not finished, counted synchronously when scheduled so that `idle()`
    /// cannot miss a step whose task has not started yet.
    private let pending = Mutex<(count: Int, waiters: [CheckedContinuation<Void, Never>])>((0, []))

    static let manager = "kube-controller-manager"

    /// Looks at a freshly stored object and schedules what its simulated controller does.
    nonisolated func observe(_ api: KubeAPI, _ type: ResourceType, _ object: JSONValue) {
        guard object["metadata"]?["deletionTimestamp"] == nil, !type.isCustom else { return }
        let simulated: Set<String> = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Pod",
                                      "Service", "PersistentVolumeClaim"]
        guard simulated.contains(type.kind) else { return }
        pending.withLock { $0.count += 1 }
        Task {
            await self.run(api, type, object)
            self.finished()
        }
    }

    private nonisolated func finished() {
        let waiters = pending.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count -= 1
            guard state.count == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until no simulation step is scheduled or running (delayed steps still sleeping count).
    nonisolated func idle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = pending.withLock { state -> Bool in
                if state.count == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Runs the simulated controller for one object, one run per object at a time: a write that
    /// arrives while its object is being processed is handled (with the newest state) right after,
    /// so steps that create or delete dependents (Pods) never overlap and double up.
    private func run(_ api: KubeAPI, _ type: ResourceType, _ object: JSONValue) async {
        let id = "\(type.resource)/\(object.metadataString("namespace"))/\(object.metadataString("name"))"
        if running.contains(id) {
            rerun[id] = object
            return
        }
        running.insert(id)
        await step(api, type, object)
        while let next = rerun.removeValue(forKey: id) { await step(api, type, next) }
        running.remove(id)
    }

    private func step(_ api: KubeAPI, _ type: ResourceType, _ object: JSONValue) async {
        let key = ObjectKey(resource: type.resource, namespace: object.metadataString("namespace"), name: object.metadataString("name"))
        let identity = "\(key)/\(object.metadataString("uid"))"
        let now = KubeAPI.timestamp()
        switch type.kind {
        case "Pod", "Job":
            let isPod = type.kind == "Pod"
            let stage = isPod ? SimulationRules.podStage(object) : SimulationRules.jobStage(object)
            guard stage != .finished, !delayed.contains(identity) else { return }
            if !isPod && stage == .new && !SimulationRules.suspended(object) {
                let uid = object.metadataString("uid"), jobName = object.metadataString("name")
                await api.reconcilePods(KubeAPI.PodPlan(
                    owner: object, ownerAPIVersion: "batch/v1", ownerKind: "Job", template: object["spec"]?["template"] ?? .null,
                    count: 1, extraLabels: ["batch.kubernetes.io/controller-uid": .string(uid), "batch.kubernetes.io/job-name": .string(jobName),
                                            "controller-uid": .string(uid), "job-name": .string(jobName)],
                    component: "job-controller"))
            }
            if !isPod && (SimulationRules.suspended(object) || SimulationRules.neverReady(object)) {
                // Suspended or never-ready Jobs stay as they are: reported, never completed.
                await api.simulatedStatus(key, type) { SimulationRules.jobStatus($0, finished: false, now: now) }
                return
            }
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
            if !isPod, let job = await api.store.get(key)?.value {
                if SimulationRules.shouldFail(job) {
                    await api.recordEvent(about: job, apiVersion: "batch/v1", kind: "Job", reason: "BackoffLimitExceeded",
                                          message: "Job has reached the specified backoff limit", component: "job-controller", type: "Warning")
                } else {
                    await api.recordEvent(about: job, apiVersion: "batch/v1", kind: "Job", reason: "Completed",
                                          message: "Job completed", component: "job-controller")
                }
            }
        case "ReplicaSet":
            await api.reconcilePods(KubeAPI.PodPlan(
                owner: object, ownerAPIVersion: "apps/v1", ownerKind: "ReplicaSet", template: object["spec"]?["template"] ?? .null,
                count: Int(SimulationRules.int(object["spec"]?["replicas"], default: 1)), component: "replicaset-controller"))
            await api.simulatedStatus(key, type) { SimulationRules.replicaSetStatus($0) }
        case "StatefulSet":
            await api.reconcilePods(KubeAPI.PodPlan(
                owner: object, ownerAPIVersion: "apps/v1", ownerKind: "StatefulSet", template: object["spec"]?["template"] ?? .null,
                count: Int(SimulationRules.int(object["spec"]?["replicas"], default: 1)), ordinalNames: true,
                component: "statefulset-controller"))
            await api.simulatedStatus(key, type) { SimulationRules.statefulSetStatus($0) }
        case "DaemonSet":
            await api.reconcilePods(KubeAPI.PodPlan(
                owner: object, ownerAPIVersion: "apps/v1", ownerKind: "DaemonSet", template: object["spec"]?["template"] ?? .null,
                count: 1, component: "daemonset-controller"))
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
