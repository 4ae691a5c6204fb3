import FluxAPI
import GoCompat
import KubeModel
import StructuredData

/// The source kinds: GitRepository, HelmRepository, HelmChart, OCIRepository, Bucket.
extension FluxKinds {
    /// Name, Revision, Suspended, Ready, Message with hex digests shortened.
    static func sourceColumns(truncateRevision: Bool = true, readyOverride: (@Sendable (KubeObject) -> (String, String)?)? = nil) -> GetColumns {
        GetColumns(headers: ["Name", "Revision", "Suspended", "Ready", "Message"]) { object, _ in
            var revision = object.artifactRevision ?? ""
            let (status, message) = readyOverride?(object) ?? Summary.statusAndMessage(object)
            if truncateRevision { revision = Summary.truncateHex(revision) }
            return [revision, Summary.title(object.isSuspendedSpec), status, Summary.truncateHex(message)]
        }
    }

    static let fetchedRevision: @Sendable (KubeObject) -> String = { "fetched revision \($0.artifactRevision ?? "")" }

    static let gitRepository = FluxKind(
        resource: GitRepository.apiResource, humanKind: "source git", group: .source, name: "git", getName: "git",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get GitRepository source statuses", .export: "Export GitRepository sources in YAML format",
                 .delete: "Delete a GitRepository source", .suspend: "Suspend reconciliation of a GitRepository",
                 .resume: "Resume a suspended GitRepository", .reconcile: "Reconcile a GitRepository source"],
        columns: sourceColumns(), successMessage: fetchedRevision)

    static let helmRepository = FluxKind(
        resource: HelmRepository.apiResource, humanKind: "source helm", group: .source, name: "helm", getName: "helm",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get HelmRepository source statuses", .export: "Export HelmRepository sources in YAML format",
                 .delete: "Delete a HelmRepository source", .suspend: "Suspend reconciliation of a HelmRepository",
                 .resume: "Resume a suspended HelmRepository", .reconcile: "Reconcile a HelmRepository source"],
        columns: sourceColumns(readyOverride: { object in
            isOCIHelmRepository(object) ? ("True", "Helm repository is Ready") : nil
        }),
        isStatic: { isOCIHelmRepository($0) },
        successMessage: { object in
            if isOCIHelmRepository(object) { return object.readyCondition?.message ?? "" }
            return "fetched revision \(object.artifactRevision ?? "")"
        })

    /// `spec.type: oci`: a static HelmRepository.
    static func isOCIHelmRepository(_ object: KubeObject) -> Bool {
        object.string(at: ["spec", "type"]) == HelmRepositoryType.oci.rawValue
    }

    static let helmChart = FluxKind(
        resource: HelmChart.apiResource, humanKind: "source chart", group: .source, name: "chart", getName: "chart",
        verbs: [.get, .suspend, .resume, .reconcile],
        shorts: [.get: "Get HelmChart statuses", .suspend: "Suspend reconciliation of a HelmChart",
                 .resume: "Resume a suspended HelmChart", .reconcile: "Reconcile a HelmChart source"],
        columns: sourceColumns(truncateRevision: false), successMessage: fetchedRevision,
        source: { object in
            SourceReference(kind: object.string(at: ["spec", "sourceRef", "kind"]),
                            name: object.string(at: ["spec", "sourceRef", "name"]), namespace: object.namespace)
        },
        eventRefs: EventReferences(field: ["spec", "sourceRef"], crossNamespaced: true))

    static let ociRepository = FluxKind(
        resource: OCIRepository.apiResource, humanKind: "source oci", group: .source, name: "oci", getName: "oci",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get OCIRepository status", .export: "Export OCIRepository sources in YAML format",
                 .delete: "Delete an OCIRepository source", .suspend: "Suspend reconciliation of an OCIRepository",
                 .resume: "Resume a suspended OCIRepository", .reconcile: "Reconcile an OCIRepository"],
        columns: sourceColumns(), successMessage: fetchedRevision)

    static let bucket = FluxKind(
        resource: Bucket.apiResource, humanKind: "source bucket", group: .source, name: "bucket", getName: "bucket",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get Bucket source statuses", .export: "Export Bucket sources in YAML format",
                 .delete: "Delete a Bucket source", .suspend: "Suspend reconciliation of a Bucket",
                 .resume: "Resume a suspended Bucket", .reconcile: "Reconcile a Bucket source"],
        columns: sourceColumns(), successMessage: fetchedRevision)
}
