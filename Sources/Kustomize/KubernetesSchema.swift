import StructuredData

/// The parts of the Kubernetes v1.21.2 OpenAPI schema (the one kyaml embeds) that `kustomize build`
/// depends on: which kinds are cluster scoped, and where strategic merge patches merge lists by key.
///
/// Only known GVKs have a schema. Below a field that the schema does not describe, every list is
/// replaced wholesale by a patch (kyaml does not infer merge keys in kustomize's merges). The
/// type table (`KubernetesSchema+Types.swift`) holds every definition from which a list with
/// `x-kubernetes-patch-strategy: merge` can be reached, and only the fields on those paths.
enum KubernetesSchema {
    /// `apiVersion kind` of cluster-scoped types.
    static let clusterScoped: Set<String> = [
        "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
        "apiextensions.k8s.io/v1 CustomResourceDefinition", "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
        "apiregistration.k8s.io/v1 APIService", "apiregistration.k8s.io/v1beta1 APIService",
        "certificates.k8s.io/v1 CertificateSigningRequest", "certificates.k8s.io/v1beta1 CertificateSigningRequest",
        "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema", "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
        "networking.k8s.io/v1 IngressClass", "networking.k8s.io/v1beta1 IngressClass", "node.k8s.io/v1 RuntimeClass",
        "node.k8s.io/v1beta1 RuntimeClass", "policy/v1beta1 PodSecurityPolicy", "rbac.authorization.k8s.io/v1 ClusterRole",
        "rbac.authorization.k8s.io/v1 ClusterRoleBinding", "rbac.authorization.k8s.io/v1beta1 ClusterRole",
        "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding", "scheduling.k8s.io/v1 PriorityClass",
        "scheduling.k8s.io/v1beta1 PriorityClass", "storage.k8s.io/v1 CSIDriver", "storage.k8s.io/v1 CSINode",
        "storage.k8s.io/v1 StorageClass", "storage.k8s.io/v1 VolumeAttachment", "storage.k8s.io/v1beta1 CSIDriver",
        "storage.k8s.io/v1beta1 CSINode", "storage.k8s.io/v1beta1 StorageClass", "storage.k8s.io/v1beta1 VolumeAttachment",
        "v1 ComponentStatus", "v1 Namespace", "v1 Node", "v1 PersistentVolume",
    ]

    /// Namespaced types of the schema (`apiVersion kind`).
    static let namespaced: Set<String> = [
        "apps/v1 ControllerRevision", "apps/v1 DaemonSet", "apps/v1 Deployment", "apps/v1 ReplicaSet", "apps/v1 StatefulSet",
        "autoscaling/v1 HorizontalPodAutoscaler", "autoscaling/v2beta1 HorizontalPodAutoscaler",
        "autoscaling/v2beta2 HorizontalPodAutoscaler", "batch/v1 CronJob", "batch/v1 Job", "batch/v1beta1 CronJob",
        "coordination.k8s.io/v1 Lease", "coordination.k8s.io/v1beta1 Lease", "discovery.k8s.io/v1 EndpointSlice",
        "discovery.k8s.io/v1beta1 EndpointSlice", "events.k8s.io/v1 Event", "events.k8s.io/v1beta1 Event",
        "extensions/v1beta1 Ingress", "networking.k8s.io/v1 Ingress", "networking.k8s.io/v1 NetworkPolicy",
        "networking.k8s.io/v1beta1 Ingress", "policy/v1 PodDisruptionBudget", "policy/v1beta1 PodDisruptionBudget",
        "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 RoleBinding", "rbac.authorization.k8s.io/v1beta1 Role",
        "rbac.authorization.k8s.io/v1beta1 RoleBinding", "storage.k8s.io/v1beta1 CSIStorageCapacity", "v1 ConfigMap",
        "v1 Endpoints", "v1 Event", "v1 LimitRange", "v1 PersistentVolumeClaim", "v1 Pod", "v1 PodTemplate",
        "v1 ReplicationController", "v1 ResourceQuota", "v1 Secret", "v1 Service", "v1 ServiceAccount",
    ]

    /// One field of a schema type: its value's type, and for lists the merge strategy and keys.
    struct Field: Sendable {
        var type: String?
        var merge = false
        var keys: [String] = []
    }

    static func object(_ t: String) -> Field { Field(type: t) }
    static func mergeList(_ t: String?, _ keys: String...) -> Field { Field(type: t, merge: true, keys: keys) }

    /// The root type of a GVK, or nil when the schema does not describe it (or nothing in it
    /// merges by key, which behaves the same).
    static func rootType(apiVersion: String, kind: String) -> String? {
        rootTypes[apiVersion + " " + kind]
    }
}

/// A position in the schema during a merge: the built-in type whose fields are being merged (nil
/// when unknown) or, with a custom schema, the resolved schema object; and for lists the merge
/// strategy.
struct SchemaNode: Sendable {
    var type: String?
    var field: KubernetesSchema.Field?
    var custom: CustomSchema? = nil
    var customNode: JSONObject? = nil

    static func root(apiVersion: String, kind: String, custom: CustomSchema?) -> SchemaNode? {
        if let custom {
            guard let node = custom.root(apiVersion: apiVersion, kind: kind) else { return nil }
            return SchemaNode(type: nil, field: nil, custom: custom, customNode: node)
        }
        guard let t = KubernetesSchema.rootType(apiVersion: apiVersion, kind: kind) else { return nil }
        return SchemaNode(type: t, field: nil)
    }

    init(type: String?, field: KubernetesSchema.Field?, custom: CustomSchema? = nil, customNode: JSONObject? = nil) {
        self.type = type
        self.field = field
        self.custom = custom
        self.customNode = customNode
    }

    /// The schema of a map's field (nil when the schema does not describe it).
    func child(_ key: String) -> SchemaNode? {
        if let custom {
            guard let node = customNode, let f = custom.field(node, key) else { return nil }
            return SchemaNode(type: nil, field: CustomSchema.strategy(f), custom: custom, customNode: f)
        }
        guard let type else { return nil }
        let fields = KubernetesSchema.types[type]
        guard let f = fields?[key] ?? fields?["*"] else { return SchemaNode(type: nil, field: nil) }
        return SchemaNode(type: f.type, field: f)
    }

    /// The schema of a list's elements.
    var elements: SchemaNode? {
        if let custom {
            guard let node = customNode, let e = custom.elements(node) else { return nil }
            return SchemaNode(type: nil, field: CustomSchema.strategy(e), custom: custom, customNode: e)
        }
        return SchemaNode(type: field?.type, field: nil)
    }

    var isMergeList: Bool { field?.merge ?? false }
    var mergeKeys: [String] { field?.keys ?? [] }
}
