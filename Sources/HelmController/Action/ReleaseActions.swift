import FluxAPI
import GoCompat
import HelmActions
import HelmEngine
import StructuredData

/// The Helm actions with the options helm-controller derives from a HelmRelease
/// (`internal/action/{install,upgrade,rollback,uninstall,test}.go`).
enum ReleaseActions {
    /// Installs the chart (`action.Install`): CRDs by `install.crds`, then a Helm install of the
    /// post-rendered chart as `ShortenName(releaseName)` in the release namespace.
    static func install(_ config: ActionConfiguration, _ hr: HelmRelease, chart: HelmEngine.Chart, values: JSONObject,
                        postRenderer: PostRenderer) async throws -> Release {
        let spec = hr.install
        try await CRDs.apply(config, policy: spec.crdsPolicy, chart: chart, origin: hr)
        var install = HelmActions.Install(releaseName: hr.shortReleaseName, namespace: hr.releaseNamespace)
        install.wait = WaitOptions(wait: !(spec.disableWait ?? false), waitForJobs: !(spec.disableWaitForJobs ?? false),
                                   timeout: spec.timeout(default: hr.timeout))
        install.disableHooks = spec.disableHooks ?? false
        install.replace = spec.replace ?? false
        install.crdPolicy = .skip
        if let target = hr.spec.targetNamespace, !target.isEmpty { install.createNamespace = spec.createNamespace ?? false }
        let rendered = try await render(config, hr, chart: chart, values: values, revision: 1, isUpgrade: false, postRenderer: postRenderer)
        return try await install.run(config, chart: rendered, values: .object(values))
    }

    /// Upgrades the release (`action.Upgrade`): CRDs by `upgrade.crds` (v0.37 defaults an unset
    /// policy to `Create`, not the documented Skip), then a Helm upgrade with `maxHistory`,
    /// `ResetValues = !preserveValues`.
    static func upgrade(_ config: ActionConfiguration, _ hr: HelmRelease, chart: HelmEngine.Chart, values: JSONObject,
                        postRenderer: PostRenderer) async throws -> Release {
        let spec = hr.upgrade
        try await CRDs.apply(config, policy: spec.crdsPolicy, chart: chart, origin: hr)
        var upgrade = HelmActions.Upgrade(releaseName: hr.shortReleaseName, namespace: hr.releaseNamespace)
        let preserve = spec.preserveValues ?? false
        upgrade.resetValues = !preserve
        upgrade.reuseValues = preserve
        upgrade.maxHistory = hr.maxHistory
        upgrade.wait = WaitOptions(wait: !(spec.disableWait ?? false), waitForJobs: !(spec.disableWaitForJobs ?? false),
                                   timeout: spec.timeout(default: hr.timeout))
        upgrade.disableHooks = spec.disableHooks ?? false
        upgrade.force = spec.force ?? false
        upgrade.cleanupOnFail = spec.cleanupOnFail ?? false
        upgrade.crdPolicy = .skip
        guard let last = try await lastRelease(config, hr.releaseName) else {
            throw HelmActionsError.noDeployedReleases(hr.shortReleaseName)
        }
        var renderValues = values
        if preserve, case .object(let merged) = HelmActions.Upgrade.effectiveValues(.object(values), current: last, reuse: true, reset: false) {
            renderValues = merged
        }
        let rendered = try await render(config, hr, chart: chart, values: renderValues, revision: last.version + 1, isUpgrade: true,
                                        postRenderer: postRenderer)
        return try await upgrade.run(config, chart: rendered, values: .object(values))
    }

    /// Runs the release's tests (`action.Test`) with `test.timeout` and `test.filters` (`name=` /
    /// `!name=`). Divergence from v0.37 (spec §7.11): the shortened release name is tested, as later
    /// helm-controller versions do; v0.37 passed the unshortened name, so releases with names over 53
    /// characters could never be tested.
    static func test(_ config: ActionConfiguration, _ hr: HelmRelease) async throws -> Release {
        var testing = ReleaseTesting(releaseName: hr.shortReleaseName)
        testing.timeout = WaitOptions(wait: true, timeout: hr.test.timeout(default: hr.timeout))
        for filter in hr.test.filtersOrEmpty {
            if filter.exclude ?? false { testing.exclude.append(filter.name) } else { testing.include.append(filter.name) }
        }
        return try await testing.run(config)
    }

    /// Rolls back to `version` (`action.Rollback`).
    static func rollback(_ config: ActionConfiguration, _ hr: HelmRelease, releaseName: String, version: Int) async throws {
        let spec = hr.rollback
        var rollback = HelmActions.Rollback(releaseName: releaseName)
        rollback.version = version
        rollback.wait = WaitOptions(wait: !(spec.disableWait ?? false), waitForJobs: !(spec.disableWaitForJobs ?? false),
                                    timeout: spec.timeout(default: hr.timeout))
        rollback.disableHooks = spec.disableHooks ?? false
        rollback.force = spec.force ?? false
        rollback.cleanupOnFail = spec.cleanupOnFail ?? false
        _ = try await rollback.run(config)
    }

    /// Uninstalls `releaseName` (`action.Uninstall`).
    static func uninstall(_ config: ActionConfiguration, _ hr: HelmRelease, releaseName: String) async throws -> UninstallResponse {
        let spec = hr.uninstall
        var uninstall = HelmActions.Uninstall(releaseName: releaseName)
        uninstall.keepHistory = spec.keepHistory ?? false
        uninstall.disableHooks = spec.disableHooks ?? false
        uninstall.wait = WaitOptions(wait: !(spec.disableWait ?? false), timeout: spec.timeout(default: hr.timeout))
        // Helm's `parseCascadingFlag`: the API's policy names.
        switch spec.deletionPropagationOrDefault {
        case .background: uninstall.deletionPropagation = "Background"
        case .foreground: uninstall.deletionPropagation = "Foreground"
        case .orphan: uninstall.deletionPropagation = "Orphan"
        }
        return try await uninstall.run(config)
    }

    /// Renders with the cluster's capabilities, then runs the post-renderers (Helm's
    /// `renderResources`; a post-render failure is `error while running post render on files: …`).
    static func render(_ config: ActionConfiguration, _ hr: HelmRelease, chart: HelmEngine.Chart, values: JSONObject,
                       revision: Int, isUpgrade: Bool, postRenderer: PostRenderer) async throws -> RenderedChart {
        var rendered = try await config.render(chart, values: values, releaseName: hr.shortReleaseName,
                                               namespace: hr.releaseNamespace, revision: revision, isUpgrade: isUpgrade)
        do {
            rendered.manifest = try postRenderer.run(rendered.manifest)
        } catch {
            throw HelmActionsError.message("error while running post render on files: \(error)")
        }
        return rendered
    }
}
