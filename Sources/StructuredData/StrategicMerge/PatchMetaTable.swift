/// The strategic-merge metadata of the built-in Kubernetes types, as data: for each type, the fields
/// whose patch behaviour is not the default (nested structs to descend into, lists merged by key,
/// primitive merge lists, retainKeys). Taken from the `patchStrategy`/`patchMergeKey` struct tags of
/// k8s.io/api v0.28. Fields not listed merge like untyped JSON (maps merge, lists are replaced).
enum PatchMetaTable {
    /// Root type of each supported kind (the kind name is unique across the built-in groups used here).
    static let kinds: [String: String] = [
        "Pod": "Pod", "PodTemplate": "PodTemplate", "ReplicationController": "ReplicationController",
        "Deployment": "Deployment", "ReplicaSet": "ReplicaSet", "StatefulSet": "StatefulSet",
        "DaemonSet": "DaemonSet", "Job": "Job", "CronJob": "CronJob", "Service": "Service",
        "ConfigMap": "ObjectWithMeta", "Secret": "ObjectWithMeta", "ServiceAccount": "ServiceAccount",
        "Namespace": "Namespace", "Event": "Event", "PersistentVolumeClaim": "PersistentVolumeClaim",
        "PersistentVolume": "PersistentVolume", "Node": "Node", "Endpoints": "ObjectWithMeta",
        "Ingress": "Ingress", "IngressClass": "ObjectWithMeta", "NetworkPolicy": "ObjectWithMeta",
        "Role": "ObjectWithMeta", "ClusterRole": "ObjectWithMeta", "RoleBinding": "ObjectWithMeta",
        "ClusterRoleBinding": "ObjectWithMeta", "HorizontalPodAutoscaler": "HorizontalPodAutoscaler",
        "PodDisruptionBudget": "PodDisruptionBudget", "Lease": "ObjectWithMeta", "LimitRange": "ObjectWithMeta",
        "ResourceQuota": "ObjectWithMeta", "StorageClass": "ObjectWithMeta", "PriorityClass": "ObjectWithMeta",
        "CustomResourceDefinition": "ObjectWithMeta", "APIService": "ObjectWithMeta",
        "MutatingWebhookConfiguration": "ObjectWithMeta", "ValidatingWebhookConfiguration": "ObjectWithMeta",
    ]

    typealias F = PatchFieldMeta

    static let types: [String: [String: PatchFieldMeta]] = [
        // MARK: metadata
        "ObjectWithMeta": ["metadata": .object("ObjectMeta")],
        "ObjectMeta": [
            "finalizers": .primitiveMergeList,
            "ownerReferences": .mergeList("OwnerReference", key: "uid"),
            "managedFields": .list("ManagedFieldsEntry"),
        ],

        // MARK: core/v1 Pod
        "Pod": ["metadata": .object("ObjectMeta"), "spec": .object("PodSpec"), "status": .object("PodStatus")],
        "PodTemplate": ["metadata": .object("ObjectMeta"), "template": .object("PodTemplateSpec")],
        "PodTemplateSpec": ["metadata": .object("ObjectMeta"), "spec": .object("PodSpec")],
        "PodSpec": [
            "volumes": .mergeList("Volume", key: "name", retainKeys: true),
            "initContainers": .mergeList("Container", key: "name"),
            "containers": .mergeList("Container", key: "name"),
            "ephemeralContainers": .mergeList("Container", key: "name"),
            "imagePullSecrets": .mergeList("LocalObjectReference", key: "name"),
            "hostAliases": .mergeList("HostAlias", key: "ip"),
            "topologySpreadConstraints": .mergeList("TopologySpreadConstraint", key: "topologyKey"),
            "schedulingGates": .mergeList("PodSchedulingGate", key: "name"),
            "resourceClaims": .mergeList("PodResourceClaim", key: "name", retainKeys: true),
            "affinity": .object("Affinity"),
            "tolerations": .list("Toleration"),
        ],
        "Container": [
            "ports": .mergeList("ContainerPort", key: "containerPort"),
            "env": .mergeList("EnvVar", key: "name"),
            "volumeMounts": .mergeList("VolumeMount", key: "mountPath"),
            "volumeDevices": .mergeList("VolumeDevice", key: "devicePath"),
            "envFrom": .list("EnvFromSource"),
        ],
        "PodStatus": [
            "conditions": .mergeList("PodCondition", key: "type"),
            "podIPs": .mergeList("PodIP", key: "ip"),
            "hostIPs": .mergeList("HostIP", key: "ip"),
        ],

        // MARK: workloads
        "ReplicationController": [
            "metadata": .object("ObjectMeta"), "spec": .object("ReplicationControllerSpec"),
            "status": .object("ConditionedStatus"),
        ],
        "ReplicationControllerSpec": ["template": .object("PodTemplateSpec")],
        "Deployment": ["metadata": .object("ObjectMeta"), "spec": .object("DeploymentSpec"), "status": .object("ConditionedStatus")],
        "DeploymentSpec": ["template": .object("PodTemplateSpec"), "strategy": .retainKeys("DeploymentStrategy")],
        "ReplicaSet": ["metadata": .object("ObjectMeta"), "spec": .object("TemplatedSpec"), "status": .object("ConditionedStatus")],
        "DaemonSet": ["metadata": .object("ObjectMeta"), "spec": .object("TemplatedSpec"), "status": .object("ConditionedStatus")],
        "StatefulSet": ["metadata": .object("ObjectMeta"), "spec": .object("StatefulSetSpec"), "status": .object("ConditionedStatus")],
        "StatefulSetSpec": ["template": .object("PodTemplateSpec"), "volumeClaimTemplates": .list("PersistentVolumeClaim")],
        "TemplatedSpec": ["template": .object("PodTemplateSpec")],
        "Job": ["metadata": .object("ObjectMeta"), "spec": .object("TemplatedSpec"), "status": .object("ConditionedStatus")],
        "CronJob": ["metadata": .object("ObjectMeta"), "spec": .object("CronJobSpec")],
        "CronJobSpec": ["jobTemplate": .object("JobTemplateSpec")],
        "JobTemplateSpec": ["metadata": .object("ObjectMeta"), "spec": .object("TemplatedSpec")],
        "ConditionedStatus": ["conditions": .mergeList("Condition", key: "type")],

        // MARK: core/v1 others
        "Service": ["metadata": .object("ObjectMeta"), "spec": .object("ServiceSpec"), "status": .object("ServiceStatus")],
        "ServiceSpec": ["ports": .mergeList("ServicePort", key: "port")],
        "ServiceStatus": ["conditions": .mergeList("Condition", key: "type")],
        "ServiceAccount": ["metadata": .object("ObjectMeta"), "secrets": .mergeList("ObjectReference", key: "name")],
        "Namespace": ["metadata": .object("ObjectMeta"), "status": .object("ConditionedStatus")],
        "Event": ["metadata": .object("ObjectMeta")],
        "PersistentVolumeClaim": ["metadata": .object("ObjectMeta"), "status": .object("ConditionedStatus")],
        "PersistentVolume": ["metadata": .object("ObjectMeta")],
        "Node": ["metadata": .object("ObjectMeta"), "spec": .object("NodeSpec"), "status": .object("NodeStatus")],
        "NodeSpec": ["podCIDRs": .primitiveMergeList],
        "NodeStatus": [
            "conditions": .mergeList("NodeCondition", key: "type"),
            "addresses": .mergeList("NodeAddress", key: "type"),
        ],
        "Ingress": ["metadata": .object("ObjectMeta")],

        // MARK: autoscaling / policy
        "HorizontalPodAutoscaler": ["metadata": .object("ObjectMeta"), "status": .object("ConditionedStatus")],
        "PodDisruptionBudget": ["metadata": .object("ObjectMeta"), "status": .object("ConditionedStatus")],
    ]
}

extension PatchSchema {
    /// The schema for a built-in kind, or `nil` when strategic merge patch is not supported for it
    /// (custom resources: the API server answers 415 Unsupported Media Type).
    public static func forKind(_ kind: String) -> PatchSchema? {
        guard let root = PatchMetaTable.kinds[kind] else { return nil }
        return PatchSchema(typeName: root, table: PatchMetaTable.types)
    }

    /// The schema rooted at a named type of the table (e.g. `"PodSpec"`), for tests and sub-objects.
    public static func forType(_ typeName: String) -> PatchSchema {
        PatchSchema(typeName: typeName, table: PatchMetaTable.types)
    }
}

extension StrategicMergePatch {
    /// The schema for `kind`, or `.unsupported` with the API server's 415 message when strategic merge
    /// patch does not apply to it (custom resources and unknown kinds).
    public static func schema(forKind kind: String) throws(StructuredDataError) -> PatchSchema {
        guard let schema = PatchSchema.forKind(kind) else {
            throw StructuredDataError(
                .unsupported,
                "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
        }
        return schema
    }
}
