import Foundation
import KubeClient
import KubeModel

/// Dynamic completions: object names of a kind in the namespace, kubeconfig contexts, namespaces.
enum Completions {
    /// flux's `resourceNamesCompletionFunc`: names of `kind` objects in `-n` starting with the word.
    static func objectNames(_ kind: FluxKind) -> @Sendable (Invocation, String) async -> [String] {
        { invocation, prefix in
            await names(invocation, prefix) { session in
                let resource = try await session.resource(kind.gvk)
                return try await session.list(resource, namespace: session.namespace)
            }
        }
    }

    /// Namespace names (for `-n`).
    static let namespaces: @Sendable (Invocation, String) async -> [String] = { invocation, prefix in
        await names(invocation, prefix) { session in try await session.list(Builtin.namespaces, namespace: nil) }
    }

    /// Context names of the kubeconfig (for `--context`).
    static let contexts: @Sendable (Invocation, String) async -> [String] = { invocation, prefix in
        let options = GlobalOptions(invocation.flags)
        guard let config = try? KubeConfigResolver.kubeConfig(options, invocation.environment) else { return [] }
        return config.contexts.keys.sorted().filter { $0.hasPrefix(prefix) }
    }

    private static func names(_ invocation: Invocation, _ prefix: String,
                              _ list: @Sendable (KubeSession) async throws -> [KubeObject]) async -> [String] {
        let options = GlobalOptions(invocation.flags)
        let objects = (try? await KubeSession.with(options, invocation.environment) { try await list($0) }) ?? []
        return objects.map(\.name).filter { $0.hasPrefix(prefix) }
    }
}

/// cobra's hidden `__complete` command: prints candidates (`value\tdescription`), then
/// `:<directive>`; shells call it through the scripts of `completion bash|zsh|fish|powershell`.
enum CompletionEngine {
    /// cobra's `ShellCompDirective` bits.
    static let directiveError = 1
    static let directiveNoSpace = 2
    static let directiveNoFileComp = 4

    static func run(_ root: Command, _ args: [String], environment: FluxEnvironment, descriptions: Bool) async {
        let toComplete = args.last ?? ""
        let preceding = Array(args.dropLast())
        let runner = CommandRunner(root: root, environment: environment)
        let resolved = runner.find(preceding)
        let specs = resolved.allFlags
        let parser = FlagParser(specs: specs) { _ in }
        let parsed = (try? parser.parse(resolved.args)) ?? FlagParser.Result(values: FlagValues(specs: specs), positional: [],
                                                                              helpRequested: false)
        let invocation = Invocation(path: resolved.path, args: parsed.positional, flags: parsed.values, environment: environment)
        var candidates: [(String, String)] = []
        var directive = directiveNoFileComp

        if let flagName = pendingFlag(preceding, specs), !toComplete.hasPrefix("-") {
            if let complete = flagCompletion(resolved, flagName) {
                candidates = await complete(invocation, toComplete).map { ($0, "") }
            } else {
                directive = 0
            }
        } else if toComplete.hasPrefix("--"), let eq = toComplete.firstIndex(of: "=") {
            let name = String(toComplete[toComplete.index(toComplete.startIndex, offsetBy: 2)..<eq])
            let valuePrefix = String(toComplete[toComplete.index(after: eq)...])
            if let complete = flagCompletion(resolved, name) {
                candidates = await complete(invocation, valuePrefix).map { ("--\(name)=\($0)", "") }
            } else {
                directive = 0
            }
        } else if toComplete.hasPrefix("-") {
            for spec in specs.sorted(by: { $0.name < $1.name }) where !spec.hidden && spec.deprecated == nil {
                if !parsed.values.changed(spec.name) || spec.kind == .strings || spec.kind == .stringArray {
                    candidates.append(("--\(spec.name)", spec.usage))
                    if let short = spec.shorthand { candidates.append(("-\(short)", spec.usage)) }
                }
            }
            candidates = candidates.filter { $0.0.hasPrefix(toComplete) }
        } else {
            let command = resolved.command
            if !command.subcommands.isEmpty && parsed.positional.isEmpty {
                for sub in command.subcommands.sorted(by: { $0.name < $1.name })
                where (sub.isAvailable || sub.name == "help") && sub.name.hasPrefix(toComplete) {
                    candidates.append((sub.name, sub.short))
                }
            }
            if let complete = command.completeArgs {
                candidates += await complete(invocation, toComplete).map { ($0, "") }
            }
        }
        for (value, description) in candidates {
            environment.out(descriptions && !description.isEmpty ? "\(value)\t\(description)\n" : "\(value)\n")
        }
        environment.out(":\(directive)\n")
        environment.err("Completion ended with directive: \(directiveName(directive))\n")
    }

    /// The flag whose value is being typed (`--namespace <TAB>`), if the last preceding word is one.
    static func pendingFlag(_ preceding: [String], _ specs: [FlagSpec]) -> String? {
        guard let last = preceding.last, last.hasPrefix("-"), !last.contains("=") else { return nil }
        let spec: FlagSpec?
        if last.hasPrefix("--") {
            spec = specs.first { $0.name == String(last.dropFirst(2)) }
        } else if last.count == 2 {
            spec = specs.first { $0.shorthand == String(last.dropFirst()) }
        } else {
            spec = nil
        }
        guard let spec, spec.takesValue else { return nil }
        return spec.name
    }

    static func flagCompletion(_ resolved: CommandRunner.Resolved, _ name: String) -> (@Sendable (Invocation, String) async -> [String])? {
        for command in resolved.chain.reversed() {
            if let complete = command.completeFlags[name] { return complete }
        }
        return nil
    }

    static func directiveName(_ directive: Int) -> String {
        switch directive {
        case 0: return "ShellCompDirectiveDefault"
        case directiveError: return "ShellCompDirectiveError"
        case directiveNoSpace: return "ShellCompDirectiveNoSpace"
        case directiveNoFileComp: return "ShellCompDirectiveNoFileComp"
        default: return "ShellCompDirective(\(directive))"
        }
    }
}
