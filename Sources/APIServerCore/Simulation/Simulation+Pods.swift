import Foundation
import StructuredData

extension KubeAPI {
    static let podType = BuiltinResources.all.first { $0.kind == "Pod" && $0.group.isEmpty }

    /// What a workload controller keeps running: `count` Pods from `template`, owned by the
    /// workload (controller reference), named `names(i)` (StatefulSets) or `<owner>-<random>`.
    struct PodPlan: Sendable {
        var owner: JSONValue
        var ownerAPIVersion: String
        var ownerKind: String
        var template: JSONValue
        var count: Int
        var ordinalNames: Bool = false
        var extraLabels: JSONObject = [:]
        var component: String
    }

    /// Creates missing Pods and deletes surplus ones (newest names last), recording
    /// `SuccessfulCreate`/`SuccessfulDelete` events as the controllers do.
    func reconcilePods(_ plan: PodPlan) async {
        guard let podType = Self.podType else { return }
        let namespace = plan.owner.metadataString("namespace")
        let uid = plan.owner.metadataString("uid")
        // Pods are named `<owner>-<suffix>` (random or ordinal) by the simulated controllers.
        let owned = await store.list(podType.resource, namespace: namespace, namePrefix: plan.owner.metadataString("name") + "-").filter { pod in
            pod.value["metadata"]?["ownerReferences"]?.arrayValue?.contains { $0["uid"]?.stringValue == uid && $0["controller"] == true } ?? false
        }
        let live = owned.filter { $0.value["metadata"]?["deletionTimestamp"] == nil }
        let ownerName = plan.owner.metadataString("name")
        if live.count < plan.count {
            let existing = Set(live.map(\.key.name))
            var created = 0
            var ordinal = 0
            while live.count + created < plan.count && ordinal < plan.count + live.count + 16 {
                let name = plan.ordinalNames ? "\(ownerName)-\(ordinal)"
                    : "\(ownerName)-" + String((0..<5).map { _ in Self.generateNameAlphabet.randomElement() ?? "x" })
                ordinal += 1
                if existing.contains(name) { continue }
                if await createPod(plan, name: name, podType: podType) { created += 1 }
            }
        } else if live.count > plan.count {
            for pod in live.sorted(by: { $0.key.name > $1.key.name }).prefix(live.count - plan.count) {
                if (try? await store.commit([Mutation(key: pod.key, precondition: .revision(pod.revision), value: nil)])) != nil {
                    await objectRemoved(podType, pod.value)
                    await recordEvent(about: plan.owner, apiVersion: plan.ownerAPIVersion, kind: plan.ownerKind,
                                      reason: "SuccessfulDelete", message: "Deleted pod: \(pod.key.name)", component: plan.component)
                }
            }
        }
    }

    private func createPod(_ plan: PodPlan, name: String, podType: ResourceType) async -> Bool {
        var metadata: JSONObject = ["name": .string(name)]
        var labels = plan.template["metadata"]?["labels"]?.objectValue ?? [:]
        for (k, v) in plan.extraLabels { labels[k] = v }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        if let annotations = plan.template["metadata"]?["annotations"], annotations.objectValue?.isEmpty == false {
            metadata["annotations"] = annotations
        }
        metadata["ownerReferences"] = [[
            "apiVersion": .string(plan.ownerAPIVersion), "kind": .string(plan.ownerKind),
            "name": .string(plan.owner.metadataString("name")), "uid": .string(plan.owner.metadataString("uid")),
            "controller": true, "blockOwnerDeletion": true,
        ]]
        var spec = plan.template["spec"] ?? .object([:])
        spec.set(["nodeName"], .string(SimulationRules.fakeNode))
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": spec]
        let namespace = plan.owner.metadataString("namespace")
        let created = (try? await FieldManagerContext.$current.withValue(FieldManagerContext(manager: "kube-controller-manager")) {
            try await create(podType, namespace: namespace, body: pod, dryRun: false)
        }) != nil
        if created {
            await recordEvent(about: plan.owner, apiVersion: plan.ownerAPIVersion, kind: plan.ownerKind,
                              reason: "SuccessfulCreate", message: "Created pod: \(name)", component: plan.component)
        }
        return created
    }
}
