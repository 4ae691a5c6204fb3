import GoCompat
import KubeModel
import StructuredData

/// Helm's install action (`pkg/action/install.go`) with helm-controller's options.
public struct Install: Sendable {
    public var releaseName: String
    public var namespace: String
    public var createNamespace = false
    public var replace = false
    public var atomic = false
    public var wait = WaitOptions()
    public var disableHooks = false
    public var crdPolicy: CRDPolicy = .create
    public var description = ""
    public var labels: [String: String] = [:]
    /// `--dry-run`: the release is built and checked against the cluster (name, ownership of
    /// existing objects) but nothing is created or stored; it is returned `pending-install`
    /// with the description `Dry run complete`.
    public var dryRun = false
    /// Helm's schema validation of the rendered manifest (`!DisableOpenAPIValidation`); see
    /// `KubeOps.build(_:validate:)`.
    public var validateManifest = false

    public init(releaseName: String, namespace: String) {
        self.releaseName = releaseName
        self.namespace = namespace
    }

    /// Installs `rendered` with user values `values`. Returns the stored release (deployed or
    /// failed) or throws with Helm's message; the failed record stays in storage unless atomic.
    @discardableResult
    public func run(_ config: ActionConfiguration, chart rendered: RenderedChart, values: JSONValue = .emptyObject) async throws(HelmActionsError) -> Release {
        try ReleaseName.validate(releaseName)
        if ReleaseKey.containsSystemLabels(labels) {
            throw .message(ReleaseKey.systemLabelsMessage)
        }
        if !dryRun {
            try await availableName(config)
            try await applyCRDs(config, rendered.crds)
        }

        let now = HelmTime.now()
        var release = Release(name: releaseName, namespace: namespace, version: 1,
                              info: ReleaseInfo(firstDeployed: now, lastDeployed: now, status: .unknown, notes: rendered.notes),
                              chart: rendered.chart, config: values, manifest: rendered.manifest, hooks: rendered.hooks, labels: labels)
        release.setStatus(.pendingInstall, "Initial install underway")

        var resources = try await config.kube.build(rendered.manifest, validate: validateManifest)
        for i in resources.indices { Ownership.set(on: &resources[i].object, releaseName: releaseName, releaseNamespace: namespace) }
        var adopted: [HelmResource] = []
        for r in resources {
            guard let live = try await config.kube.live(r) else { continue }
            if let problem = Ownership.check(live, releaseName: releaseName, releaseNamespace: namespace) {
                throw .message("Unable to continue with install: \(r.resourceString) exists and cannot be imported into the current release: \(problem)")
            }
            adopted.append(r)
        }
        if dryRun {
            release.info?.description = "Dry run complete"
            return release
        }
        if createNamespace { try await ensureNamespace(config) }
        if replace { try await supersedeLast(config, &release) }

        try await config.storage.create(release)

        do throws(HelmActionsError) {
            if !disableHooks {
                do { try await config.execHooks(&release, .preInstall, timeout: wait) } catch { throw HelmActionsError.message("failed pre-install: \(error)") }
            }
            if adopted.isEmpty {
                try await config.kube.create(resources)
            } else {
                _ = try await config.kube.update(original: adopted, target: resources, force: false)
            }
            if wait.wait || atomic {
                try await config.kube.wait(for: resources, timeout: wait.timeout, waitForJobs: wait.waitForJobs, interval: config.waitInterval)
            }
            if !disableHooks {
                do { try await config.execHooks(&release, .postInstall, timeout: wait) } catch { throw HelmActionsError.message("failed post-install: \(error)") }
            }
        } catch {
            return try await fail(config, &release, error)
        }
        release.setStatus(.deployed, description.isEmpty ? "Install complete" : description)
        await config.record(release)
        return release
    }

    /// Helm's `availableName` for callers that render before running: the name must be valid
    /// (`release name "<name>": invalid release name, …`) and, unless `dryRun`, free (`cannot
    /// re-use a name that is still in use`, unless `replace` and the last revision is
    /// uninstalled or failed).
    public func checkAvailableName(_ config: ActionConfiguration) async throws(HelmActionsError) {
        do { try ReleaseName.validate(releaseName) } catch {
            throw .message("release name \(GoQuote.quote(releaseName)): \(error)")
        }
        if !dryRun { try await availableName(config) }
    }

    /// Installs the CRDs of `crds/` by `crdPolicy` before the chart is rendered, as Helm's install
    /// does, and forgets the cached capabilities so the render sees the new API versions.
    public func installCRDs(_ config: ActionConfiguration, _ crds: [String]) async throws(HelmActionsError) {
        guard !crds.isEmpty, crdPolicy != .skip else { return }
        try await CRDInstaller.apply(config, crds, policy: crdPolicy)
        await config.capabilitiesCache.invalidate()
    }

    func fail(_ config: ActionConfiguration, _ release: inout Release, _ error: HelmActionsError) async throws(HelmActionsError) -> Release {
        release.setStatus(.failed, "Release \"\(releaseName)\" failed: \(error)")
        await config.record(release)
        guard atomic else { throw error }
        var uninstall = Uninstall(releaseName: releaseName)
        uninstall.disableHooks = disableHooks
        uninstall.wait = WaitOptions(wait: false, timeout: wait.timeout)
        do {
            _ = try await uninstall.run(config)
        } catch let uninstallError {
            throw .message("an error occurred while uninstalling the release. original install error: \(error): \(uninstallError)")
        }
        throw .message("release \(releaseName) failed, and has been uninstalled due to atomic being set: \(error)")
    }

    /// `cannot re-use a name that is still in use` unless there is no history, or replace is set
    /// and the last revision is uninstalled or failed.
    func availableName(_ config: ActionConfiguration) async throws(HelmActionsError) {
        let history: [Release]
        do { history = try await config.storage.history(releaseName) } catch { return }
        guard let last = history.last else { return }
        if replace && (last.status == .uninstalled || last.status == .failed) { return }
        throw .message("cannot re-use a name that is still in use")
    }

    /// Helm's `replaceRelease`: the new release takes the next revision; the last one, unless it
    /// failed, becomes `superseded` with the description `superseded by new release`.
    func supersedeLast(_ config: ActionConfiguration, _ release: inout Release) async throws(HelmActionsError) {
        guard var last = try? await config.storage.last(releaseName) else { return }
        release.version = last.version &+ 1
        if last.status == .failed { return }
        last.setStatus(.superseded, "superseded by new release")
        try await config.storage.update(last)
    }

    func ensureNamespace(_ config: ActionConfiguration) async throws(HelmActionsError) {
        var ns = KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace)
        ns.labels = ["name": namespace]
        do {
            _ = try await config.kube.client.create(ns)
        } catch {
            if !error.isAlreadyExists { throw .kube("failed to create namespace", error) }
        }
    }

    /// helm-controller's CRD handling: Skip, Create (existing ones left alone) or CreateReplace
    /// (existing ones replaced).
    func applyCRDs(_ config: ActionConfiguration, _ crds: [String]) async throws(HelmActionsError) {
        try await CRDInstaller.apply(config, crds, policy: crdPolicy)
    }
}

/// Applies CRDs from `crds/` by policy (helm-controller `internal/action/crds.go`).
enum CRDInstaller {
    static func apply(_ config: ActionConfiguration, _ crds: [String], policy: CRDPolicy) async throws(HelmActionsError) {
        guard policy != .skip, !crds.isEmpty else { return }
        var resources: [HelmResource] = []
        for document in crds { resources += try await config.kube.build(document) }
        for r in resources {
            if let live = try await config.kube.live(r) {
                guard policy == .createReplace else { continue }
                var replacement = r.object
                replacement.resourceVersion = live.resourceVersion
                do { _ = try await config.kube.client.update(replacement) } catch { throw .kube("failed to update CRD", error) }
            } else {
                try await config.kube.create([r])
            }
        }
    }
}
