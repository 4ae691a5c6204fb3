import StructuredData

/// Helm's upgrade action (`pkg/action/upgrade.go`) with helm-controller's options.
public struct Upgrade: Sendable {
    public var releaseName: String
    public var namespace: String
    public var resetValues = false
    public var reuseValues = false
    public var force = false
    public var cleanupOnFail = false
    public var atomic = false
    public var maxHistory = 0
    public var wait = WaitOptions()
    public var disableHooks = false
    public var crdPolicy: CRDPolicy = .skip
    public var description = ""
    public var labels: [String: String] = [:]
    /// `--dry-run`: the upgraded release is built and checked against the cluster but nothing is
    /// changed or stored; it is returned `pending-upgrade` with `description` or `Dry run complete`.
    public var dryRun = false
    /// Helm's schema validation of the new manifest (`!DisableOpenAPIValidation`); see
    /// `KubeOps.build(_:validate:)`.
    public var validateManifest = false

    public init(releaseName: String, namespace: String) {
        self.releaseName = releaseName
        self.namespace = namespace
    }

    /// Upgrades to `rendered`. `values` are the user values; with `reuseValues` they are coalesced
    /// over the current release's config (the caller renders with the result of `effectiveValues`).
    @discardableResult
    public func run(_ base: ActionConfiguration, chart rendered: RenderedChart, values: JSONValue = .emptyObject) async throws(HelmActionsError) -> Release {
        try ReleaseName.validate(releaseName)
        var config = base
        config.log("preparing upgrade for \(releaseName)")
        let (currentRelease, lastRelease) = try await currentAndLast(config)
        var current = currentRelease
        if !dryRun { try await CRDInstaller.apply(config, rendered.crds, policy: crdPolicy) }

        if resetValues {
            config.log("resetting values to the chart's original version")
        } else if reuseValues {
            config.log("reusing the old release's values")
        } else if values.objectValue?.isEmpty ?? values.isNull, let old = current.config, !(old.objectValue?.isEmpty ?? true) {
            config.log("copying values from \(current.name) (v\(current.version)) to new release.")
        }
        let vals = Self.effectiveValues(values, current: current, reuse: reuseValues, reset: resetValues)
        if ReleaseKey.containsSystemLabels(labels) { throw .message(ReleaseKey.systemLabelsMessage) }
        var merged = lastRelease.labels
        for (k, v) in labels { if v == "null" { merged[k] = nil } else { merged[k] = v } }
        var upgraded = Release(name: releaseName, namespace: current.namespace, version: lastRelease.version &+ 1,
                               info: ReleaseInfo(firstDeployed: current.info?.firstDeployed ?? .zero, lastDeployed: .now(),
                                                 description: "Preparing upgrade", status: .pendingUpgrade, notes: rendered.notes),
                               chart: rendered.chart, config: vals, manifest: rendered.manifest, hooks: rendered.hooks, labels: merged)

        // prepareUpgrade's validateManifest: the new manifest must build, errors unwrapped.
        if validateManifest { _ = try await config.kube.resources(upgraded.manifest, validate: true) }
        var currentResources: [HelmResource]
        do { currentResources = try await config.kube.build(current.manifest) } catch {
            throw .message("unable to build kubernetes objects from current release manifest: \(error)")
        }
        var target: [HelmResource]
        do { target = try await config.kube.build(upgraded.manifest, validate: validateManifest) } catch {
            throw .message("unable to build kubernetes objects from new release manifest: \(error)")
        }
        for i in target.indices { Ownership.set(on: &target[i].object, releaseName: releaseName, releaseNamespace: upgraded.namespace) }
        let existing = Set(currentResources.map(\.identity))
        for r in target where !existing.contains(r.identity) {
            guard let live = try await config.kube.live(r) else { continue }
            if let problem = Ownership.check(live, releaseName: releaseName, releaseNamespace: upgraded.namespace) {
                throw .message("Unable to continue with update: \(r.resourceString) exists and cannot be imported into the current release: \(problem)")
            }
            currentResources.append(r)
        }
        if dryRun {
            config.log("dry run for \(releaseName)")
            upgraded.info?.description = description.isEmpty ? "Dry run complete" : description
            return upgraded
        }

        config.storage.maxHistory = maxHistory
        config.log("performing update for \(releaseName)")
        config.log("creating upgraded release for \(releaseName)")
        try await config.storage.create(upgraded)

        var created: [HelmResource] = []
        do throws(HelmActionsError) {
            if !disableHooks {
                do { try await config.execHooks(&upgraded, .preUpgrade, timeout: wait) } catch { throw HelmActionsError.message("pre-upgrade hooks failed: \(error)") }
            } else {
                config.log("upgrade hooks disabled for \(releaseName)")
            }
            let result = try await config.kube.update(original: currentResources, target: target, force: force)
            created = result.created
            if wait.wait || atomic {
                try await config.kube.wait(for: target, timeout: wait.timeout, waitForJobs: wait.waitForJobs, interval: config.waitInterval)
            }
            if !disableHooks {
                do { try await config.execHooks(&upgraded, .postUpgrade, timeout: wait) } catch { throw HelmActionsError.message("post-upgrade hooks failed: \(error)") }
            }
        } catch {
            return try await fail(config, &upgraded, created: created, error)
        }
        current.status = .superseded
        await config.record(current)
        upgraded.setStatus(.deployed, description.isEmpty ? "Upgrade complete" : description)
        config.log("updating status for upgraded release for \(releaseName)")
        await config.record(upgraded)
        return upgraded
    }

    /// The current release to upgrade from, and the last revision.
    func currentAndLast(_ config: ActionConfiguration) async throws(HelmActionsError) -> (Release, Release) {
        let last: Release
        do {
            last = try await config.storage.last(releaseName)
        } catch .releaseNotFound {
            throw .noDeployedReleases(releaseName)
        }
        if last.status.isPending { throw .message("another operation (install/upgrade/rollback) is in progress") }
        if last.status == .deployed { return (last, last) }
        do {
            return (try await config.storage.deployed(releaseName), last)
        } catch .noDeployedReleases where last.status == .failed || last.status == .superseded {
            return (last, last)
        }
    }

    /// Values for the new revision: reset → the new values; reuse → new coalesced over the current
    /// config; otherwise the current config when no new values are given.
    public static func effectiveValues(_ values: JSONValue, current: Release, reuse: Bool, reset: Bool) -> JSONValue {
        if reset { return values }
        let empty = values.objectValue?.isEmpty ?? values.isNull
        if reuse { return coalesce(values, over: current.config ?? .object([:])) }
        if empty, let old = current.config { return old }
        return values
    }

    /// Deep merge: `top` wins; objects merge key by key.
    static func coalesce(_ top: JSONValue, over base: JSONValue) -> JSONValue {
        guard case .object(let t) = top, case .object(var b) = base else { return top }
        for (k, v) in t { b[k] = b[k].map { coalesce(v, over: $0) } ?? v }
        return .object(b)
    }

    func fail(_ config: ActionConfiguration, _ release: inout Release, created: [HelmResource], _ error: HelmActionsError) async throws(HelmActionsError) -> Release {
        let message = "Upgrade \"\(releaseName)\" failed: \(error)"
        config.log("warning: \(message)")
        release.setStatus(.failed, message)
        await config.record(release)
        if cleanupOnFail && !created.isEmpty {
            config.log("Cleanup on fail set, cleaning up \(created.count) resources")
            let errors = await config.kube.delete(created)
            if !errors.isEmpty {
                throw .message("an error occurred while cleaning up resources. original upgrade error: \(error): unable to cleanup resources: \(errors.joined(separator: ", "))")
            }
            config.log("Resource cleanup complete")
        }
        guard atomic else { throw error }
        config.log("Upgrade failed and atomic is set, rolling back to last successful release")
        let history: [Release]
        do { history = try await config.storage.history(releaseName) } catch let historyError {
            throw .message("an error occurred while finding last successful release. original upgrade error: \(error): \(historyError)")
        }
        guard let previous = history.last(where: { $0.status == .superseded || $0.status == .deployed }) else {
            throw .message("unable to find a previously successful release when attempting to rollback. original upgrade error: \(error)")
        }
        var rollback = Rollback(releaseName: releaseName)
        rollback.version = previous.version
        rollback.wait = WaitOptions(wait: true, waitForJobs: wait.waitForJobs, timeout: wait.timeout)
        rollback.disableHooks = disableHooks
        rollback.force = force
        rollback.maxHistory = maxHistory
        do { _ = try await rollback.run(config) } catch let rollbackError {
            throw .message("an error occurred while rolling back the release. original upgrade error: \(error): \(rollbackError)")
        }
        throw .message("release \(releaseName) failed, and has been rolled back due to atomic being set: \(error)")
    }
}
