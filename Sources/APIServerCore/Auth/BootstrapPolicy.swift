import StructuredData

/// The RBAC objects a fresh cluster starts with (kube-apiserver's bootstrap policy, reduced to
/// what this server serves): `cluster-admin` bound to `system:masters`; the aggregated
/// user-facing roles `admin`, `edit` and `view` filled from the `system:aggregate-to-*` roles;
/// discovery, basic-user and public-info roles bound to every authenticated user.
enum BootstrapPolicy {
    static let readVerbs = ["get", "list", "watch"]
    static let writeVerbs = ["create", "delete", "deletecollection", "patch", "update"]
    static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    static let aggregateLabel = "rbac.authorization.k8s.io/aggregate-to-"

    static func rule(_ groups: [String], _ resources: [String], _ verbs: [String]) -> PolicyRule {
        PolicyRule(verbs: verbs, apiGroups: groups, resources: resources)
    }

    static func urls(_ urls: [String], _ verbs: [String]) -> PolicyRule {
        PolicyRule(verbs: verbs, nonResourceURLs: urls)
    }

    /// Name, labels, rules and aggregation target (`admin`/`edit`/`view` aggregate the roles
    /// labelled `aggregate-to-<name>`).
    struct Role {
        var name: String
        var labels: [String: String] = [:]
        var rules: [PolicyRule] = []
        var aggregates: String?
    }

    static let clusterRoles: [Role] = [
        Role(name: "cluster-admin", rules: [rule(["*"], ["*"], ["*"]), urls(["*"], ["*"])]),
        Role(name: "admin", aggregates: "admin"),
        Role(name: "edit", labels: [aggregateLabel + "admin": "true"], aggregates: "edit"),
        Role(name: "view", labels: [aggregateLabel + "edit": "true"], aggregates: "view"),
        Role(name: "system:aggregate-to-admin", labels: [aggregateLabel + "admin": "true"], rules: [
            rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
            rule(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], allVerbs),
        ]),
        Role(name: "system:aggregate-to-edit", labels: [aggregateLabel + "edit": "true"], rules: [
            rule([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], readVerbs),
            rule([""], ["serviceaccounts"], ["impersonate"]),
            rule([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], writeVerbs),
            rule([""], ["pods/eviction"], ["create"]),
            rule([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                        "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], writeVerbs),
            rule([""], ["serviceaccounts/token"], ["create"]),
            rule(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                            "replicasets/scale", "statefulsets", "statefulsets/scale"], writeVerbs),
            rule(["autoscaling"], ["horizontalpodautoscalers"], writeVerbs),
            rule(["batch"], ["cronjobs", "jobs"], writeVerbs),
            rule(["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses",
                                  "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"], writeVerbs),
            rule(["policy"], ["poddisruptionbudgets"], writeVerbs),
            rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], writeVerbs),
            rule(["coordination.k8s.io"], ["leases"], allVerbs),
        ]),
        Role(name: "system:aggregate-to-view", labels: [aggregateLabel + "view": "true"], rules: [
            rule([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                        "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services",
                        "services/status"], readVerbs),
            rule([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                        "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], readVerbs),
            rule([""], ["namespaces"], readVerbs),
            rule(["discovery.k8s.io"], ["endpointslices"], readVerbs),
            rule(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                            "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                            "statefulsets/scale", "statefulsets/status"], readVerbs),
            rule(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], readVerbs),
            rule(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], readVerbs),
            rule(["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
                                  "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale",
                                  "replicasets/status", "replicationcontrollers/scale"], readVerbs),
            rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], readVerbs),
            rule(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], readVerbs),
        ]),
        Role(name: "system:discovery", rules: [
            urls(["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz",
                  "/version", "/version/"], ["get"]),
        ]),
        Role(name: "system:basic-user", rules: [
            rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]),
            rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"]),
        ]),
        Role(name: "system:public-info-viewer", rules: [
            urls(["/healthz", "/livez", "/readyz", "/version", "/version/"], ["get"]),
        ]),
    ]

    /// ClusterRoleBindings: name (= role name) and group subjects.
    static let clusterRoleBindings: [(name: String, groups: [String])] = [
        ("cluster-admin", [UserInfo.mastersGroup]),
        ("system:discovery", [UserInfo.authenticatedGroup]),
        ("system:basic-user", [UserInfo.authenticatedGroup]),
        ("system:public-info-viewer", [UserInfo.authenticatedGroup, UserInfo.unauthenticatedGroup]),
    ]

    static let bootstrapMetadata: (labels: JSONObject, annotations: JSONObject) = (
        ["kubernetes.io/bootstrapping": "rbac-defaults"],
        ["rbac.authorization.kubernetes.io/autoupdate": "true"]
    )

    /// The ClusterRole object for `role`.
    static func object(_ role: Role) -> JSONValue {
        var labels = bootstrapMetadata.labels
        for (k, v) in role.labels.sorted(by: { $0.key < $1.key }) { labels[k] = .string(v) }
        var o: JSONObject = [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": ["name": .string(role.name), "labels": .object(labels),
                         "annotations": .object(bootstrapMetadata.annotations)],
        ]
        if let target = role.aggregates {
            o["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": .object([aggregateLabel + target: "true"])]]]
        }
        o["rules"] = .array(role.rules.map(\.json))
        return .object(o)
    }

    /// The ClusterRoleBinding object named `name` for `groups`.
    static func bindingObject(name: String, groups: [String]) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": ["name": .string(name), "labels": .object(bootstrapMetadata.labels),
                         "annotations": .object(bootstrapMetadata.annotations)],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
            "subjects": .array(groups.map { ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string($0)] }),
        ]
    }
}
