import ArgumentParser
import HelmActions
import HelmEngine
import StructuredData

/// `swiftflux helm get all|hooks|manifest|metadata|notes|values NAME`, as Helm 3.13 prints them.
struct HelmGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "download extended information of a named release",
                                                    subcommands: [All.self, Hooks.self, Manifest.self, Metadata.self, Notes.self, Values.self])

    /// The flags every `get` subcommand takes.
    struct Common: ParsableArguments {
        @Argument var name: String
        @OptionGroup var cluster: HelmClusterOptions
        @Option(name: .customLong("revision")) var revision = 0

        func release() async throws -> Release {
            cluster.warnAboutPermissions()
            return try await cluster.withConfiguration { config, _ in
                revision > 0 ? try await config.storage.get(name, version: revision) : try await config.storage.last(name)
            }
        }
    }

    struct All: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "all", abstract: "download all information for a named release")
        @OptionGroup var common: Common

        func run() async throws {
            let release = try await common.release()
            let options = HelmReleasePrinter.StatusOptions(debug: true, showMetadata: true,
                                                           computedValues: HelmGetCommand.computedValues(release))
            HelmReleaseIO.write(try HelmReleasePrinter.status(release, options))
        }
    }

    struct Hooks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hooks", abstract: "download all hooks for a named release")
        @OptionGroup var common: Common

        func run() async throws {
            let release = try await common.release()
            HelmReleaseIO.write(release.hooks.map { "---\n# Source: \($0.path)\n\($0.manifest)\n" }.joined())
        }
    }

    struct Manifest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "manifest", abstract: "download the manifest for a named release")
        @OptionGroup var common: Common

        func run() async throws {
            HelmReleaseIO.write(try await common.release().manifest + "\n")
        }
    }

    struct Metadata: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "metadata", abstract: "This command fetches metadata for a given release")
        @OptionGroup var common: Common
        @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

        func run() async throws {
            let m = HelmReleasePrinter.metadata(try await common.release())
            if output != "table" { return HelmReleaseIO.write(try HelmReleasePrinter.encode(.object(m), format: output)) }
            var text = ""
            for (label, key) in [("NAME", "name"), ("CHART", "chart"), ("VERSION", "version"), ("APP_VERSION", "appVersion"),
                                 ("NAMESPACE", "namespace"), ("REVISION", "revision"), ("STATUS", "status"), ("DEPLOYED_AT", "deployedAt")] {
                let value = m[key].map { $0.stringValue ?? $0.serialized(.compact) } ?? ""
                text += "\(label): \(value)\n"
            }
            HelmReleaseIO.write(text)
        }
    }

    struct Notes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "notes", abstract: "download the notes for a named release")
        @OptionGroup var common: Common

        func run() async throws {
            let release = try await common.release()
            if let notes = release.info?.notes, !notes.isEmpty { HelmReleaseIO.write("NOTES:\n\(notes)\n") }
        }
    }

    struct Values: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "values", abstract: "download the values file for a named release")
        @OptionGroup var common: Common
        @Flag(name: [.customShort("a"), .customLong("all")]) var all = false
        @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

        func run() async throws {
            let release = try await common.release()
            var values = release.config ?? .null
            if all { values = HelmGetCommand.computedValues(release) }
            let sorted = values.isNull ? values : values.goSortedKeys()
            switch output {
            case "json", "yaml": HelmReleaseIO.write(try HelmReleasePrinter.encode(sorted, format: output))
            default: HelmReleaseIO.write((all ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n") + (try YAML.serialize(sorted)))
            }
        }
    }

    /// `chartutil.CoalesceValues(release.Chart, release.Config)`: user values over the stored
    /// chart's (no subcharts are stored), a `null` user value deleting the chart's key.
    static func computedValues(_ release: Release) -> JSONValue {
        var metadata = ChartMetadata()
        metadata.name = release.chart?.name ?? ""
        var chart = HelmEngine.Chart(metadata: metadata)
        chart.values = release.chart?.values?.objectValue ?? [:]
        let config = release.config?.objectValue ?? [:]
        return .object((try? Coalesce.coalesceValues(chart, config)) ?? config)
    }
}
