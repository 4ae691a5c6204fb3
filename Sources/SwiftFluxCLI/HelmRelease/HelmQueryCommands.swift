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
        let text = try await cluster.withConfiguration { config, _ in
            let history: [Release]
            do { history = try await config.storage.history(name) } catch HelmActionsError.releaseNotFound {
                throw ValidationError("release: not found")
            }
            let shown = Array(history.suffix(max))
            if output != "table" { return try HelmReleasePrinter.encode(HelmReleasePrinter.historyJSON(shown), format: output) }
            var rows = [["REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION"]]
            for r in shown {
                rows.append([String(r.version), HelmReleasePrinter.ansic(r.info?.lastDeployed ?? .zero), r.status.rawValue,
                             HelmReleasePrinter.chartName(r), r.chart?.appVersion ?? "", r.info?.description ?? ""])
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

    func run() async throws {
        let text = try await cluster.withConfiguration { config, _ in
            let release = revision > 0 ? try await config.storage.get(name, version: revision) : try await config.storage.last(name)
            return output == "table" ? HelmReleasePrinter.status(release) : try HelmReleasePrinter.encode(release.json, format: output)
        }
        HelmReleaseIO.write(text)
    }
}

/// `swiftflux helm list`: the latest revision of each release (deployed and failed by default).
struct HelmListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "list releases", aliases: ["ls"])
    @OptionGroup var cluster: HelmClusterOptions
    @Flag(name: [.customShort("A"), .customLong("all-namespaces")]) var allNamespaces = false
    @Flag(name: [.customShort("a"), .customLong("all")]) var all = false
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

    func run() async throws {
        let text = try await cluster.withConfiguration(allNamespaces: allNamespaces) { config, _ in
            var latest: [String: Release] = [:]
            for r in try await config.storage.listReleases() {
                let key = r.namespace + "/" + r.name
                if (latest[key]?.version ?? 0) < r.version { latest[key] = r }
            }
            let shown = latest.values.filter { all || $0.status == .deployed || $0.status == .failed }
                .sorted { ($0.name, $0.namespace) < ($1.name, $1.namespace) }
            if output != "table" { return try HelmReleasePrinter.encode(HelmReleasePrinter.listJSON(shown), format: output) }
            var rows = [["NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION"]]
            for r in shown {
                rows.append([r.name, r.namespace, String(r.version), r.info?.lastDeployed.description ?? "", r.status.rawValue,
                             HelmReleasePrinter.chartName(r), r.chart?.appVersion ?? ""])
            }
            return HelmReleasePrinter.table(rows)
        }
        HelmReleaseIO.write(text)
    }
}

/// `swiftflux helm get manifest|values|notes NAME`.
struct HelmGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "download extended information of a named release",
                                                    subcommands: [Manifest.self, Values.self, Notes.self])

    struct Manifest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "manifest", abstract: "download the manifest for a named release")
        @Argument var name: String
        @OptionGroup var cluster: HelmClusterOptions
        @Option(name: .customLong("revision")) var revision = 0

        func run() async throws {
            let release = try await cluster.withConfiguration { config, _ in try await HelmGetCommand.release(config, name, revision) }
            HelmReleaseIO.write(release.manifest + "\n")
        }
    }

    struct Values: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "values", abstract: "download the values file for a named release")
        @Argument var name: String
        @OptionGroup var cluster: HelmClusterOptions
        @Option(name: .customLong("revision")) var revision = 0
        @Flag(name: [.customShort("a"), .customLong("all")]) var all = false
        @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

        func run() async throws {
            let release = try await cluster.withConfiguration { config, _ in try await HelmGetCommand.release(config, name, revision) }
            var values = release.config ?? .emptyObject
            if all { values = Upgrade.effectiveValues(values, current: Release(name: "", namespace: "", version: 0, config: release.chart?.values), reuse: true, reset: false) }
            if values.isNull { values = .emptyObject }
            let sorted = values.goSortedKeys()
            switch output {
            case "json": HelmReleaseIO.write(sorted.serialized(.compact) + "\n")
            case "yaml": HelmReleaseIO.write(try YAML.serialize(sorted))
            default:
                let isEmpty = sorted.objectValue?.isEmpty ?? true
                HelmReleaseIO.write((all ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n") + (isEmpty ? "null\n" : try YAML.serialize(sorted)))
            }
        }
    }

    struct Notes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "notes", abstract: "download the notes for a named release")
        @Argument var name: String
        @OptionGroup var cluster: HelmClusterOptions
        @Option(name: .customLong("revision")) var revision = 0

        func run() async throws {
            let release = try await cluster.withConfiguration { config, _ in try await HelmGetCommand.release(config, name, revision) }
            if let notes = release.info?.notes, !notes.isEmpty { HelmReleaseIO.write("NOTES:\n\(notes)\n") }
        }
    }

    static func release(_ config: ActionConfiguration, _ name: String, _ revision: Int) async throws -> Release {
        revision > 0 ? try await config.storage.get(name, version: revision) : try await config.storage.last(name)
    }
}
