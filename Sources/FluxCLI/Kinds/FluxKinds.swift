import FluxAPI
import GoCompat
import KubeModel
import StructuredData

/// Every kind the CLI knows, registered once. A new kind is one entry here: its commands under
/// `get`, `export`, `delete`, `suspend`, `resume` and `reconcile` follow from it.
public enum FluxKinds {
    public static let all: [FluxKind] = [
        gitRepository, helmRepository, helmChart, ociRepository, bucket,
        kustomization, helmRelease, alert, provider, receiver,
        imageRepository, imagePolicy, imageUpdateAutomation,
    ]

    /// The kind named `kind` (case-insensitive).
    public static func named(_ kind: String) -> FluxKind? {
        all.first { $0.kind.lowercased() == kind.lowercased() }
    }

    static let appliedRevision: @Sendable (KubeObject) -> String = { "applied revision \($0.lastAppliedRevision)" }

    static let kustomization = FluxKind(
        resource: Kustomization.apiResource, humanKind: "kustomization", group: .none, name: "kustomization",
        aliases: ["ks"], getName: "kustomizations", getAliases: ["ks", "kustomization"],
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get Kustomization statuses", .export: "Export Kustomization resources in YAML format",
                 .delete: "Delete a Kustomization resource", .suspend: "Suspend reconciliation of Kustomization",
                 .resume: "Resume a suspended Kustomization", .reconcile: "Reconcile a Kustomization resource"],
        columns: GetColumns(headers: ["Name", "Revision", "Suspended", "Ready", "Message"]) { object, _ in
            let (status, message) = Summary.statusAndMessage(object)
            return [Summary.truncateHex(object.lastAppliedRevision), Summary.title(object.isSuspendedSpec), status,
                    Summary.truncateHex(message)]
        },
        successMessage: appliedRevision,
        source: { object in
            SourceReference(kind: object.string(at: ["spec", "sourceRef", "kind"]),
                            name: object.string(at: ["spec", "sourceRef", "name"]),
                            namespace: object.string(at: ["spec", "sourceRef", "namespace"]))
        },
        eventRefs: EventReferences(field: ["spec", "sourceRef"], crossNamespaced: true))

    static let helmRelease = FluxKind(
        resource: HelmRelease.apiResource, humanKind: "helmrelease", group: .none, name: "helmrelease",
        aliases: ["hr"], getName: "helmreleases", getAliases: ["hr", "helmrelease"],
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get HelmRelease statuses", .export: "Export HelmRelease resources in YAML format",
                 .delete: "Delete a HelmRelease resource", .suspend: "Suspend reconciliation of HelmRelease",
                 .resume: "Resume a suspended HelmRelease", .reconcile: "Reconcile a HelmRelease resource"],
        columns: GetColumns(headers: ["Name", "Revision", "Suspended", "Ready", "Message"]) { object, _ in
            let (status, message) = Summary.statusAndMessage(object)
            return [object.lastAppliedRevision, Summary.title(object.isSuspendedSpec), status, message]
        },
        successMessage: appliedRevision,
        source: { object in
            // The HelmChart helm-controller generates, in the chart source's namespace.
            let ns = object.string(at: ["spec", "chart", "spec", "sourceRef", "namespace"])
            return SourceReference(kind: HelmChart.apiResource.kind, name: "\(object.namespace)-\(object.name)",
                                   namespace: ns.isEmpty ? object.namespace : ns)
        },
        eventRefs: EventReferences(field: ["spec", "chart", "spec", "sourceRef"], crossNamespaced: true,
                                   others: { namespace, name in ["\(HelmChart.apiResource.kind)/\(namespace)-\(name)"] }))

    static let alert = FluxKind(
        resource: Alert.apiResource, humanKind: "alert", group: .none, name: "alert", getName: "alerts", getAliases: ["alert"],
        verbs: [.get, .export, .delete, .suspend, .resume],
        shorts: [.get: "Get Alert statuses", .export: "Export Alert resources in YAML format",
                 .delete: "Delete a Alert resource", .suspend: "Suspend reconciliation of Alert",
                 .resume: "Resume a suspended Alert"],
        columns: GetColumns(headers: ["Name", "Suspended", "Ready", "Message"], selectable: false) { object, _ in
            [Summary.title(object.isSuspendedSpec), "True", "Alert is Ready"]
        },
        isStatic: { _ in true }, successMessage: { _ in "Alert reconciliation completed" },
        eventRefs: EventReferences(field: ["spec", "providerRef"], kind: Provider.apiResource.kind))

    static let provider = FluxKind(
        resource: Provider.apiResource, humanKind: "alert provider", group: .none, name: "alert-provider",
        getName: "alert-providers", getAliases: ["alert-provider"],
        verbs: [.get, .export, .delete, .suspend, .resume],
        shorts: [.get: "Get Provider statuses", .export: "Export Provider resources in YAML format",
                 .delete: "Delete a Provider resource", .suspend: "Suspend reconciliation of Provider",
                 .resume: "Resume a suspended Provider"],
        columns: GetColumns(headers: ["Name", "Ready", "Message"], selectable: false) { _, _ in ["True", "Provider is Ready"] },
        isStatic: { _ in true }, successMessage: { _ in "Provider reconciliation completed" })

    static let receiver = FluxKind(
        resource: Receiver.apiResource, humanKind: "receiver", group: .none, name: "receiver",
        getName: "receivers", getAliases: ["receiver"],
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get Receiver statuses", .export: "Export Receiver resources in YAML format",
                 .delete: "Delete a Receiver resource", .suspend: "Suspend reconciliation of Receiver",
                 .resume: "Resume a suspended Receiver", .reconcile: "Reconcile a Receiver"],
        columns: GetColumns(headers: ["Name", "Suspended", "Ready", "Message"]) { object, _ in
            let (status, message) = Summary.statusAndMessage(object)
            return [Summary.title(object.isSuspendedSpec), status, message]
        },
        successMessage: { _ in "Receiver reconciliation completed" })
}
