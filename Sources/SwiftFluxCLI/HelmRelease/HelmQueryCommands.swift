import ArgumentParser
import HelmActions
import StructuredData

/// `swiftflux helm history NAME`.
struct HelmHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "fetch release history")
    @Argument var name: String
    @OptionGroup var cluster: HelmClusterOptions
    @Option(name: .customLong("max")) var max = 256
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

    func run() async throws {
        cluster.warnAboutPermissions()
        let text = try await cluster.withConfiguration { config, _ in
            let history: [Release]
            do { history = try await config.storage.history(name) } catch HelmActionsError.releaseNotFound {
                throw ValidationError("release: not found")
            }
            // The newest `max` revisions, oldest first.
            let shown = Array(history.sorted { $0.version < $1.version }.suffix(Swift.max(0, max)))
            if output != "table" {
                return try HelmReleasePrinter.encode(.array(HelmReleasePrinter.historyElements(shown).map { .object($0) }), format: output)
            }
            var rows = [["REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION"]]
            for r in shown {
                rows.append([String(r.version), HelmReleasePrinter.ansic(r.info?.lastDeployed ?? .zero), r.status.rawValue,
                             HelmReleasePrinter.chartName(r), HelmReleasePrinter.appVersion(r), r.info?.description ?? ""])
            }
            return HelmReleasePrinter.table(rows)
        }
        HelmReleaseIO.write(text)
    }
}

/// `swiftflux helm status NAME`.
struct HelmStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "display the status of the named release")
    @Argument var name: String
    @OptionGroup var cluster: HelmClusterOptions
    @Option(name: .customLong("revision")) var revision = 0
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"
    @Flag(name: .customLong("show-desc"), help: "if set, display the description message of the named release")
    var showDescription = false

    func run() async throws {
        cluster.warnAboutPermissions()
        let text = try await cluster.withConfiguration { config, _ in
            let release = revision > 0 ? try await config.storage.get(name, version: revision) : try await config.storage.last(name)
            if output == "table" {
                return try HelmReleasePrinter.status(release, HelmReleasePrinter.StatusOptions(showDescription: showDescription))
            }
            // Helm strips the chart before printing JSON/YAML.
            var stripped = release
            stripped.chart = nil
            return try HelmReleasePrinter.encode(stripped.json, format: output)
        }
        HelmReleaseIO.write(text)
    }
}
