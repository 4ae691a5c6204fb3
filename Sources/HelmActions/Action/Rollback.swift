/// Helm's rollback action (`pkg/action/rollback.go`). The chart is not re-rendered: the new
/// revision copies the target revision's chart, config, manifest, hooks and notes.
public struct Rollback: Sendable {
    public var releaseName: String
    /// The revision to roll back to; 0 means the previous one.
    public var version = 0
    public var force = false
    public var cleanupOnFail = false
    public var maxHistory = 0
    public var wait = WaitOptions()
    public var disableHooks = false

    public init(releaseName: String) { self.releaseName = releaseName }

    @discardableResult
    public func run(_ base: ActionConfiguration) async throws(HelmActionsError) -> Release {
        try ReleaseName.validate(releaseName)
        var config = base
        config.storage.maxHistory = maxHistory
        config.log("preparing rollback of \(releaseName)")
        guard version >= 0 else { throw .message("invalid release revision") }
        var current = try await config.storage.last(releaseName)
        let previousVersion = version == 0 ? current.version &- 1 : version
        let history = try await config.storage.history(releaseName)
        guard history.contains(where: { $0.version == previousVersion }) else {
            throw .message("release has no \(previousVersion) version")
        }
        config.log("rolling back \(releaseName) (current: v\(current.version), target: v\(previousVersion))")
        let previous = try await config.storage.get(releaseName, version: previousVersion)
        var target = Release(name: releaseName, namespace: previous.namespace, version: current.version &+ 1,
                             info: ReleaseInfo(firstDeployed: current.info?.firstDeployed ?? .zero, lastDeployed: .now(),
                                               description: "Rollback to \(previousVersion)", status: .pendingRollback,
                                               notes: previous.info?.notes ?? ""),
                             chart: previous.chart, config: previous.config, manifest: previous.manifest, hooks: previous.hooks,
                             labels: previous.labels)
        config.log("creating rolled back release for \(releaseName)")
        try await config.storage.create(target)
        config.log("performing rollback of \(releaseName)")

        let currentResources: [HelmResource]
        do { currentResources = try await config.kube.build(current.manifest) } catch {
            throw .message("unable to build kubernetes objects from current release manifest: \(error)")
        }
        var targetResources: [HelmResource]
        do { targetResources = try await config.kube.build(target.manifest) } catch {
            throw .message("unable to build kubernetes objects from new release manifest: \(error)")
        }
        if !disableHooks {
            try await config.execHooks(&target, .preRollback, timeout: wait)
        } else {
            config.log("rollback hooks disabled for \(releaseName)")
        }
        for i in targetResources.indices {
            Ownership.set(on: &targetResources[i].object, releaseName: releaseName, releaseNamespace: target.namespace)
        }
        let result: UpdateResult
        do {
            result = try await config.kube.update(original: currentResources, target: targetResources, force: force)
        } catch {
            let message = "Rollback \"\(releaseName)\" failed: \(error)"
            config.log("warning: \(message)")
            current.status = .superseded
            target.setStatus(.failed, message)
            await config.record(current)
            await config.record(target)
            throw error
        }
        _ = result
        if wait.wait {
            do {
                try await config.kube.wait(for: targetResources, timeout: wait.timeout, waitForJobs: wait.waitForJobs, interval: config.waitInterval)
            } catch {
                target.setStatus(.failed, "Release \"\(releaseName)\" failed: \(error)")
                await config.record(current)
                await config.record(target)
                throw .message("release \(releaseName) failed: \(error)")
            }
        }
        if !disableHooks { try await config.execHooks(&target, .postRollback, timeout: wait) }
        let deployed = (try? await config.storage.deployedAll(releaseName)) ?? []
        for var r in deployed {
            config.log("superseding previous deployment \(r.version)")
            r.status = .superseded
            await config.record(r)
        }
        target.status = .deployed
        config.log("updating status for rolled back release for \(releaseName)")
        await config.record(target)
        return target
    }
}
