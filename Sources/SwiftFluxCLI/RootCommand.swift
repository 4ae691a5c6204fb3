import ArgumentParser

/// The `swiftflux` command tree, modelled on the `flux` CLI.
public struct RootCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "swiftflux",
        abstract: "SwiftFlux: the Flux v2.2 GitOps toolkit, reimplemented in Swift.",
        discussion: """
            Command line utility for assembling Kubernetes CD pipelines the GitOps way.
            Runs against any cluster through a kubeconfig, or on its embedded API server.
            """,
        version: SwiftFluxVersion.current,
        subcommands: [
            VersionCommand.self,
            APIServerCommand.self,
            HelmCommand.self,
            BenchCommand.self,
            InstallCommand.self,
            UpCommand.self,
            ControllersCommand.self,
            BuildCommand.self,
        ]
    )

    public init() {}
}
