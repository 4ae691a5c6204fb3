import ControllerRuntime
import FluxAPI
import FluxSSA
import GoCompat
import KubeClient
import KubeModel
import Logging

/// Keeps the HelmChart generated from `spec.chart` (`internal/reconcile/helmchart_template.go`):
/// server-side applied as `helm-controller` with the owner labels, deleted when the HelmRelease
/// is deleted or points at another chart.
struct HelmChartTemplateStep: Sendable {
    let client: KubeClient
    let events: EventRecorder
    let allowCrossNamespaceRefs: Bool
    let logger: Logger

    /// - Throws: an access-denied error (`cross-namespace references are not allowed: …`) or
    ///   `failed to run server-side apply: …`.
    func reconcile(_ hr: inout HelmRelease) async throws {
        let namespace = hr.spec.chart.namespace(default: hr.namespace)
        let reference = "\(namespace)/\(hr.helmChartName)"
        if (!(hr.status.helmChart ?? "").isEmpty && hr.status.helmChart != reference) || hr.isBeingDeleted {
            try await delete(&hr)
            if hr.isBeingDeleted { return }
        }
        try allowsAccess(hr, kind: "HelmChart", namespace: namespace, name: hr.helmChartName)
        var object = try Self.build(hr).object()
        var labels = object.labels
        labels[FluxLabels.helmName] = hr.name
        labels[FluxLabels.helmNamespace] = hr.namespace
        object.labels = labels
        let manager = ResourceManager(client: client, owner: Owner(field: Drift.fieldManager, group: FluxGroups.helm))
        let entry: ChangeSetEntry
        do {
            entry = try await manager.apply(object)
        } catch {
            let message = "failed to run server-side apply: \(error)"
            events.event(hr, type: .trace, reason: "HelmChartSyncErr", message: message)
            throw HelmControllerError(message)
        }
        let source = "\(hr.spec.chart.spec.sourceRef.kind?.rawValue ?? "")/\(namespace)/\(hr.spec.chart.spec.sourceRef.name)"
        switch entry.action {
        case .created, .configured:
            let verb = entry.action.rawValue
            let message = verb.prefix(1).uppercased() + verb.dropFirst() + " \(entry.subject) with SourceRef '\(source)'"
            logger.info("\(message)")
            events.event(hr, type: .trace, reason: "HelmChart" + verb.prefix(1).uppercased() + verb.dropFirst(), message: message)
        case .unchanged:
            logger.info("\(entry.subject) with SourceRef '\(source)' is in-sync")
        default:
            throw HelmControllerError("unexpected action '\(entry.action.rawValue)' for \(entry.subject)")
        }
        hr.status.helmChart = reference
    }

    /// Deletes the HelmChart in `status.helmChart` (unless suspended) and clears the reference.
    func delete(_ hr: inout HelmRelease) async throws {
        guard !(hr.spec.suspend ?? false), let current = hr.status.helmChart, !current.isEmpty,
              let ref = hr.status.helmChartReference else { return }
        try allowsAccess(hr, kind: "HelmChart", namespace: ref.namespace, name: ref.name)
        do {
            try await client.delete(HelmChart.self, namespace: ref.namespace, name: ref.name)
            events.event(hr, type: .trace, reason: "HelmChartDeleted", message: "deleted HelmChart '\(current)'")
        } catch where error.isNotFound {
        } catch {
            throw HelmControllerError("failed to delete HelmChart '\(current)': \(error)")
        }
        hr.status.helmChart = nil
    }

    /// `acl.AllowsAccessTo` with `--no-cross-namespace-refs`.
    func allowsAccess(_ hr: HelmRelease, kind: String, namespace: String, name: String) throws {
        guard allowCrossNamespaceRefs || hr.namespace == namespace else {
            throw HelmControllerError.accessDenied("cross-namespace references are not allowed: cannot access \(kind) \(namespace)/\(name)")
        }
    }

    /// `buildHelmChartFromTemplate`.
    static func build(_ hr: HelmRelease) -> HelmChart {
        let template = hr.spec.chart
        var meta = ObjectMeta(name: hr.helmChartName, namespace: template.namespace(default: hr.namespace))
        meta.labels = template.metadata?.labels
        meta.annotations = template.metadata?.annotations
        var spec = HelmChartSpec(chart: template.spec.chart,
                                 sourceRef: LocalHelmChartSourceReference(kind: template.spec.sourceRef.kind ?? .helmRepository,
                                                                          name: template.spec.sourceRef.name),
                                 interval: template.spec.interval ?? hr.spec.interval)
        spec.version = template.spec.version
        spec.reconcileStrategy = template.spec.reconcileStrategy
        spec.valuesFiles = template.spec.valuesFiles
        spec.valuesFile = template.spec.valuesFile
        if let verify = template.spec.verify {
            var v = OCIRepositoryVerification(provider: verify.provider)
            v.secretRef = verify.secretRef
            spec.verify = v
        }
        return HelmChart(metadata: meta, spec: spec)
    }
}

/// An error of the helm-controller outside the action reconcilers.
struct HelmControllerError: Error, CustomStringConvertible {
    var description: String
    var isAccessDenied = false
    init(_ message: String) { description = message }
    static func accessDenied(_ message: String) -> HelmControllerError {
        var e = HelmControllerError(message)
        e.isAccessDenied = true
        return e
    }
}
