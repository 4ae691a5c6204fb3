import SwiftFluxCLI

/// Process entry point: hands the arguments to the command tree.
@main
enum SwiftFluxMain {
    static func main() async {
        await RootCommand.main(HelmArguments.normalized(Array(CommandLine.arguments.dropFirst())))
    }
}
