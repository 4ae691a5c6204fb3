import ArgumentParser
import FluxCLI
import Foundation

/// The process entry point's dispatch.
///
/// Invoked through a link named `flux` (by `argv[0]`'s basename), the binary is the flux CLI and
/// only flux's commands exist. As `swiftflux`, flux's command tree is the root and swiftflux's own
/// commands (`apiserver`, `helm`, `bench`, and whatever `RootCommand` lists beyond flux's names)
/// are added to it, each handing its arguments to the argument-parser command unchanged.
public enum SwiftFluxEntry {
    /// Runs the process: never returns.
    public static func main(_ arguments: [String] = CommandLine.arguments) async -> Never {
        let program = arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "swiftflux"
        let args = Array(arguments.dropFirst())
        let environment = self.environment(program: program == "flux" ? "flux" : "swiftflux")
        exit(await FluxCLI.run(args, environment: environment))
    }

    /// The flux environment: for `swiftflux`, with its own commands added.
    public static func environment(program: String) -> FluxEnvironment {
        var environment = FluxEnvironment(programName: program)
        environment.imageTag = "v\(SwiftFluxVersion.current)"
        if program != "flux" { environment.programVersion = SwiftFluxVersion.current }
        if program != "flux" { environment.extraCommands = ownCommands() }
        return environment
    }

    /// swiftflux's argument-parser commands whose names flux does not already use.
    static func ownCommands() -> [Command] {
        let fluxRoot = FluxCLI.rootCommand(FluxEnvironment(output: CapturedOutput()))
        let taken = Set(fluxRoot.subcommands.map(\.name))
        return RootCommand.configuration.subcommands.compactMap { type -> Command? in
            let configuration = type.configuration
            let name = configuration.commandName ?? String(describing: type).lowercased()
            guard !taken.contains(name) else { return nil }
            var command = Command(use: name, short: configuration.abstract)
            command.hidden = !configuration.shouldDisplay
            command.disableFlagParsing = true
            command.run = { invocation in
                await RootCommand.main(HelmArguments.normalized([name] + invocation.args))
            }
            return command
        }
    }
}
