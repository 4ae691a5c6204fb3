import KubeModel
import StructuredData

/// Who is writing, for managedFields bookkeeping, carried through a request as a task-local value
/// so admission (shared by create, update, patch and apply) can record ownership.
struct FieldManagerContext: Sendable {
    /// The field manager: `fieldManager`, else the User-Agent up to its first `/`; nil when unknown.
    var manager: String?
    /// Set while a server-side apply writes: it has computed managedFields itself.
    var applying = false
    /// The managedFields a server-side apply computed; admission stores them (also on subresources,
    /// whose writes otherwise keep the live metadata).
    var appliedManagedFields: JSONValue?

    @TaskLocal static var current = FieldManagerContext(manager: nil)

    /// The manager of a request (`managerOrUserAgent`).
    init(request: APIRequest) {
        if let manager = request.query["fieldManager"], !manager.isEmpty {
            self.manager = manager
        } else if let agent = request.userAgent, !agent.isEmpty {
            self.manager = agent.split(separator: "/", maxSplits: 1).first.map(String.init) ?? agent
        } else {
            self.manager = nil
        }
    }

    init(manager: String?, applying: Bool = false) {
        self.manager = manager
        self.applying = applying
    }

    /// PatchOptions/CreateOptions/UpdateOptions validation of `fieldManager`, `force` and `dryRun`
    /// (422 Invalid of the options kind).
    static func validate(_ request: APIRequest, optionsKind: String, isApply: Bool) throws {
        var errors: [FieldError] = []
        if let dryRun = request.query["dryRun"], !dryRun.isEmpty, dryRun != "All" {
            errors.append(.notSupported("dryRun", dryRun, supported: ["All"]))
        }
        let manager = request.query["fieldManager"] ?? ""
        if isApply && manager.isEmpty {
            errors.append(.required("fieldManager", "is required for apply patch"))
        }
        if manager.count > 128 {
            errors.append(.invalid("fieldManager", manager, "must be less than 128 characters"))
        } else if manager.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            errors.append(.invalid("fieldManager", manager, "must be made of printable characters"))
        }
        if let force = request.query["force"], !isApply, !force.isEmpty {
            errors.append(.forbidden("force", "may not be specified for non-apply patch"))
        }
        if !errors.isEmpty {
            throw APIServerError.invalid(kind: optionsKind, group: "meta.k8s.io", name: "", errors: errors)
        }
    }
}
