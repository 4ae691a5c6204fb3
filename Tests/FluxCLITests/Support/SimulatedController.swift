import FluxCLI
import Foundation
import GoCompat
import KubeClient
import KubeModel
import StructuredData

/// Stands in for Flux's controllers in CLI tests (there are none in this build): every 20 ms it
/// looks at the objects of the given kinds in a namespace and, for each one whose generation or
/// reconcile request (`reconcile.fluxcd.io/requestedAt`) is unhandled and which is not suspended,
/// writes a Ready status: `observedGeneration`, `lastHandledReconcileAt`, a `Ready=True`
/// condition with `message`, and the kind's own fields from `fields`.
final class SimulatedController: Sendable {
    struct Behavior: Sendable {
        var resource: APIResource
        var message: @Sendable (KubeObject) -> String
        var fields: @Sendable (KubeObject) -> JSONObject
        /// Objects (e.g. the HelmChart of a HelmRelease) to create when this one first becomes ready.
        var companions: @Sendable (KubeObject) -> [KubeObject] = { _ in [] }
    }

    let task: Task<Void, Never>

    init(_ harness: FluxHarness, namespace: String, _ behaviors: [Behavior]) {
        task = Task {
            while !Task.isCancelled {
                for behavior in behaviors {
                    await Self.reconcile(harness, namespace, behavior)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    func stop() { task.cancel() }

    static func reconcile(_ harness: FluxHarness, _ namespace: String, _ behavior: Behavior) async {
        guard let items = try? await harness.client.listAll(behavior.resource, in: .named(namespace)).items else { return }
        for var object in items {
            if object.raw[path: ["spec", "suspend"]]?.boolValue == true { continue }
            let requested = object.annotations["reconcile.fluxcd.io/requestedAt"] ?? ""
            let handled = object.raw[path: ["status", "lastHandledReconcileAt"]]?.stringValue ?? ""
            let observed = object.raw[path: ["status", "observedGeneration"]]?.intValue ?? -1
            if observed == object.generation && requested == handled { continue }
            var status = object.raw["status"]?.objectValue ?? [:]
            for (key, value) in behavior.fields(object) { status[key] = value }
            status["observedGeneration"] = .int(object.generation)
            if !requested.isEmpty { status["lastHandledReconcileAt"] = .string(requested) }
            status["conditions"] = [[
                "type": "Ready", "status": "True", "observedGeneration": .int(object.generation),
                "lastTransitionTime": .string(GoTime.now().rfc3339), "reason": "Succeeded",
                "message": .string(behavior.message(object)),
            ]]
            let firstTime = observed == -1 || observed == 0
            object.raw["status"] = .object(status)
            _ = try? await harness.client.updateStatus(object)
            if firstTime {
                for companion in behavior.companions(object) { try? await harness.create(companion) }
            }
        }
    }
}
