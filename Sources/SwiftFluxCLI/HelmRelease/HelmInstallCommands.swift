import ArgumentParser
import Foundation
import HelmActions
import StructuredData

/// The flags `helm install` and `helm upgrade` share.
struct HelmInstallOptions: ParsableArguments {
    @Flag(name: .customLong("create-namespace"), help: "create the release namespace if not present")
    var createNamespace = false
    @Flag(name: .customLong("atomic"), help: "delete the installation (roll back the upgrade) on failure; implies --wait")
    var atomic = false
    @Option(name: .customLong("description"), help: "add a custom description")
    var description = ""
    /// Helm's `--dry-run[=client|server|none|true|false]`; the entry point rewrites a bare
    /// `--dry-run` as `--dry-run=client` (see `HelmArguments`).
    @Option(name: .customLong("dry-run"), help: "simulate an install (client, server or none)")
    var dryRun = ""
    @Option(name: .customLong("post-renderer"), help: "the path to an executable to be used for post rendering")
    var postRenderer = ""
    @Option(name: .customLong("post-renderer-args"), help: "an argument to the post-renderer (can specify multiple)")
    var postRendererArgs: [String] = []
    @Flag(name: .customLong("dependency-update"), help: "update dependencies if they are missing before installing the chart")
    var dependencyUpdate = false
    @Flag(name: .customLong("skip-crds"), help: "if set, no CRDs will be installed")
    var skipCRDs = false
    @Flag(name: .customLong("disable-openapi-validation"), help: "do not validate rendered templates against the Kubernetes schema")
    var disableOpenAPIValidation = false
    @Flag(name: .customLong("render-subchart-notes"), help: "render subchart notes along with the parent")
    var renderSubchartNotes = false
    @Option(name: [.customShort("l"), .customLong("labels")], help: "labels that would be added to release metadata (k=v,…)")
    var labels: [String] = []
    @Option(name: [.customShort("o"), .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output = "table"

    /// `--dry-run` as Helm's `isDryRun` and `interactWithRemote` read it.
    var dryRunMode: HelmDryRun { HelmDryRun(option: dryRun.isEmpty ? "none" : dryRun) }

    /// The post-renderer of `--post-renderer` (resolved as Helm's flag setter does).
    func resolvedPostRenderer() throws -> HelmPostRenderer? {
        guard !postRenderer.isEmpty else { return nil }
        return try HelmPostRenderer(binary: postRenderer, arguments: postRendererArgs,
                                    workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// pflag's `StringToString`: `k=v` pairs separated by commas.
    func parsedLabels() throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in labels.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            guard let eq = pair.firstIndex(of: "=") else {
                throw FlagError("invalid argument \"\(labels.joined(separator: ","))\" for \"-l, --labels\" flag: \(pair) must be formatted as key=value")
            }
            out[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return out
    }

    func validateOutput() throws {
        guard ["table", "json", "yaml"].contains(output) else {
            throw FlagError("invalid argument \"\(output)\" for \"-o, --output\" flag: invalid format type")
        }
    }
}

/// Helm 3.13's `--dry-run` values.
struct HelmDryRun {
    var option: String
    /// Nothing is changed in the cluster.
    var isDryRun: Bool { ["client", "server", "true"].contains(option) }
    /// `lookup` reads the cluster (no dry run, or `--dry-run=server`).
    var interactsWithCluster: Bool { !isDryRun || option == "server" }

    /// Helm's `validateDryRunOptionFlag`.
    func validate() throws {
        guard ["false", "true", "none", "client", "server"].contains(option) else {
            throw FlagError("Invalid dry-run flag. Flag must one of the following: false, true, none, client, server")
        }
    }
}

/// `swiftflux helm install NAME CHART`.
struct HelmInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "install a chart")
    @Argument var name: String
    @Argument var chart: String
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var values: HelmValuesOptions
    @OptionGroup var waiting: HelmWaitOptions
    @OptionGroup var options: HelmInstallOptions
    @Flag(name: .customLong("replace"), help: "re-use the given name if it is a deleted release which remains in the history")
    var replace = false

    func run() async throws {
        cluster.warnAboutPermissions()
        try options.validateOutput()
        let postRenderer = try options.resolvedPostRenderer()
        let wait = try waiting.options(atomic: options.atomic)
        let release = try await cluster.withSession(requestTimeout: wait.timeout) { session in
            do {
                let flow = HelmInstallFlow(name: name, chart: chart, options: options, values: values, wait: wait,
                                           noHooks: waiting.noHooks, replace: replace, postRenderer: postRenderer)
                return try await flow.run(session)
            } catch {
                throw FlagError("INSTALLATION FAILED: \(HelmInstallFlow.message(error))")
            }
        }
        HelmReleaseIO.write(try HelmInstallFlow.printed(release, format: options.output))
    }
}

/// `swiftflux helm upgrade NAME CHART [--install]`.
struct HelmUpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upgrade", abstract: "upgrade a release")
    @Argument var name: String
    @Argument var chart: String
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var values: HelmValuesOptions
    @OptionGroup var waiting: HelmWaitOptions
    @OptionGroup var options: HelmInstallOptions
    @Flag(name: [.customShort("i"), .customLong("install")], help: "if a release by this name doesn't already exist, run an install")
    var install = false
    @Flag(name: .customLong("force"), help: "force resource updates through a replacement strategy")
    var force = false
    @Flag(name: .customLong("reuse-values"), help: "reuse the last release's values and merge in any overrides")
    var reuseValues = false
    @Flag(name: .customLong("reset-values"), help: "reset the values to the ones built into the chart")
    var resetValues = false
    @Flag(name: .customLong("cleanup-on-fail"), help: "allow deletion of new resources created in this upgrade when upgrade fails")
    var cleanupOnFail = false
    @Option(name: .customLong("history-max"), help: "limit the maximum number of revisions saved per release (0: no limit)")
    var historyMax = 10

    func run() async throws {
        cluster.warnAboutPermissions()
        try options.validateOutput()
        let postRenderer = try options.resolvedPostRenderer()
        let wait = try waiting.options(atomic: options.atomic)
        let flow = HelmUpgradeFlow(name: name, chart: chart, options: options, values: values, wait: wait, noHooks: waiting.noHooks,
                                   install: install, force: force, reuseValues: reuseValues, resetValues: resetValues,
                                   cleanupOnFail: cleanupOnFail, historyMax: historyMax, postRenderer: postRenderer)
        try await cluster.withSession(requestTimeout: wait.timeout) { session in
            try await flow.run(session)
        }
    }
}
