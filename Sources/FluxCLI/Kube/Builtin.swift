import KubeModel

/// The built-in resources flux's commands read and write.
enum Builtin {
    static let namespaces = APIResource(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
    static let secrets = APIResource(group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true)
    static let events = APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true)
    static let services = APIResource(group: "", version: "v1", resource: "services", kind: "Service", namespaced: true)
    static let serviceAccounts = APIResource(group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount",
                                             namespaced: true)
    static let deployments = APIResource(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)
    static let networkPolicies = APIResource(group: "networking.k8s.io", version: "v1", resource: "networkpolicies",
                                             kind: "NetworkPolicy", namespaced: true)
    static let clusterRoles = APIResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles",
                                          kind: "ClusterRole", namespaced: false)
    static let clusterRoleBindings = APIResource(group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterrolebindings",
                                                 kind: "ClusterRoleBinding", namespaced: false)
    static let customResourceDefinitions = APIResource(group: "apiextensions.k8s.io", version: "v1",
                                                       resource: "customresourcedefinitions", kind: "CustomResourceDefinition",
                                                       namespaced: false)
}
