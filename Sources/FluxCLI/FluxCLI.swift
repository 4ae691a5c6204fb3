/// The `flux` command line (Flux v2.2.0's command tree, flags, output and exit codes), as a
/// library: `FluxCLI.run(arguments, environment:)` executes one invocation in-process.
public enum FluxCLI {
    /// The command tree for `environment` (its program name, extra commands and defaults).
    public static func rootCommand(_ environment: FluxEnvironment) -> Command {
        let program = environment.programName
        var root = Command(use: program, short: "Command line utility for assembling Kubernetes CD pipelines",
                           long: "\nCommand line utility for assembling Kubernetes CD pipelines the GitOps way.",
                           example: rootExample(program))
        root.persistentFlags = GlobalOptions.flags(environment)
        root.flags = [FlagSpec("version", short: "v", .bool, usage: "version for \(program)")]
        root.persistentPreRun = { invocation in
            let namespace = invocation.flags.string("namespace")
            if !Validation.isDNS1123Label(namespace) {
                throw FluxCLIError("namespace must be a valid DNS label: \(FlagConversion.goQuote(namespace))")
            }
        }
        root.completeFlags = ["context": Completions.contexts, "namespace": Completions.namespaces]
        let kinds = FluxKinds.all
        root.subcommands = [
            CheckCommand.command(),
            CompletionCommand.command(program),
            CreateCommand.command(),
            DeleteCommand.command(kinds),
            EventsCommand.command(),
            ExportCommand.command(kinds),
            GetCommand.command(kinds),
            InstallCommand.command(),
            LogsCommand.command(environment),
            ReconcileCommand.command(kinds),
            ResumeCommand.resume(kinds),
            StatsCommand.command(),
            SuspendCommand.suspend(kinds),
            TraceCommand.command(),
            TreeCommand.command(),
            UninstallCommand.command(),
            VersionCommand.command(),
        ] + environment.extraCommands
        var help = Command(use: "help [command]", short: "Help about any command",
                           long: "Help provides help for any command in the application.\nSimply type \(program) help [path to command] for full details.")
        root.subcommands.append(help)
        let snapshot = root
        help.run = { invocation in
            let runner = CommandRunner(root: snapshot, environment: invocation.environment)
            let target = runner.find(invocation.args)
            if target.chain.count == 1 && !invocation.args.isEmpty {
                invocation.environment.out("Unknown help topic [`\(invocation.args.joined(separator: " "))`]\n")
                invocation.environment.out(Help.usage(target))
                return
            }
            invocation.environment.out(Help.render(target))
        }
        root.subcommands[root.subcommands.count - 1] = help
        return root
    }

    /// Runs one invocation (`arguments` without the program name) and returns the exit code.
    /// Errors print as flux prints them: `✗ message` on standard error.
    public static func run(_ arguments: [String], environment: FluxEnvironment) async -> Int32 {
        let root = rootCommand(environment)
        if let first = arguments.first, first == "__complete" || first == "__completeNoDesc" {
            await CompletionEngine.run(root, Array(arguments.dropFirst()), environment: environment,
                                       descriptions: first == "__complete")
            return 0
        }
        do {
            try await CommandRunner(root: root, environment: environment).execute(arguments)
            return 0
        } catch {
            if !error.silent { environment.err("✗ \(error.message)\n") }
            return error.exitCode
        }
    }

    /// Whether `word` names one of flux's top-level commands (the `swiftflux` entry point routes those here).
    public static func isFluxCommand(_ word: String) -> Bool {
        let root = rootCommand(FluxEnvironment(output: CapturedOutput()))
        return root.subcommands.contains { $0.matches(word) } || word == "__complete" || word == "__completeNoDesc"
    }

    static func rootExample(_ p: String) -> String {
        """
          # Check prerequisites
          \(p) check --pre

          # Install the latest version of Flux
          \(p) install

          # Create a source for a public Git repository
          \(p) create source git webapp-latest \\
            --url=https://github.com/stefanprodan/podinfo \\
            --branch=master \\
            --interval=3m

          # List GitRepository sources and their status
          \(p) get sources git

          # Trigger a GitRepository source reconciliation
          \(p) reconcile source git flux-system

          # Export GitRepository sources in YAML format
          \(p) export source git --all > sources.yaml

          # Create a Kustomization for deploying a series of microservices
          \(p) create kustomization webapp-dev \\
            --source=webapp-latest \\
            --path="./deploy/webapp/" \\
            --prune=true \\
            --interval=5m \\
            --health-check="Deployment/backend.webapp" \\
            --health-check="Deployment/frontend.webapp" \\
            --health-check-timeout=2m

          # Trigger a git sync of the Kustomization's source and apply changes
          \(p) reconcile kustomization webapp-dev --with-source

          # Suspend a Kustomization reconciliation
          \(p) suspend kustomization webapp-dev

          # Export Kustomizations in YAML format
          \(p) export kustomization --all > kustomizations.yaml

          # Resume a Kustomization reconciliation
          \(p) resume kustomization webapp-dev

          # Delete a Kustomization
          \(p) delete kustomization webapp-dev

          # Delete a GitRepository source
          \(p) delete source git webapp-latest

          # Uninstall Flux and delete CRDs
          \(p) uninstall
        """
    }
}

enum SuspendCommand {
    static func suspend(_ kinds: [FluxKind]) -> Command { SuspendResumeCommand.command(kinds, verb: .suspend) }
}

enum ResumeCommand {
    static func resume(_ kinds: [FluxKind]) -> Command { SuspendResumeCommand.command(kinds, verb: .resume) }
}
