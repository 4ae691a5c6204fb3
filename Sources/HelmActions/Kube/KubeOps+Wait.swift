import GoCompat
import KubeClient
import KubeModel
import StructuredData

extension KubeOps {
    /// Polls until every resource is ready by Helm's rules (`Wait` / `WaitWithJobs`). Throws
    /// `context deadline exceeded` at the timeout, or a Job failure at once.
    ///
    /// Helm polls every 2 s (`interval`), checking at once first. Here the pause after a failed
    /// check starts at 50 ms and doubles up to `interval`, so a workload whose controller needs a
    /// moment (a new ReplicaSet) is seen ready in tens of milliseconds instead of two seconds, and
    /// a slow one is still polled no more often than Helm does once the first second has passed.
    public func wait(for resources: [HelmResource], timeout: GoDuration, waitForJobs: Bool,
                     interval: Duration = .seconds(2)) async throws(HelmActionsError) {
        log("beginning wait for \(resources.count) resources with timeout of \(HelmLog.duration(timeout))")
        let deadline = ContinuousClock.now + .nanoseconds(timeout.nanoseconds)
        var pause = min(Self.firstPause, interval)
        while true {
            if try await allReady(resources, waitForJobs: waitForJobs) { return }
            guard ContinuousClock.now + pause < deadline else { throw .message("context deadline exceeded") }
            do { try await Task.sleep(for: pause) } catch { throw .message("context canceled") }
            pause = min(pause * 2, interval)
        }
    }

    /// The first pause of `wait` and `waitForDelete` after a check that was not yet satisfied.
    static let firstPause = Duration.milliseconds(50)

    func allReady(_ resources: [HelmResource], waitForJobs: Bool) async throws(HelmActionsError) -> Bool {
        for r in resources {
            guard let live = try await live(r) else { return false }
            var replicaSets: [KubeObject] = []
            var pods: [KubeObject] = []
            if r.kind == "Deployment" {
                replicaSets = await list(group: "apps", version: "v1", kind: "ReplicaSet", namespace: r.namespace,
                                         selector: Self.dependentsSelector(live))
            } else if r.kind == "ReplicaSet" || r.kind == "ReplicationController" {
                pods = await list(group: "", version: "v1", kind: "Pod", namespace: r.namespace, selector: Self.dependentsSelector(live))
            }
            switch Readiness.check(live, waitForJobs: waitForJobs, replicaSets: replicaSets, pods: pods) {
            case .ready: continue
            case .notReady(let message):
                if let message { log(message) }
                return false
            case .failed(let message): throw .message(message)
            }
        }
        return true
    }

    /// The objects of `kind` in `namespace` that `selector` selects (none when it is nil: a
    /// selector that selects nothing).
    func list(group: String, version: String, kind: String, namespace: String, selector: String?) async -> [KubeObject] {
        guard let selector,
              let mapping = try? await client.resource(for: GroupVersionKind(group: group, version: version, kind: kind)),
              let list = try? await client.listAll(mapping, in: .namespace(namespace), options: ListOptions(labelSelector: selector))
        else { return [] }
        return list.items
    }

    /// The label selector Helm lists a workload's ReplicaSets or Pods with (`listReplicaSets`,
    /// `SelectorsForObject`): `spec.selector` as a `metav1.LabelSelector` (a ReplicationController's
    /// plain map as `matchLabels`); nil when it selects nothing or is invalid. Listing by selector
    /// instead of the whole namespace keeps a wait O(own objects), not O(namespace).
    static func dependentsSelector(_ live: KubeObject) -> String? {
        let raw = live.raw[path: ["spec", "selector"]] ?? .null
        let json: JSONValue = live.kind == "ReplicationController" && raw.objectValue != nil && raw["matchLabels"] == nil
            ? .object(["matchLabels": raw]) : raw
        guard let selector = try? LabelSelector(labelSelector: json), !selector.selectsNothing else { return nil }
        return selector.description
    }

    /// Polls until every resource GETs NotFound (`WaitForDelete`), pausing as `wait` does.
    public func waitForDelete(_ resources: [HelmResource], timeout: GoDuration, interval: Duration = .seconds(2)) async throws(HelmActionsError) {
        log("beginning wait for \(resources.count) resources to be deleted with timeout of \(HelmLog.duration(timeout))")
        let deadline = ContinuousClock.now + .nanoseconds(timeout.nanoseconds)
        var pause = min(Self.firstPause, interval)
        while true {
            var gone = true
            for r in resources where try await live(r) != nil { gone = false; break }
            if gone { return }
            guard ContinuousClock.now + pause < deadline else { throw .message("context deadline exceeded") }
            do { try await Task.sleep(for: pause) } catch { throw .message("context canceled") }
            pause = min(pause * 2, interval)
        }
    }

    /// Waits for a hook resource (`WatchUntilReady`): Jobs until `Complete` (or `Failed`: `job
    /// failed: <reason>`), Pods until `Succeeded` (or `Failed`: `pod <name> failed`); any other kind
    /// is done at once. The timeout reports `timed out waiting for the condition`.
    public func watchUntilReady(_ r: HelmResource, timeout: GoDuration, interval: Duration = .milliseconds(250)) async throws(HelmActionsError) {
        guard r.kind == "Job" || r.kind == "Pod" else { return }
        log("Watching for changes to \(r.kind) \(r.name) with timeout of \(HelmLog.duration(timeout))")
        let deadline = ContinuousClock.now + .nanoseconds(timeout.nanoseconds)
        while true {
            if let live = try await live(r) {
                if r.kind == "Job" {
                    let s = live.raw["status"] ?? .object([:])
                    log("\(r.name): Jobs active: \(s["active"]?.intValue ?? 0), jobs failed: \(s["failed"]?.intValue ?? 0), jobs succeeded: \(s["succeeded"]?.intValue ?? 0)")
                    if Readiness.condition(live.raw, "Complete") == "True" { return }
                    if Readiness.condition(live.raw, "Failed") == "True" {
                        let reason = live.raw[path: ["status", "conditions"]]?.arrayValue?
                            .first { $0["type"]?.stringValue == "Failed" }?["reason"]?.stringValue ?? ""
                        throw .message("job failed: \(reason)")
                    }
                } else {
                    switch live.raw[path: ["status", "phase"]]?.stringValue {
                    case "Succeeded":
                        log("Pod \(r.name) succeeded")
                        return
                    case "Pending": log("Pod \(r.name) pending")
                    case "Running": log("Pod \(r.name) running")
                    case "Failed": throw .message("pod \(r.name) failed")
                    default: break
                    }
                }
            }
            guard ContinuousClock.now + interval < deadline else { throw .message("timed out waiting for the condition") }
            do { try await Task.sleep(for: interval) } catch { throw .message("context canceled") }
        }
    }
}
