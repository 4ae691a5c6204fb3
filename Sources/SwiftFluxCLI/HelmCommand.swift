import ArgumentParser
import Foundation
import GoTemplate
import HelmEngine

/// `swiftflux helm …`: Helm chart tooling without the Go `helm` binary.
struct HelmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm",
        abstract: "Work with Helm charts locally",
        subcommands: [HelmTemplateCommand.self] + helmReleaseSubcommands
    )
}

/// `swiftflux helm template [NAME] CHART [flags]`: renders a chart like `helm template`.
/// Flags follow Helm's (`-f`, `--set`, `--kube-version`, `--show-only`, …); output and error
/// text are Helm's.
struct HelmTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Locally render templates",
        discussion: "Render chart templates locally and display the output, as `helm template` does."
    )

    @Argument(parsing: .allUnrecognized, help: "[NAME] CHART and helm template flags")
    var arguments: [String] = []

    func run() throws {
        let runner = HelmTemplateRunner(workingDirectory: FileManager.default.currentDirectoryPath)
        let output = runner.run(arguments)
        FileHandle.standardOutput.write(Data(output.stdout.utf8))
        FileHandle.standardError.write(Data(output.stderr.utf8))
        if output.status != 0 { throw ExitCode(output.status) }
    }
}

/// Function maps the CLI hands to templates it evaluates itself.
enum HelmCLIFunctions {
    /// Sprig's `TxtFuncMap` for `--name-template` (Helm's copy of Sprig, without `env`).
    static var nameTemplate: [String: GoFunction] { Engine.sprigFunctions }
}
