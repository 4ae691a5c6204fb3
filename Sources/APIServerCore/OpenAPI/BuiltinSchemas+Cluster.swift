extension BuiltinSchemas {
    static let networkingPackage = "io.k8s.api.networking.v1."
    static let rbacPackage = "io.k8s.api.rbac.v1."
    static let autoscalingPackage = "io.k8s.api.autoscaling.v2."
    static let extensionsPackage = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1."

    static func networking(_ name: String) -> SchemaType { .ref(networkingPackage + name) }
    static func rbac(_ name: String) -> SchemaType { .ref(rbacPackage + name) }
    static func autoscaling(_ name: String) -> SchemaType { .ref(autoscalingPackage + name) }
    static func extensions(_ name: String) -> SchemaType { .ref(extensionsPackage + name) }

    /// networking, RBAC, coordination, autoscaling, policy and apiextensions.
    static let cluster: [SchemaDefinition] = networkingKinds + rbacKinds + otherKinds + crdKinds

    static let networkingKinds: [SchemaDefinition] =
        kind("networking.k8s.io", "v1", "Ingress", "An Ingress routes external HTTP(S) traffic to services by host and path.", [
            F("spec", networking("IngressSpec"), "The desired behavior of the Ingress."),
            F("status", networking("IngressStatus"), "The observed state of the Ingress. Read-only."),
        ]) + [
            object(networkingPackage + "IngressSpec", "The desired state of an Ingress.", [
                F("defaultBackend", networking("IngressBackend"), "Where requests matching no rule go."),
                F("ingressClassName", .string, "The IngressClass (controller) that implements this Ingress."),
                F("rules", .array(networking("IngressRule")), "Host and path rules; requests matching none go to the default backend."),
                F("tls", .array(networking("IngressTLS")), "TLS settings: hosts and the Secret with their certificate."),
            ]),
            object(networkingPackage + "IngressRule", "Routes requests for a host.", [
                F("host", .string, "The fully qualified domain name to match; a leading `*.` matches one label. All hosts when empty."),
                F("http", networking("HTTPIngressRuleValue"), "The paths routed for this host."),
            ]),
            object(networkingPackage + "HTTPIngressRuleValue", "The HTTP paths of an Ingress rule.", [
                F("paths", .array(networking("HTTPIngressPath")), "Paths and the backends they go to.", required: true),
            ]),
            object(networkingPackage + "HTTPIngressPath", "A path routed to a backend.", [
                F("backend", networking("IngressBackend"), "Where matching requests go.", required: true),
                F("path", .string, "The path to match; must start with '/'."),
                F("pathType", .string, "How the path matches: `Exact`, `Prefix` or `ImplementationSpecific`.", required: true),
            ]),
            object(networkingPackage + "IngressBackend", "A service port or another resource requests are sent to.", [
                F("resource", .object, "A resource in the Ingress's namespace (`apiGroup`, `kind`, `name`)."),
                F("service", networking("IngressServiceBackend"), "A service in the Ingress's namespace."),
            ]),
            object(networkingPackage + "IngressServiceBackend", "A service and port.", [
                F("name", .string, "The service's name.", required: true),
                F("port", networking("ServiceBackendPort"), "The service port."),
            ]),
            object(networkingPackage + "ServiceBackendPort", "A service port, by name or number.", [
                F("name", .string, "The port's name."),
                F("number", .int32, "The port's number."),
            ]),
            object(networkingPackage + "IngressTLS", "TLS settings for some hosts.", [
                F("hosts", .strings, "Hosts covered by the certificate."),
                F("secretName", .string, "The Secret with the TLS certificate and key."),
            ]),
            object(networkingPackage + "IngressStatus", "The observed state of an Ingress.", [
                F("loadBalancer", .object, "The load balancer's ingress points, if any."),
            ]),
        ]
        + kind("networking.k8s.io", "v1", "NetworkPolicy", "A NetworkPolicy restricts which traffic may reach or leave a set of pods.", [
            F("spec", networking("NetworkPolicySpec"), "The desired behavior of the policy."),
        ]) + [
            object(networkingPackage + "NetworkPolicySpec", "The desired state of a NetworkPolicy.", [
                F("egress", .array(networking("NetworkPolicyEgressRule")), "Allowed outgoing traffic; none when empty and `Egress` is a policy type."),
                F("ingress", .array(networking("NetworkPolicyIngressRule")), "Allowed incoming traffic; none when empty."),
                F("podSelector", .meta("LabelSelector"), "The pods the policy applies to; all pods of the namespace when empty.", required: true),
                F("policyTypes", .strings, "`Ingress`, `Egress` or both."),
            ]),
            object(networkingPackage + "NetworkPolicyIngressRule", "Traffic allowed in: from all of `from` (any source when empty) to all of `ports`.", [
                F("from", .array(networking("NetworkPolicyPeer")), "The sources; any source when empty."),
                F("ports", .array(networking("NetworkPolicyPort")), "The destination ports; every port when empty."),
            ]),
            object(networkingPackage + "NetworkPolicyEgressRule", "Traffic allowed out: to all of `to` (any destination when empty) on all of `ports`.", [
                F("ports", .array(networking("NetworkPolicyPort")), "The destination ports; every port when empty."),
                F("to", .array(networking("NetworkPolicyPeer")), "The destinations; any destination when empty."),
            ]),
            object(networkingPackage + "NetworkPolicyPeer", "A peer: pods (by pod and namespace selectors) or an IP block.", [
                F("ipBlock", networking("IPBlock"), "A CIDR range, with exceptions."),
                F("namespaceSelector", .meta("LabelSelector"), "The namespaces whose pods are peers."),
                F("podSelector", .meta("LabelSelector"), "The pods that are peers (in the policy's namespace unless `namespaceSelector` is set)."),
            ]),
            object(networkingPackage + "NetworkPolicyPort", "A port, or a port range, and a protocol.", [
                F("endPort", .int32, "The last port of a range starting at `port`."),
                F("port", .intOrString, "The port number or name; every port when empty."),
                F("protocol", .string, "`TCP` (default), `UDP` or `SCTP`."),
            ]),
            object(networkingPackage + "IPBlock", "A CIDR range and the CIDRs inside it that are excluded.", [
                F("cidr", .string, "The range, e.g. `192.168.1.0/24`.", required: true),
                F("except", .strings, "CIDRs inside the range that are excluded."),
            ]),
        ]

    static let rbacKinds: [SchemaDefinition] =
        kind("rbac.authorization.k8s.io", "v1", "Role", "A Role grants a set of permissions within a namespace.", [
            F("rules", .array(rbac("PolicyRule")), "The permissions granted."),
        ])
        + kind("rbac.authorization.k8s.io", "v1", "ClusterRole", "A ClusterRole grants a set of permissions cluster-wide or, through RoleBindings, in namespaces.", [
            F("aggregationRule", .object, "Selects ClusterRoles whose rules are aggregated into this one (`clusterRoleSelectors`)."),
            F("rules", .array(rbac("PolicyRule")), "The permissions granted."),
        ])
        + kind("rbac.authorization.k8s.io", "v1", "RoleBinding", "A RoleBinding grants a Role's or ClusterRole's permissions to subjects within a namespace.", [
            F("roleRef", rbac("RoleRef"), "The role granted; cannot be updated.", required: true),
            F("subjects", .array(rbac("Subject")), "The users, groups or service accounts granted the role."),
        ])
        + kind("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "A ClusterRoleBinding grants a ClusterRole's permissions to subjects cluster-wide.", [
            F("roleRef", rbac("RoleRef"), "The ClusterRole granted; cannot be updated.", required: true),
            F("subjects", .array(rbac("Subject")), "The users, groups or service accounts granted the role."),
        ])
        + [
            object(rbacPackage + "PolicyRule", "Verbs allowed on resources or non-resource URLs.", [
                F("apiGroups", .strings, "API groups of the resources; \"\" is the core group, \"*\" all groups."),
                F("nonResourceURLs", .strings, "Non-resource URL paths (e.g. `/healthz`); for ClusterRoles only."),
                F("resourceNames", .strings, "Object names the rule is limited to."),
                F("resources", .strings, "Resources the rule applies to; \"*\" for all."),
                F("verbs", .strings, "Verbs allowed (`get`, `list`, `watch`, `create`, ...); \"*\" for all.", required: true),
            ]),
            object(rbacPackage + "RoleRef", "The role a binding grants.", [
                F("apiGroup", .string, "The role's API group.", required: true),
                F("kind", .string, "`Role` or `ClusterRole`.", required: true),
                F("name", .string, "The role's name.", required: true),
            ]),
            object(rbacPackage + "Subject", "A user, group or service account.", [
                F("apiGroup", .string, "\"\" for ServiceAccount, `rbac.authorization.k8s.io` for User and Group."),
                F("kind", .string, "`User`, `Group` or `ServiceAccount`.", required: true),
                F("name", .string, "The subject's name.", required: true),
                F("namespace", .string, "The service account's namespace."),
            ]),
        ]

    static let otherKinds: [SchemaDefinition] =
        kind("coordination.k8s.io", "v1", "Lease", "A Lease is a lock held for a while, used for leader election and heartbeats.", [
            F("spec", .ref("io.k8s.api.coordination.v1.LeaseSpec"), "The lease's holder and timing."),
        ]) + [
            object("io.k8s.api.coordination.v1.LeaseSpec", "The state of a Lease.", [
                F("acquireTime", .meta("MicroTime"), "When the current holder acquired the lease."),
                F("holderIdentity", .string, "The identity of the current holder."),
                F("leaseDurationSeconds", .int32, "How long candidates wait before taking over an unrenewed lease."),
                F("leaseTransitions", .int32, "How many times the lease changed holder."),
                F("renewTime", .meta("MicroTime"), "When the holder last renewed the lease."),
            ]),
        ]
        + kind("autoscaling", "v2", "HorizontalPodAutoscaler", "A HorizontalPodAutoscaler scales a workload's replicas to keep metrics near their targets.", [
            F("spec", autoscaling("HorizontalPodAutoscalerSpec"), "The desired behavior of the autoscaler."),
            F("status", autoscaling("HorizontalPodAutoscalerStatus"), "The observed state of the autoscaler. Read-only."),
        ]) + [
            object(autoscalingPackage + "HorizontalPodAutoscalerStatus", "The observed state of a HorizontalPodAutoscaler.", [
                F("conditions", .array(autoscaling("HorizontalPodAutoscalerCondition")), "The autoscaler's conditions."),
                F("currentMetrics", .array(.object), "The last values read of the metrics."),
                F("currentReplicas", .int32, "The replicas of the workload when last checked."),
                F("desiredReplicas", .int32, "The replicas the autoscaler last computed.", required: true),
                F("lastScaleTime", .time, "When the autoscaler last changed the replica count."),
                F("observedGeneration", .int64, "The generation the autoscaler last observed."),
            ]),
            object(autoscalingPackage + "HorizontalPodAutoscalerCondition", "One condition of a HorizontalPodAutoscaler.", [
                F("lastTransitionTime", .time, "When the condition last changed status."),
                F("message", .string, "A human-readable explanation."),
                F("reason", .string, "A CamelCase reason for the last transition."),
                F("status", .string, "`True`, `False` or `Unknown`.", required: true),
                F("type", .string, "`ScalingActive`, `AbleToScale` or `ScalingLimited`.", required: true),
            ]),
            object(autoscalingPackage + "HorizontalPodAutoscalerSpec", "The desired state of a HorizontalPodAutoscaler.", [
                F("behavior", .object, "Scaling behavior for scaling up and down."),
                F("maxReplicas", .int32, "The most replicas the autoscaler may set.", required: true),
                F("metrics", .array(autoscaling("MetricSpec")), "The metrics used to compute the replica count."),
                F("minReplicas", .int32, "The fewest replicas the autoscaler may set. Defaults to 1."),
                F("scaleTargetRef", autoscaling("CrossVersionObjectReference"), "The scaled workload.", required: true),
            ]),
            object(autoscalingPackage + "CrossVersionObjectReference", "A reference to a scalable object.", [
                F("apiVersion", .string, "The referent's API version."),
                F("kind", .string, "The referent's kind.", required: true),
                F("name", .string, "The referent's name.", required: true),
            ]),
            object(autoscalingPackage + "MetricSpec", "One metric to scale on; the field matching `type` is set.", [
                F("containerResource", .object, "A resource metric of one container of the pods."),
                F("external", .object, "A metric from outside the cluster."),
                F("object", .object, "A metric of another object."),
                F("pods", .object, "A metric averaged over the pods."),
                F("resource", autoscaling("ResourceMetricSource"), "A resource metric (cpu, memory) of the pods."),
                F("type", .string, "`ContainerResource`, `External`, `Object`, `Pods` or `Resource`.", required: true),
            ]),
            object(autoscalingPackage + "ResourceMetricSource", "A resource metric of the pods.", [
                F("name", .string, "The resource, e.g. `cpu`.", required: true),
                F("target", autoscaling("MetricTarget"), "The target value.", required: true),
            ]),
            object(autoscalingPackage + "MetricTarget", "The target of a metric.", [
                F("averageUtilization", .int32, "Target average utilization, as a percentage of the requests."),
                F("averageValue", .quantity, "Target average value across pods."),
                F("type", .string, "`Utilization`, `Value` or `AverageValue`.", required: true),
                F("value", .quantity, "Target value."),
            ]),
        ]
        + kind("policy", "v1", "PodDisruptionBudget", "A PodDisruptionBudget limits how many pods of a set may be down at once from voluntary disruptions.", [
            F("spec", .ref("io.k8s.api.policy.v1.PodDisruptionBudgetSpec"), "The desired behavior of the budget."),
            F("status", .object, "The observed state of the budget. Read-only."),
        ]) + [
            object("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "The desired state of a PodDisruptionBudget.", [
                F("maxUnavailable", .intOrString, "How many (or what percentage of) selected pods may be unavailable."),
                F("minAvailable", .intOrString, "How many (or what percentage of) selected pods must stay available."),
                F("selector", .meta("LabelSelector"), "The pods the budget covers."),
                F("unhealthyPodEvictionPolicy", .string, "When unhealthy pods may be evicted: `IfHealthyBudget` or `AlwaysAllow`."),
            ]),
        ]

    static let crdKinds: [SchemaDefinition] =
        kind("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "A CustomResourceDefinition adds a resource type to the API server.", [
            F("spec", extensions("CustomResourceDefinitionSpec"), "The resource type being defined.", required: true),
            F("status", extensions("CustomResourceDefinitionStatus"), "The observed state of the definition. Read-only."),
        ]) + [
            object(extensionsPackage + "CustomResourceDefinitionSpec", "The resource type a CustomResourceDefinition defines.", [
                F("conversion", .object, "How objects are converted between versions (`None` or `Webhook`)."),
                F("group", .string, "The API group of the resources, a DNS subdomain with at least one dot.", required: true),
                F("names", extensions("CustomResourceDefinitionNames"), "The names the resource is served under.", required: true),
                F("preserveUnknownFields", .boolean, "Deprecated: keep fields the schema does not list."),
                F("scope", .string, "`Namespaced` or `Cluster`.", required: true),
                F("versions", .array(extensions("CustomResourceDefinitionVersion")), "The served versions; exactly one is the storage version.", required: true),
            ]),
            object(extensionsPackage + "CustomResourceDefinitionNames", "The names of a custom resource.", [
                F("categories", .strings, "Groups of resources this one belongs to (e.g. `all`)."),
                F("kind", .string, "The kind of the objects, in CamelCase.", required: true),
                F("listKind", .string, "The kind of lists; `<kind>List` by default."),
                F("plural", .string, "The plural name used in URLs, lowercase.", required: true),
                F("shortNames", .strings, "Short aliases for the CLI."),
                F("singular", .string, "The singular name, lowercase; the lowercased kind by default."),
            ]),
            object(extensionsPackage + "CustomResourceDefinitionVersion", "One version of a custom resource.", [
                F("additionalPrinterColumns", .array(.object), "Extra columns `kubectl get` shows."),
                F("deprecated", .boolean, "Whether the version is deprecated."),
                F("deprecationWarning", .string, "The warning returned to clients of a deprecated version."),
                F("name", .string, "The version's name, e.g. `v1beta2`.", required: true),
                F("schema", extensions("CustomResourceValidation"), "The schema of objects of this version."),
                F("selectableFields", .array(.object), "Fields usable in field selectors."),
                F("served", .boolean, "Whether the version is served.", required: true),
                F("storage", .boolean, "Whether objects are stored in this version.", required: true),
                F("subresources", .object, "The `status` and `scale` subresources."),
            ]),
            object(extensionsPackage + "CustomResourceValidation", "The schema of a custom resource version.", [
                F("openAPIV3Schema", extensions("JSONSchemaProps"), "The OpenAPI v3 schema used for validation, pruning and defaulting."),
            ]),
            freeform(extensionsPackage + "JSONSchemaProps", "A JSON Schema (OpenAPI v3 subset) with Kubernetes extensions."),
            object(extensionsPackage + "CustomResourceDefinitionStatus", "The observed state of a CustomResourceDefinition.", [
                F("acceptedNames", extensions("CustomResourceDefinitionNames"), "The names actually served."),
                F("conditions", .array(.object), "The definition's conditions (`NamesAccepted`, `Established`, ...)."),
                F("storedVersions", .strings, "Versions objects have ever been stored in."),
            ]),
        ]
}
