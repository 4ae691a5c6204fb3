import Foundation
import GoCompat
import HelmActions
import HelmEngine
import StructuredData

/// Helm 3.13's `runInstall` followed by `Install.RunWithContext`, in Helm's order: locate the
/// chart, merge values, load and check the chart (type, deprecation, dependencies), check the
/// `--dry-run` value, then reach the cluster, check the name, install CRDs (unless a dry run),
/// render (with `lookup` against the cluster unless `--dry-run=client`), post-render, and run
/// the install action. Errors are thrown unwrapped; `helm install` prefixes them with
/// `INSTALLATION FAILED: `, `helm upgrade --install` does not.
struct HelmInstallFlow {
    var name: String
    var chart: String
    var options: HelmInstallOptions
    var values: HelmValuesOptions
    var wait: WaitOptions
    var noHooks: Bool
    var replace: Bool
    var postRenderer: HelmPostRenderer?

    func run(_ session: HelmSession) async throws -> Release {
        let path = try HelmChartSource.locate(chart)
        let userValues = try values.merged()
        var loaded = try HelmChartSource.load(path)
        switch loaded.metadata.type {
        case "", "application": break
        default: throw FlagError("\(loaded.metadata.type) charts are not installable")
        }
        if loaded.metadata.deprecated { HelmReleaseIO.warn("This chart is deprecated") }
        loaded = try HelmChartSource.resolveDependencies(loaded, path: path, dependencyUpdate: options.dependencyUpdate,
                                                          out: HelmReleaseIO.write)
        let mode = options.dryRunMode
        try mode.validate()

        try await session.checkReachable()
        let config = try session.configuration()
        var install = Install(releaseName: name, namespace: try session.namespace())
        install.createNamespace = options.createNamespace
        install.atomic = options.atomic
        install.replace = replace
        install.description = options.description
        install.disableHooks = noHooks
        install.wait = wait
        install.labels = try options.parsedLabels()
        install.dryRun = mode.isDryRun
        install.validateManifest = !options.disableOpenAPIValidation
        try await install.checkAvailableName(config)
        if !mode.isDryRun && !options.skipCRDs {
            try await install.installCRDs(config, loaded.crdObjects.map { String(decoding: $0.data, as: UTF8.self) })
        }
        install.crdPolicy = .skip
        let rendered = try await Self.render(config, loaded, values: userValues, release: name, namespace: install.namespace,
                                             revision: 1, isUpgrade: false, mode: mode, options: options, postRenderer: postRenderer)
        return try await install.run(config, chart: rendered, values: .object(userValues))
    }

    /// Renders as Helm's `renderResources` does for install and upgrade, the post-renderer last.
    /// - Throws: render errors; `error while running post render on files: …`.
    static func render(_ config: ActionConfiguration, _ chart: Chart, values: JSONObject, release: String, namespace: String,
                       revision: Int, isUpgrade: Bool, mode: HelmDryRun, options: HelmInstallOptions,
                       postRenderer: HelmPostRenderer?) async throws -> RenderedChart {
        var rendered = try await config.render(chart, values: values, releaseName: release, namespace: namespace, revision: revision,
                                               isUpgrade: isUpgrade,
                                               options: RenderOptions(clusterLookup: mode.interactsWithCluster,
                                                                      subNotes: options.renderSubchartNotes,
                                                                      lookupLog: { HelmReleaseIO.writeError($0 + "\n") }))
        if let postRenderer {
            do { rendered.manifest = try await postRenderer.run(rendered.manifest) } catch {
                throw FlagError("error while running post render on files: \(error)")
            }
        }
        return rendered
    }

    /// The text of an error as Helm prints it after `Error: `.
    static func message(_ error: any Error) -> String {
        if let e = error as? HelmError { return e.message }
        return "\(error)"
    }

    /// Helm's `statusPrinter` in the requested format.
    static func printed(_ release: Release, format: String) throws -> String {
        format == "table" ? HelmReleasePrinter.status(release) : try HelmReleasePrinter.encode(release.json, format: format)
    }
}

extension HelmReleaseIO {
    /// Helm's `warning()`: `WARNING: <text>` on stderr.
    static func warn(_ text: String) {
        writeError("WARNING: \(text)\n")
    }

    /// Writes `text` to stderr.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
