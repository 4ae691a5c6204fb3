extension BuiltinSchemas {
    /// core/v1 kinds other than Pod.
    static let core: [SchemaDefinition] =
        kind("", "v1", "Namespace", "A Namespace is a scope for names; most objects live in one.", [
            F("spec", .core("NamespaceSpec"), "The desired state of the namespace."),
            F("status", .core("NamespaceStatus"), "The observed state of the namespace. Read-only."),
        ]) + [
            coreObject("NamespaceSpec", "The desired state of a namespace.", [
                F("finalizers", .strings, "Finalizers that must be cleared before the namespace is removed."),
            ]),
            coreObject("NamespaceStatus", "The observed state of a namespace.", [
                M("conditions", .array(.object), "The namespace's conditions.", key: "type"),
                F("phase", .string, "`Active` or `Terminating`."),
            ]),
        ]
        + kind("", "v1", "ConfigMap", "A ConfigMap holds configuration data, as strings or bytes, for pods to consume.", [
            F("binaryData", .map(.byte), "Binary values, base64-encoded. Keys may not overlap with `data`."),
            F("data", .stringMap, "UTF-8 string values. Keys consist of alphanumerics, '-', '_' or '.'."),
            F("immutable", .boolean, "When true, the data cannot change; only deletion is allowed."),
        ])
        + kind("", "v1", "Secret", "A Secret holds sensitive data such as passwords, tokens or keys.", [
            F("data", .map(.byte), "Secret values, base64-encoded."),
            F("immutable", .boolean, "When true, the data cannot change; only deletion is allowed."),
            F("stringData", .stringMap, "Write-only convenience: plain strings merged into `data` on write."),
            F("type", .string, "How the data is meant to be used, e.g. `Opaque` or `kubernetes.io/tls`."),
        ])
        + kind("", "v1", "ServiceAccount", "A ServiceAccount is an identity for processes running in pods.", [
            F("automountServiceAccountToken", .boolean, "Whether pods using this account get its token mounted."),
            F("imagePullSecrets", .array(.core("LocalObjectReference")), "Secrets added to pods using this account, for pulling images."),
            M("secrets", .array(.core("ObjectReference")), "Secrets pods using this account may use.", key: "name"),
        ])
        + [
            coreObject("ObjectReference", "A reference to an object, possibly to a field within it.", [
                F("apiVersion", .string, "The API version of the referent."),
                F("fieldPath", .string, "A field within the referent, e.g. `spec.containers{name}`."),
                F("kind", .string, "The kind of the referent."),
                F("name", .string, "The name of the referent."),
                F("namespace", .string, "The namespace of the referent."),
                F("resourceVersion", .string, "The resource version the reference is about."),
                F("uid", .string, "The UID of the referent."),
            ]),
        ]
        + kind("", "v1", "Service", "A Service gives a set of pods one stable virtual address and name, and balances traffic across them.", [
            F("spec", .core("ServiceSpec"), "The desired behavior of the service."),
            F("status", .core("ServiceStatus"), "The observed state of the service. Read-only."),
        ])
        + [
            coreObject("ServiceSpec", "The desired behavior of a service.", [
                F("allocateLoadBalancerNodePorts", .boolean, "Whether node ports are allocated for a LoadBalancer service. Defaults to true."),
                F("clusterIP", .string, "The service's virtual IP; `None` makes a headless service. Allocated when empty."),
                F("clusterIPs", .strings, "The service's virtual IPs, one per IP family."),
                F("externalIPs", .strings, "Extra IPs on which nodes accept traffic for this service."),
                F("externalName", .string, "The DNS name an `ExternalName` service aliases."),
                F("externalTrafficPolicy", .string, "How external traffic is routed: `Cluster` or `Local`."),
                F("healthCheckNodePort", .int32, "The node port for load balancer health checks with `Local` traffic policy."),
                F("internalTrafficPolicy", .string, "How in-cluster traffic is routed: `Cluster` or `Local`."),
                F("ipFamilies", .strings, "The IP families (`IPv4`, `IPv6`) of the service."),
                F("ipFamilyPolicy", .string, "`SingleStack`, `PreferDualStack` or `RequireDualStack`."),
                F("loadBalancerClass", .string, "The load balancer implementation to use."),
                F("loadBalancerIP", .string, "Deprecated: the IP a load balancer should use."),
                F("loadBalancerSourceRanges", .strings, "Client CIDRs allowed through the load balancer."),
                M("ports", .array(.core("ServicePort")), "The ports the service exposes.", key: "port"),
                F("publishNotReadyAddresses", .boolean, "Publish endpoints of pods that are not ready."),
                F("selector", .stringMap, "Labels of the pods traffic is routed to."),
                F("sessionAffinity", .string, "`ClientIP` or `None` (default)."),
                F("sessionAffinityConfig", .object, "Settings of session affinity."),
                F("type", .string, "`ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`."),
            ]),
            coreObject("ServicePort", "A port of a service.", [
                F("appProtocol", .string, "The application protocol of the port."),
                F("name", .string, "The port's name; required when the service has several ports."),
                F("nodePort", .int32, "The port on each node for `NodePort` and `LoadBalancer` services."),
                F("port", .int32, "The port the service exposes.", required: true),
                F("protocol", .string, "`TCP` (default), `UDP` or `SCTP`."),
                F("targetPort", .intOrString, "The port number or name on the pods. Defaults to `port`."),
            ]),
            coreObject("ServiceStatus", "The observed state of a service.", [
                M("conditions", .array(.meta("Condition")), "The service's conditions.", key: "type"),
                F("loadBalancer", .object, "The load balancer's ingress points, if any."),
            ]),
        ]
        + kind("", "v1", "Event", "An Event reports something that happened to an object.", [
            F("action", .string, "What was done, or failed, about the object."),
            F("count", .int32, "How many times the event occurred."),
            F("eventTime", .meta("MicroTime"), "When the event was first observed."),
            F("firstTimestamp", .time, "When the event was first recorded."),
            F("involvedObject", .core("ObjectReference"), "The object the event is about.", required: true),
            F("lastTimestamp", .time, "When the event was last recorded."),
            F("message", .string, "A human-readable description."),
            F("reason", .string, "A short, machine-readable reason, in CamelCase."),
            F("related", .core("ObjectReference"), "A second object involved, if any."),
            F("reportingComponent", .string, "The controller that emitted the event."),
            F("reportingInstance", .string, "The instance of the controller that emitted the event."),
            F("series", .object, "Data about a series of repeated events."),
            F("source", .core("EventSource"), "The component reporting the event."),
            F("type", .string, "`Normal` or `Warning`."),
        ], metadataRequired: true)
        + [
            coreObject("EventSource", "The component and host an event comes from.", [
                F("component", .string, "The component reporting the event."),
                F("host", .string, "The node name of the reporter."),
            ]),
        ]
        + kind("", "v1", "PersistentVolumeClaim", "A PersistentVolumeClaim is a request for storage by a user.", [
            F("spec", .core("PersistentVolumeClaimSpec"), "The storage requested."),
            F("status", .core("PersistentVolumeClaimStatus"), "The observed state of the claim. Read-only."),
        ])
        + [
            coreObject("PersistentVolumeClaimSpec", "The storage a claim requests.", [
                F("accessModes", .strings, "The access modes wanted: `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`."),
                F("dataSource", .object, "An existing object (snapshot, claim) to populate the volume from."),
                F("dataSourceRef", .object, "Any object to populate the volume from."),
                F("resources", .core("ResourceRequirements"), "The minimum (and maximum) storage the volume should have."),
                F("selector", .meta("LabelSelector"), "A label query over volumes to bind to."),
                F("storageClassName", .string, "The StorageClass to provision from."),
                F("volumeMode", .string, "`Filesystem` (default) or `Block`."),
                F("volumeName", .string, "The PersistentVolume bound to the claim."),
            ]),
            coreObject("PersistentVolumeClaimStatus", "The observed state of a claim.", [
                F("accessModes", .strings, "The access modes of the bound volume."),
                F("capacity", .map(.quantity), "The resources of the bound volume."),
                M("conditions", .array(.object), "The claim's conditions.", key: "type"),
                F("phase", .string, "`Pending`, `Bound` or `Lost`."),
            ]),
        ]
}
