/// Kustomize's built-in field specs (its `builtinpluginconsts`), as compact rows
/// `group|version|kind|path[|c]` where a trailing `c` means "create if missing".
enum FieldSpecDefaults {
    static let commonLabels: [String] = [
        "|v1|Service|spec/selector|c",
        "|v1|ReplicationController|spec/selector|c",
        "||Deployment|spec/selector/matchLabels|c",
        "apps||Deployment|spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "apps||Deployment|spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "apps||Deployment|spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "apps||Deployment|spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "apps||Deployment|spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        "||ReplicaSet|spec/selector/matchLabels|c",
        "||DaemonSet|spec/selector/matchLabels|c",
        "apps||StatefulSet|spec/selector/matchLabels|c",
        "apps||StatefulSet|spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "apps||StatefulSet|spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "apps||StatefulSet|spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
        "apps||StatefulSet|spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
        "apps||StatefulSet|spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        "batch||Job|spec/selector/matchLabels",
        "batch||CronJob|spec/jobTemplate/spec/selector/matchLabels",
        "policy||PodDisruptionBudget|spec/selector/matchLabels",
        "networking.k8s.io||NetworkPolicy|spec/podSelector/matchLabels",
        "networking.k8s.io||NetworkPolicy|spec/ingress/from/podSelector/matchLabels",
        "networking.k8s.io||NetworkPolicy|spec/egress/to/podSelector/matchLabels",
        "|||metadata/labels|c",
        "|v1|ReplicationController|spec/template/metadata/labels|c",
        "||Deployment|spec/template/metadata/labels|c",
        "||ReplicaSet|spec/template/metadata/labels|c",
        "||DaemonSet|spec/template/metadata/labels|c",
        "apps||StatefulSet|spec/template/metadata/labels|c",
        "apps||StatefulSet|spec/volumeClaimTemplates[]/metadata/labels|c",
        "batch||Job|spec/template/metadata/labels|c",
        "batch||CronJob|spec/jobTemplate/metadata/labels|c",
        "batch||CronJob|spec/jobTemplate/spec/template/metadata/labels|c",
    ]
    static let templateLabels: [String] = [
        "|||metadata/labels|c",
        "|v1|ReplicationController|spec/template/metadata/labels|c",
        "||Deployment|spec/template/metadata/labels|c",
        "||ReplicaSet|spec/template/metadata/labels|c",
        "||DaemonSet|spec/template/metadata/labels|c",
        "apps||StatefulSet|spec/template/metadata/labels|c",
        "apps||StatefulSet|spec/volumeClaimTemplates[]/metadata/labels|c",
        "batch||Job|spec/template/metadata/labels|c",
        "batch||CronJob|spec/jobTemplate/metadata/labels|c",
        "batch||CronJob|spec/jobTemplate/spec/template/metadata/labels|c",
    ]
    static let commonAnnotations: [String] = [
        "|||metadata/annotations|c",
        "|v1|ReplicationController|spec/template/metadata/annotations|c",
        "||Deployment|spec/template/metadata/annotations|c",
        "||ReplicaSet|spec/template/metadata/annotations|c",
        "||DaemonSet|spec/template/metadata/annotations|c",
        "||StatefulSet|spec/template/metadata/annotations|c",
        "batch||Job|spec/template/metadata/annotations|c",
        "batch||CronJob|spec/jobTemplate/metadata/annotations|c",
        "batch||CronJob|spec/jobTemplate/spec/template/metadata/annotations|c",
    ]
    static let namespace: [String] = [
        "||Namespace|metadata/name|c",
        "apiregistration.k8s.io||APIService|spec/service/namespace|c",
        "apiextensions.k8s.io||CustomResourceDefinition|spec/conversion/webhook/clientConfig/service/namespace",
    ]
    static let varReference: [String] = [
        "||CronJob|spec/jobTemplate/spec/template/spec/containers/args",
        "||CronJob|spec/jobTemplate/spec/template/spec/containers/command",
        "||CronJob|spec/jobTemplate/spec/template/spec/containers/env/value",
        "||CronJob|spec/jobTemplate/spec/template/spec/containers/volumeMounts/mountPath",
        "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/args",
        "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/command",
        "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/env/value",
        "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/volumeMounts/mountPath",
        "||CronJob|spec/jobTemplate/spec/template/volumes/nfs/server",
        "||DaemonSet|spec/template/spec/containers/args",
        "||DaemonSet|spec/template/spec/containers/command",
        "||DaemonSet|spec/template/spec/containers/env/value",
        "||DaemonSet|spec/template/spec/containers/volumeMounts/mountPath",
        "||DaemonSet|spec/template/spec/initContainers/args",
        "||DaemonSet|spec/template/spec/initContainers/command",
        "||DaemonSet|spec/template/spec/initContainers/env/value",
        "||DaemonSet|spec/template/spec/initContainers/volumeMounts/mountPath",
        "||DaemonSet|spec/template/spec/volumes/nfs/server",
        "||Deployment|spec/template/spec/containers/args",
        "||Deployment|spec/template/spec/containers/command",
        "||Deployment|spec/template/spec/containers/env/value",
        "||Deployment|spec/template/spec/containers/volumeMounts/mountPath",
        "||Deployment|spec/template/spec/initContainers/args",
        "||Deployment|spec/template/spec/initContainers/command",
        "||Deployment|spec/template/spec/initContainers/env/value",
        "||Deployment|spec/template/spec/initContainers/volumeMounts/mountPath",
        "||Deployment|spec/template/spec/volumes/nfs/server",
        "||Deployment|spec/template/metadata/annotations",
        "||Ingress|spec/rules/host",
        "||Ingress|spec/tls/hosts",
        "||Ingress|spec/tls/secretName",
        "||Job|spec/template/spec/containers/args",
        "||Job|spec/template/spec/containers/command",
        "||Job|spec/template/spec/containers/env/value",
        "||Job|spec/template/spec/containers/volumeMounts/mountPath",
        "||Job|spec/template/spec/initContainers/args",
        "||Job|spec/template/spec/initContainers/command",
        "||Job|spec/template/spec/initContainers/env/value",
        "||Job|spec/template/spec/initContainers/volumeMounts/mountPath",
        "||Job|spec/template/spec/volumes/nfs/server",
        "||Pod|spec/containers/args",
        "||Pod|spec/containers/command",
        "||Pod|spec/containers/env/value",
        "||Pod|spec/containers/volumeMounts/mountPath",
        "||Pod|spec/initContainers/args",
        "||Pod|spec/initContainers/command",
        "||Pod|spec/initContainers/env/value",
        "||Pod|spec/initContainers/volumeMounts/mountPath",
        "||Pod|spec/volumes/nfs/server",
        "||ReplicaSet|spec/template/spec/containers/args",
        "||ReplicaSet|spec/template/spec/containers/command",
        "||ReplicaSet|spec/template/spec/containers/env/value",
        "||ReplicaSet|spec/template/spec/containers/volumeMounts/mountPath",
        "||ReplicaSet|spec/template/spec/initContainers/args",
        "||ReplicaSet|spec/template/spec/initContainers/command",
        "||ReplicaSet|spec/template/spec/initContainers/env/value",
        "||ReplicaSet|spec/template/spec/initContainers/volumeMounts/mountPath",
        "||ReplicaSet|spec/template/spec/volumes/nfs/server",
        "||Service|spec/ports/port",
        "||Service|spec/ports/targetPort",
        "||StatefulSet|spec/template/spec/containers/args",
        "||StatefulSet|spec/template/spec/containers/command",
        "||StatefulSet|spec/template/spec/containers/env/value",
        "||StatefulSet|spec/template/spec/containers/volumeMounts/mountPath",
        "||StatefulSet|spec/template/spec/initContainers/args",
        "||StatefulSet|spec/template/spec/initContainers/command",
        "||StatefulSet|spec/template/spec/initContainers/env/value",
        "||StatefulSet|spec/template/spec/initContainers/volumeMounts/mountPath",
        "||StatefulSet|spec/volumeClaimTemplates/spec/nfs/server",
        "||PersistentVolume|spec/nfs/server",
        "|||metadata/labels",
        "|||metadata/annotations",
    ]
    static let images: [String] = [
        "|||spec/containers[]/image|c",
        "|||spec/initContainers[]/image|c",
        "|||spec/template/spec/containers[]/image|c",
        "|||spec/template/spec/initContainers[]/image|c",
    ]
    static let replicas: [String] = [
        "||Deployment|spec/replicas|c",
        "||ReplicationController|spec/replicas|c",
        "||ReplicaSet|spec/replicas|c",
        "||StatefulSet|spec/replicas|c",
    ]
    static let namePrefix: [String] = [
        "|||metadata/name",
    ]
    static let nameSuffix: [String] = [
        "|||metadata/name",
    ]

    /// Parses rows of the compact form.
    static func specs(_ rows: [String]) -> [FieldSpec] {
        rows.map { row in
            let parts = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return FieldSpec(gvk: Gvk(group: parts[0], version: parts[1], kind: parts[2]), path: parts[3],
                             create: parts.count > 4 && parts[4] == "c")
        }
    }

    /// The whole default configuration, sorted as kustomize's `MakeDefaultConfig` leaves it.
    static let config: TransformerConfig = {
        var c = TransformerConfig()
        c.namePrefix = specs(namePrefix)
        c.nameSuffix = specs(nameSuffix)
        c.commonLabels = specs(commonLabels)
        c.templateLabels = specs(templateLabels)
        c.commonAnnotations = specs(commonAnnotations)
        c.namespace = specs(namespace)
        c.varReference = specs(varReference)
        c.images = specs(images)
        c.replicas = specs(replicas)
        c.nameReference = nameReference.map { target, rows in
            let p = target.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return NameBackReference(gvk: Gvk(group: p[0], version: p[1], kind: p[2]), referrers: specs(rows))
        }
        c.sortFields()
        return c
    }()
}
