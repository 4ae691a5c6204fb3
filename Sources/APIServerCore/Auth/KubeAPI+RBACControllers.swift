import KubeModel
import StructuredData

extension KubeAPI {
    /// Set while the aggregation controller writes, so its own writes do not re-trigger it.
    @TaskLocal static var aggregating = false

    static var clusterRoleType: ResourceType? {
        BuiltinResources.all.first { $0.group == RBACAuthorizer.group && $0.plural == "clusterroles" }
    }

    static var clusterRoleBindingType: ResourceType? {
        BuiltinResources.all.first { $0.group == RBACAuthorizer.group && $0.plural == "clusterrolebindings" }
    }

    /// Creates the bootstrap ClusterRoles and ClusterRoleBindings that are missing (existing ones
    /// are left as the user changed them), then aggregates.
    func bootstrapRBAC() async throws {
        guard let roleType = Self.clusterRoleType, let bindingType = Self.clusterRoleBindingType else { return }
        try await Self.$aggregating.withValue(true) {
        try await FieldManagerContext.$current.withValue(FieldManagerContext(manager: "kube-apiserver")) {
            for role in BootstrapPolicy.clusterRoles {
                let key = ObjectKey(resource: roleType.resource, namespace: "", name: role.name)
                if await store.get(key) == nil {
                    _ = try await create(roleType, namespace: "", body: BootstrapPolicy.object(role), dryRun: false)
                }
            }
            for binding in BootstrapPolicy.clusterRoleBindings {
                let key = ObjectKey(resource: bindingType.resource, namespace: "", name: binding.name)
                if await store.get(key) == nil {
                    _ = try await create(bindingType, namespace: "", body: BootstrapPolicy.bindingObject(name: binding.name, groups: binding.groups),
                                         dryRun: false)
                }
            }
        }
        }
        await aggregateClusterRoles()
    }

    /// The clusterrole-aggregation controller: every ClusterRole with an `aggregationRule` gets
    /// as `rules` the union of the rules of the other ClusterRoles its selectors match (in name
    /// order, duplicates dropped). Runs to a fixed point, since aggregated roles can feed each
    /// other (`view` → `edit` → `admin`).
    func aggregateClusterRoles() async {
        guard !Self.aggregating, let roleType = Self.clusterRoleType else { return }
        await Self.$aggregating.withValue(true) {
            await FieldManagerContext.$current.withValue(FieldManagerContext(manager: "clusterrole-aggregation-controller")) {
                for _ in 0..<8 {
                    var changed = false
                    let roles = await store.list(roleType.resource, namespace: nil).objects
                    for role in roles {
                        guard let selectors = Self.aggregationSelectors(role.value) else { continue }
                        var rules: [JSONValue] = []
                        for other in roles where other.key.name != role.key.name {
                            let labels = other.value.labels
                            guard selectors.contains(where: { $0.matches(labels) }) else { continue }
                            for rule in other.value["rules"]?.arrayValue ?? [] where !rules.contains(rule) { rules.append(rule) }
                        }
                        if (role.value["rules"]?.arrayValue ?? []) == rules { continue }
                        var proposed = role.value
                        proposed.set(["rules"], .array(rules))
                        if (try? await write(roleType, current: role, proposed: proposed, subresource: nil,
                                             precondition: .revision(role.revision), dryRun: false)) != nil {
                            changed = true
                        }
                    }
                    if !changed { return }
                }
            }
        }
    }

    /// The label selectors of a ClusterRole's `aggregationRule`, or nil when it has none.
    static func aggregationSelectors(_ role: JSONValue) -> [LabelSelector]? {
        guard let list = role["aggregationRule"]?["clusterRoleSelectors"]?.arrayValue else { return nil }
        return list.compactMap { try? LabelSelector(labelSelector: $0) }
    }
}
