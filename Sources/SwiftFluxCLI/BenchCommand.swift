import ArgumentParser

/// `swiftflux bench …`: benchmarks that print figures (performance targets live here, not in tests).
/// Each feature adds its own subcommand in a `Bench+<Feature>.swift` file.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark and print its figures",
        subcommands: benchSubcommands
    )
}

/// The registered benchmark subcommands (one line per feature).
let benchSubcommands: [any ParsableCommand.Type] = [
    BenchTemplateCommand.self,
    APIServerBench.self,
    APIServerStorageBench.self,
    BenchHelmCommand.self,
    BenchRuntimeCommand.self,
    BenchArtifactsCommand.self,
    BenchRegexCommand.self,
    BenchKustomizeCommand.self,
    BenchHelmChartCommand.self,
    BenchMTTPCommand.self,
]
