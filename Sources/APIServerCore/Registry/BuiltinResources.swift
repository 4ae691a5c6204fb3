/// The built-in types the embedded server serves, with upstream discovery data.
enum BuiltinResources {
    static let all: [ResourceType] = [
        // core/v1
        ResourceType(group: "", version: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"],
                     namespaced: false, hasStatus: true, extraFieldLabels: ["status.phase"]),
        ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
        ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets", extraFieldLabels: ["type"]),
        ResourceType(group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"],
                     returnsDeletedObject: true),
        ResourceType(group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"],
                     categories: ["all"], hasStatus: true),
        ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"],
                     hasStatus: true, returnsDeletedObject: true,
                     extraFieldLabels: ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                        "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"]),
        ResourceType(group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"],
                     extraFieldLabels: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                                        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                                        "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"]),
        ResourceType(group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims",
                     shortNames: ["pvc"], hasStatus: true),
        // apps/v1
        ResourceType(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"],
                     categories: ["all"], hasStatus: true, hasScale: true),
        ResourceType(group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"],
                     categories: ["all"], hasStatus: true, hasScale: true),
        ResourceType(group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"],
                     categories: ["all"], hasStatus: true, hasScale: true),
        ResourceType(group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"],
                     categories: ["all"], hasStatus: true),
        // batch/v1
        ResourceType(group: "batch", version: "v1", kind: "Job", plural: "jobs", categories: ["all"], hasStatus: true),
        ResourceType(group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", shortNames: ["cj"],
                     categories: ["all"], hasStatus: true),
        // networking.k8s.io/v1
        ResourceType(group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"],
                     hasStatus: true),
        ResourceType(group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies",
                     shortNames: ["netpol"]),
        // rbac.authorization.k8s.io/v1
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles"),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings"),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles",
                     namespaced: false),
        ResourceType(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding",
                     plural: "clusterrolebindings", namespaced: false),
        // coordination.k8s.io/v1
        ResourceType(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases"),
        // autoscaling/v2
        ResourceType(group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler",
                     plural: "horizontalpodautoscalers", shortNames: ["hpa"], categories: ["all"], hasStatus: true),
        // policy/v1
        ResourceType(group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets",
                     shortNames: ["pdb"], hasStatus: true),
        // apiextensions.k8s.io/v1
        ResourceType(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
                     plural: "customresourcedefinitions", shortNames: ["crd", "crds"], categories: ["api-extensions"],
                     namespaced: false, hasStatus: true),
    ]
}
