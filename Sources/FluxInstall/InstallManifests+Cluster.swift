import FluxAPI
import StructuredData

extension Context {
    func namespace() -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Namespace",
            "metadata": clusterMetadata(options.namespace, extra: [
                "pod-security.kubernetes.io/warn": "restricted",
                "pod-security.kubernetes.io/warn-version": "latest",
            ]),
        ]
    }

    /// `critical-pods-<ns>`: room for 1000 pods of the system priority classes.
    func resourceQuota() -> JSONValue {
        [
            "apiVersion": "v1", "kind": "ResourceQuota",
            "metadata": metadata("critical-pods-\(options.namespace)"),
            "spec": [
                "hard": ["pods": "1000"],
                "scopeSelector": ["matchExpressions": [[
                    "operator": "In", "scopeName": "PriorityClass",
                    "values": ["system-node-critical", "system-cluster-critical"],
                ]]],
            ],
        ]
    }

    /// `crd-controller-<ns>` (every controller's own API groups, Secrets and ConfigMaps to read,
    /// Events, leader-election ConfigMaps and Leases), `flux-edit-<ns>` and `flux-view-<ns>`
    /// (aggregated into the built-in edit/admin/view roles).
    func clusterRoles() -> [JSONValue] {
        let all: JSONValue = ["*"]
        var rules: [JSONValue] = FluxGroups.all.map { ["apiGroups": [.string($0)], "resources": all, "verbs": all] }
        rules += [
            ["apiGroups": [""], "resources": ["namespaces", "secrets", "configmaps", "serviceaccounts"],
             "verbs": ["get", "list", "watch"]],
            ["apiGroups": [""], "resources": ["events"], "verbs": ["create", "patch"]],
            ["apiGroups": [""], "resources": ["configmaps"],
             "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]],
            ["apiGroups": [""], "resources": ["configmaps/status"], "verbs": ["get", "update", "patch"]],
            ["apiGroups": ["coordination.k8s.io"], "resources": ["leases"],
             "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]],
        ]
        let groups: JSONValue = [
            .string(FluxGroups.notification), .string(FluxGroups.source), .string(FluxGroups.helm),
            .string(FluxGroups.image), .string(FluxGroups.kustomize),
        ]
        let aggregate = "rbac.authorization.k8s.io/aggregate-to-"
        return [
            role("crd-controller-\(options.namespace)", rules: .array(rules)),
            role("flux-edit-\(options.namespace)",
                 rules: [["apiGroups": groups, "resources": ["*"],
                          "verbs": ["create", "delete", "deletecollection", "patch", "update"]]],
                 labels: [aggregate + "admin": "true", aggregate + "edit": "true"]),
            role("flux-view-\(options.namespace)",
                 rules: [["apiGroups": groups, "resources": ["*"], "verbs": ["get", "list", "watch"]]],
                 labels: [aggregate + "admin": "true", aggregate + "edit": "true", aggregate + "view": "true"]),
        ]
    }

    private func role(_ name: String, rules: JSONValue, labels: [String: String] = [:]) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": clusterMetadata(name, extra: labels), "rules": rules,
        ]
    }

    /// `cluster-reconciler-<ns>` (cluster-admin for kustomize- and helm-controller) and
    /// `crd-controller-<ns>` (every controller's ServiceAccount). Subjects are listed in Flux's
    /// order whether or not the component is installed, as Flux's RBAC bundle does.
    func clusterRoleBindings() -> [JSONValue] {
        func subjects(_ names: [FluxComponent]) -> JSONValue {
            .array(names.map { ["kind": "ServiceAccount", "name": .string($0.rawValue), "namespace": ns] })
        }
        return [
            binding("cluster-reconciler-\(options.namespace)", role: "cluster-admin",
                    subjects: subjects([.kustomizeController, .helmController])),
            binding("crd-controller-\(options.namespace)", role: "crd-controller-\(options.namespace)",
                    subjects: subjects([.kustomizeController, .helmController, .sourceController, .notificationController,
                                        .imageReflectorController, .imageAutomationController])),
        ]
    }

    private func binding(_ name: String, role: String, subjects: JSONValue) -> JSONValue {
        [
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": clusterMetadata(name),
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)],
            "subjects": subjects,
        ]
    }

    /// `allow-egress` (all egress, ingress from the namespace), `allow-scraping` (metrics port
    /// 8080 from any namespace), `allow-webhooks` (any ingress to the notification-controller).
    func networkPolicies() -> [JSONValue] {
        func policy(_ name: String, _ spec: JSONValue) -> JSONValue {
            ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": metadata(name), "spec": spec]
        }
        return [
            policy("allow-egress", [
                "egress": [[:]], "ingress": [["from": [["podSelector": [:]]]]],
                "podSelector": [:], "policyTypes": ["Ingress", "Egress"],
            ]),
            policy("allow-scraping", [
                "ingress": [["from": [["namespaceSelector": [:]]], "ports": [["port": 8080, "protocol": "TCP"]]]],
                "podSelector": [:], "policyTypes": ["Ingress"],
            ]),
            policy("allow-webhooks", [
                "ingress": [["from": [["namespaceSelector": [:]]]]],
                "podSelector": ["matchLabels": ["app": "notification-controller"]], "policyTypes": ["Ingress"],
            ]),
        ]
    }
}
