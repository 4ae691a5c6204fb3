import StructuredData

extension KubeAPI {
    static let replicaSetType = BuiltinResources.all.first { $0.kind == "ReplicaSet" }

    /// The deployment controller, simplified: keeps one ReplicaSet per pod template
    /// (`<name>-<pod-template-hash>`, controller-owned), scales older ones to zero, and reports
    /// the Deployment complete and available with `observedGeneration` current.
    /// Retries on conflicting concurrent writes (the ReplicaSet's own status updates).
    func simulateDeployment(_ key: ObjectKey, _ type: ResourceType, now: String) async {
        for _ in 0..<8 where await !simulateDeploymentOnce(key, type, now: now) {}
    }

    /// One pass; false when a write conflicted and the pass should be retried.
    func simulateDeploymentOnce(_ key: ObjectKey, _ type: ResourceType, now: String) async -> Bool {
        guard let rsType = Self.replicaSetType,
              let deployment = await store.get(key)?.value, deployment["metadata"]?["deletionTimestamp"] == nil else { return true }
        let name = key.name
        let uid = deployment.metadataString("uid")
        let replicas = SimulationRules.int(deployment["spec"]?["replicas"], default: 1)
        let template = deployment["spec"]?["template"] ?? .object([:])
        let hash = SimulationRules.templateHash(template)
        let rsName = "\(name)-\(hash)"
        // The simulator names a Deployment's ReplicaSets `<deployment>-<hash>`.
        let owned = await store.list(rsType.resource, namespace: key.namespace, namePrefix: name + "-").filter { rs in
            rs.value["metadata"]?["ownerReferences"]?.arrayValue?.contains { $0["uid"]?.stringValue == uid && $0["controller"] == true } ?? false
        }
        let context = FieldManagerContext(manager: WorkloadSimulator.manager)
        var scaled: (name: String, direction: String)?
        var revision: Int64 = 0
        for rs in owned {
            let text = rs.value["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]?.stringValue ?? "0"
            revision = max(revision, Int64(text) ?? 0)
        }
        do {
            try await FieldManagerContext.$current.withValue(context) {
                for rs in owned where rs.key.name != rsName && SimulationRules.int(rs.value["spec"]?["replicas"], default: 1) != 0 {
                    var scaledDown = rs.value
                    scaledDown.set(["spec", "replicas"], .int(0))
                    if (try? await write(rsType, current: rs, proposed: scaledDown, subresource: nil,
                                         precondition: .revision(rs.revision), dryRun: false)) != nil {
                        await recordEvent(about: deployment, apiVersion: "apps/v1", kind: "Deployment", reason: "ScalingReplicaSet",
                                          message: "Scaled down replica set \(rs.key.name) to 0", component: "deployment-controller")
                    }
                }
                var labeledTemplate = template
                labeledTemplate.set(["metadata", "labels", "pod-template-hash"], .string(hash))
                var selector = deployment["spec"]?["selector"] ?? .object([:])
                selector.set(["matchLabels", "pod-template-hash"], .string(hash))
                if let existing = owned.first(where: { $0.key.name == rsName }) {
                    var desired = existing.value
                    let previousReplicas = SimulationRules.int(existing.value["spec"]?["replicas"], default: 1)
                    desired.set(["spec", "replicas"], .int(replicas))
                    // An older ReplicaSet taken back into use (rollout undo) becomes the newest revision.
                    let current = Int64(existing.value["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]?.stringValue ?? "0") ?? 0
                    if current < revision {
                        desired.set(["metadata", "annotations", "deployment.kubernetes.io/revision"], .string(String(revision + 1)))
                    }
                    if desired != existing.value {
                        _ = try await write(rsType, current: existing, proposed: desired, subresource: nil,
                                            precondition: .revision(existing.revision), dryRun: false)
                        if previousReplicas != replicas {
                            scaled = (rsName, previousReplicas < replicas ? "up" : "down")
                        }
                    }
                } else {
                    var labels = labeledTemplate["metadata"]?["labels"] ?? .object([:])
                    labels.set(["pod-template-hash"], .string(hash))
                    let rs: JSONValue = [
                        "apiVersion": "apps/v1", "kind": "ReplicaSet",
                        "metadata": [
                            "name": .string(rsName), "namespace": .string(key.namespace), "labels": labels,
                            "annotations": [
                                "deployment.kubernetes.io/desired-replicas": .string(String(replicas)),
                                "deployment.kubernetes.io/max-replicas": .string(String(replicas + 1)),
                                "deployment.kubernetes.io/revision": .string(String(revision + 1)),
                            ],
                            "ownerReferences": [[
                                "apiVersion": "apps/v1", "kind": "Deployment", "name": .string(name), "uid": .string(uid),
                                "controller": true, "blockOwnerDeletion": true,
                            ]],
                        ],
                        "spec": [
                            "replicas": .int(replicas), "selector": selector, "template": labeledTemplate,
                            "minReadySeconds": deployment["spec"]?["minReadySeconds"] ?? 0,
                        ],
                    ]
                    _ = try await create(rsType, namespace: key.namespace, body: rs, dryRun: false)
                    scaled = (rsName, "up")
                }
            }
        } catch {
            return false
        }
        if let scaled {
            await recordEvent(about: deployment, apiVersion: "apps/v1", kind: "Deployment", reason: "ScalingReplicaSet",
                              message: "Scaled \(scaled.direction) replica set \(scaled.name) to \(replicas)",
                              component: "deployment-controller")
        }
        await simulatedStatus(key, type) { live in
            let old = live["status"]
            var status: JSONObject = ["observedGeneration": .int(SimulationRules.int(live["metadata"]?["generation"], default: 1))]
            if SimulationRules.neverReady(live) {
                SimulationRules.counts([("replicas", replicas), ("updatedReplicas", replicas),
                                        ("unavailableReplicas", replicas)], into: &status)
                status["conditions"] = [
                    SimulationRules.condition("Available", "False", reason: "MinimumReplicasUnavailable",
                                              message: "Deployment does not have minimum availability.", old: old, now: now, updateTime: true),
                    SimulationRules.condition("Progressing", "True", reason: "ReplicaSetUpdated",
                                              message: "ReplicaSet \"\(rsName)\" is progressing.", old: old, now: now, updateTime: true),
                ]
                return .object(status)
            }
            SimulationRules.counts([("replicas", replicas), ("updatedReplicas", replicas), ("readyReplicas", replicas),
                                    ("availableReplicas", replicas)], into: &status)
            status["conditions"] = [
                SimulationRules.condition("Available", "True", reason: "MinimumReplicasAvailable",
                                          message: "Deployment has minimum availability.", old: old, now: now, updateTime: true),
                SimulationRules.condition("Progressing", "True", reason: "NewReplicaSetAvailable",
                                          message: "ReplicaSet \"\(rsName)\" has successfully progressed.", old: old, now: now, updateTime: true),
            ]
            return .object(status)
        }
        return true
    }
}
