import KubeModel
import StructuredData

/// The result of an uninstall: the final release and the `kept` report.
public struct UninstallResponse: Sendable {
    public var release: Release
    /// `These resources were kept due to the resource policy:\n[Kind] name\n…`, or `""`.
    public var info: String
}

/// Helm's uninstall action (`pkg/action/uninstall.go`).
public struct Uninstall: Sendable {
    public var releaseName: String
    public var keepHistory = false
    public var disableHooks = false
    public var wait = WaitOptions()
    public var description = ""
    /// Deletion propagation policy (`Background` unless set).
    public var deletionPropagation = "Background"

    public init(releaseName: String) { self.releaseName = releaseName }

    @discardableResult
    public func run(_ config: ActionConfiguration) async throws(HelmActionsError) -> UninstallResponse {
        try ReleaseName.validate(releaseName)
        let history: [Release]
        do { history = try await config.storage.history(releaseName) } catch {
            throw .message("uninstall: Release not loaded: \(releaseName): \(error)")
        }
        guard var release = history.last else { throw .message("no release provided") }
        if release.status == .uninstalled {
            guard keepHistory else {
                try await purge(config, history)
                return UninstallResponse(release: release, info: "")
            }
            throw .message("the release named \"\(releaseName)\" is already deleted")
        }
        config.log("uninstall: Deleting \(releaseName)")
        release.status = .uninstalling
        release.info?.deleted = .now()
        release.info?.description = "Deletion in progress (or silently failed)"
        if !disableHooks {
            try await config.execHooks(&release, .preDelete, timeout: wait)
        } else {
            config.log("delete hooks disabled for \(releaseName)")
        }
        await config.record(release)

        let (kept, doomed) = try Self.split(release.manifest)
        let resources = try await config.kube.build(doomed)
        var errors = await config.kube.delete(resources, propagation: deletionPropagation)
        if !errors.isEmpty { throw .message("failed to delete release: \(releaseName)") }
        let info = kept.isEmpty ? "" : "These resources were kept due to the resource policy:\n" + kept
        if wait.wait {
            do { try await config.kube.waitForDelete(resources, timeout: wait.timeout, interval: config.waitInterval) } catch { errors.append(error.description) }
        }
        if !disableHooks {
            do { try await config.execHooks(&release, .postDelete, timeout: wait) } catch { errors.append(error.description) }
        }
        release.setStatus(.uninstalled, description.isEmpty ? "Uninstallation complete" : description)
        if !keepHistory {
            config.log("purge requested for \(releaseName)")
            do { try await purge(config, history) } catch { errors.append("uninstall: Failed to purge the release: \(error)") }
        } else {
            await config.record(release)
        }
        if !errors.isEmpty {
            throw .message("uninstallation completed with \(errors.count) error(s): \(errors.joined(separator: "; "))")
        }
        return UninstallResponse(release: release, info: info)
    }

    func purge(_ config: ActionConfiguration, _ history: [Release]) async throws(HelmActionsError) {
        for r in history { try await config.storage.delete(r.name, version: r.version) }
    }

    /// Splits a release manifest into the kept report (`[Kind] name` lines for
    /// `helm.sh/resource-policy: keep`) and the documents to delete, in uninstall order. Documents
    /// with any other resource-policy value are neither kept nor deleted, as in Helm 3.13.
    static func split(_ manifest: String) throws(HelmActionsError) -> (kept: String, delete: String) {
        let documents: [JSONValue]
        do { documents = try YAML.parseDocuments(manifest) } catch {
            throw .message("corrupted release record. You must manually delete the resources: \(error)")
        }
        let objects = documents.compactMap { doc -> KubeObject? in
            guard case .object(let o) = doc, !o.isEmpty else { return nil }
            return KubeObject(doc)
        }
        var kept = ""
        var remaining: [KubeObject] = []
        for object in KindOrder.sorted(objects, order: KindOrder.uninstall, kind: \.kind) {
            guard Ownership.hasResourcePolicy(object) else { remaining.append(object); continue }
            if Ownership.keeps(object) { kept += "[\(object.kind)] \(object.name)\n" }
        }
        let text = remaining.map { "---\n" + $0.raw.serialized() }.joined(separator: "\n")
        return (kept, text)
    }
}
