import FluxAPI
import GoCompat
import KubeModel
import StructuredData

/// The image automation kinds: ImageRepository, ImagePolicy, ImageUpdateAutomation.
extension FluxKinds {
    /// An RFC 3339 status time printed with `Format(time.RFC3339)` in the local zone.
    static func localTime(_ object: KubeObject, _ path: [String], _ context: RowContext) -> String {
        guard let text = object.raw[path: path]?.stringValue, let t = try? GoTime.parseRFC3339(text) else { return "" }
        return context.timeZone.rfc3339(t)
    }

    static let imageRepository = FluxKind(
        resource: ImageRepository.apiResource, humanKind: "image repository", group: .image, name: "repository",
        getName: "repository",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get ImageRepository status", .export: "Export ImageRepository resources in YAML format",
                 .delete: "Delete an ImageRepository object", .suspend: "Suspend reconciliation of an ImageRepository",
                 .resume: "Resume a suspended ImageRepository", .reconcile: "Reconcile an ImageRepository"],
        columns: GetColumns(headers: ["Name", "Last scan", "Suspended", "Ready", "Message"]) { object, context in
            let (status, message) = Summary.statusAndMessage(object)
            return [localTime(object, ["status", "lastScanResult", "scanTime"], context), Summary.title(object.isSuspendedSpec),
                    status, message]
        },
        successMessage: { object in
            "scan fetched \(object.raw[path: ["status", "lastScanResult", "tagCount"]]?.intValue ?? 0) tags"
        })

    static let imagePolicy = FluxKind(
        resource: ImagePolicy.apiResource, humanKind: "image policy", group: .image, name: "policy", getName: "policy",
        verbs: [.get, .export, .delete],
        shorts: [.get: "Get ImagePolicy status", .export: "Export ImagePolicy resources in YAML format",
                 .delete: "Delete an ImagePolicy object"],
        columns: GetColumns(headers: ["Name", "Latest image", "Ready", "Message"]) { object, _ in
            let (status, message) = Summary.statusAndMessage(object)
            return [object.string(at: ["status", "latestImage"]), status, message]
        },
        eventRefs: EventReferences(field: ["spec", "imageRepositoryRef"], kind: ImageRepository.apiResource.kind,
                                   crossNamespaced: true))

    static let imageUpdateAutomation = FluxKind(
        resource: ImageUpdateAutomation.apiResource, humanKind: "image update automation", group: .image, name: "update",
        getName: "update",
        verbs: [.get, .export, .delete, .suspend, .resume, .reconcile],
        shorts: [.get: "Get ImageUpdateAutomation status", .export: "Export ImageUpdateAutomation resources in YAML format",
                 .delete: "Delete an ImageUpdateAutomation object",
                 .suspend: "Suspend reconciliation of an ImageUpdateAutomation",
                 .resume: "Resume a suspended ImageUpdateAutomation", .reconcile: "Reconcile an ImageUpdateAutomation"],
        columns: GetColumns(headers: ["Name", "Last run", "Suspended", "Ready", "Message"]) { object, context in
            let (status, message) = Summary.statusAndMessage(object)
            return [localTime(object, ["status", "lastAutomationRunTime"], context), Summary.title(object.isSuspendedSpec),
                    status, message]
        },
        successMessage: { object in
            if let ready = object.readyCondition { return ready.message }
            if let text = object.raw[path: ["status", "lastAutomationRunTime"]]?.stringValue, !text.isEmpty {
                return "last run " + text
            }
            return "automation not yet run"
        })
}
