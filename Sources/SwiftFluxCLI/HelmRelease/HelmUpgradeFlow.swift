import Foundation
import HelmActions
import HelmEngine
import StructuredData

/// Helm 3.13's `helm upgrade` (`newUpgradeCmd` and `Upgrade.RunWithContext`): with `--install`
/// and no history the install flow runs (its errors unwrapped); otherwise the chart is located,
/// `--dry-run` checked, values merged, the chart loaded and its dependencies checked (errors
/// unwrapped), then the upgrade proper, whose errors read `UPGRADE FAILED: …`: reachability,
/// name, current release, values (`--reset-values`, `--reuse-values`), render with `lookup`,
/// post-render, the upgrade action.
struct HelmUpgradeFlow {
    var name: String
    var chart: String
    var options: HelmInstallOptions
    var values: HelmValuesOptions
    var wait: WaitOptions
    var noHooks: Bool
    var install: Bool
    var force: Bool
    var reuseValues: Bool
    var resetValues: Bool
    var cleanupOnFail: Bool
    var historyMax: Int
    var postRenderer: HelmPostRenderer?

    func run(_ session: HelmSession) async throws {
        if install {
            // Helm 3.13 installs only when there is no history at all (an uninstalled release kept
            // with --keep-history is upgraded, and fails with "has no deployed releases").
            try await session.checkReachable()
            var missing = false
            do { _ = try await session.configuration().storage.history(name) } catch HelmActionsError.releaseNotFound {
                missing = true
            }
            if missing {
                if options.output == "table" { HelmReleaseIO.write("Release \"\(name)\" does not exist. Installing it now.\n") }
                let flow = HelmInstallFlow(name: name, chart: chart, options: options, values: values, wait: wait,
                                           noHooks: noHooks, replace: false, postRenderer: postRenderer)
                let release = try await flow.run(session)
                HelmReleaseIO.write(try HelmInstallFlow.printed(release, format: options.output))
                return
            }
        }
        let path = try HelmChartSource.locate(chart)
        let mode = options.dryRunMode
        try mode.validate()
        let userValues = try values.merged()
        var loaded = try HelmChartSource.load(path)
        loaded = try HelmChartSource.resolveDependencies(loaded, path: path, dependencyUpdate: options.dependencyUpdate,
                                                          out: HelmReleaseIO.write)
        if loaded.metadata.deprecated { HelmReleaseIO.warn("This chart is deprecated") }
        let release: Release
        do {
            release = try await upgrade(session, loaded, userValues, mode)
        } catch {
            throw FlagError("UPGRADE FAILED: \(HelmInstallFlow.message(error))")
        }
        var text = options.output == "table" ? "Release \"\(name)\" has been upgraded. Happy Helming!\n" : ""
        text += try HelmInstallFlow.printed(release, format: options.output)
        HelmReleaseIO.write(text)
    }

    /// `Upgrade.RunWithContext`.
    func upgrade(_ session: HelmSession, _ chart: Chart, _ userValues: JSONObject, _ mode: HelmDryRun) async throws -> Release {
        try await session.checkReachable()
        do { try ReleaseName.validate(name) } catch { throw FlagError("release name is invalid: \(name)") }
        let config = try session.configuration()
        var action = Upgrade(releaseName: name, namespace: try session.namespace())
        action.atomic = options.atomic
        action.force = force
        action.cleanupOnFail = cleanupOnFail
        action.maxHistory = historyMax
        action.description = options.description
        action.disableHooks = noHooks
        action.wait = wait
        action.labels = try options.parsedLabels()
        action.dryRun = mode.isDryRun
        action.validateManifest = !options.disableOpenAPIValidation
        let (current, last) = try await action.currentRelease(config)
        var chart = chart
        let vals = try Upgrade.reuseValues(userValues, chart: &chart, current: current, reuse: reuseValues, reset: resetValues)
        let rendered = try await HelmInstallFlow.render(config, chart, values: vals, release: name, namespace: current.namespace,
                                                        revision: last.version &+ 1, isUpgrade: true, mode: mode,
                                                        options: options, postRenderer: postRenderer)
        // The values are final: the action stores them as they are.
        return try await action.run(config, chart: rendered, values: .object(vals))
    }
}
