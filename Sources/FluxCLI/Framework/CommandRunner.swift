/// Executes a command tree the way cobra's `ExecuteC` does: find the command from the leading
/// words, parse its flags (local and inherited), print help for `-h` or non-runnable commands,
/// run the nearest persistent pre-run hook, then the command. Errors come back as
/// `FluxCLIError`; nothing is printed for them here.
public struct CommandRunner: Sendable {
    public let root: Command
    public let environment: FluxEnvironment

    public init(root: Command, environment: FluxEnvironment) {
        self.root = root
        self.environment = environment
    }

    /// A command with the ancestors it was found under (root first).
    struct Resolved {
        var chain: [Command]
        var args: [String]
        var command: Command { chain[chain.count - 1] }
        var path: [String] { chain.map(\.name) }

        /// Persistent flags of the ancestors (cobra's inherited flags).
        var inheritedFlags: [FlagSpec] { chain.dropLast().flatMap(\.persistentFlags) }
        /// Flags defined on the command itself, local and persistent, plus `-h/--help`.
        var localFlags: [FlagSpec] {
            var flags = command.flags + command.persistentFlags
            if !flags.contains(where: { $0.name == "help" }) { flags.append(command.helpFlag) }
            return flags
        }
        var allFlags: [FlagSpec] { localFlags + inheritedFlags }
    }

    /// cobra's `Find`: walks the leading non-flag words down the tree.
    func find(_ args: [String]) -> Resolved {
        var resolved = Resolved(chain: [root], args: args)
        while true {
            let command = resolved.command
            if command.disableFlagParsing { break }
            let words = FlagParser.stripFlags(resolved.args, specs: resolved.allFlags)
            guard let first = words.first, let next = command.subcommand(first) else { break }
            if let index = resolved.args.firstIndex(of: first) { resolved.args.remove(at: index) }
            resolved.chain.append(next)
        }
        return resolved
    }

    /// Runs `args` (without the program name).
    public func execute(_ args: [String]) async throws(FluxCLIError) {
        let resolved = find(args)
        let command = resolved.command
        if command.disableFlagParsing, let run = command.run {
            let invocation = Invocation(path: resolved.path, args: resolved.args, flags: FlagValues(specs: []),
                                        environment: environment)
            try await Self.call(run, invocation)
            return
        }
        if resolved.chain.count == 1, command.subcommands.count > 0 {
            let words = FlagParser.stripFlags(resolved.args, specs: resolved.allFlags)
            if let first = words.first {
                throw FluxCLIError("unknown command \(FlagConversion.goQuote(first)) for \(FlagConversion.goQuote(root.name))"
                                   + Suggestions.text(for: first, in: root))
            }
        }
        let environment = self.environment
        let parser = FlagParser(specs: resolved.allFlags) { environment.err($0) }
        let parsed = try parser.parse(resolved.args)
        let invocation = Invocation(path: resolved.path, args: parsed.positional, flags: parsed.values,
                                    environment: environment)
        if parsed.helpRequested {
            environment.out(Help.render(resolved))
            return
        }
        if resolved.chain.count == 1, parsed.values.bool("version") {
            environment.out("\(root.name) version \(environment.programVersion)\n")
            return
        }
        guard let run = command.run else {
            environment.out(Help.render(resolved))
            return
        }
        if command.noArgs, let first = parsed.positional.first {
            throw FluxCLIError("unknown command \(FlagConversion.goQuote(first)) for \(FlagConversion.goQuote(invocation.commandPath))")
        }
        if let hook = resolved.chain.reversed().lazy.compactMap(\.persistentPreRun).first {
            try await Self.call(hook, invocation)
        }
        try await Self.call(run, invocation)
    }

    /// Runs a command body, turning any error into a `FluxCLIError`.
    static func call(_ body: @Sendable (Invocation) async throws -> Void, _ invocation: Invocation) async throws(FluxCLIError) {
        do {
            try await body(invocation)
        } catch let error as FluxCLIError {
            throw error
        } catch {
            throw FluxCLIError(ErrorText.describe(error))
        }
    }
}

/// cobra's "Did you mean this?" suggestions for an unknown root command.
enum Suggestions {
    static func text(for word: String, in root: Command) -> String {
        let names = root.subcommands.filter { $0.isAvailable }.map(\.name).filter { name in
            levenshtein(word.lowercased(), name.lowercased()) <= 2 || name.lowercased().hasPrefix(word.lowercased())
        }
        guard !names.isEmpty else { return "" }
        return "\n\nDid you mean this?\n" + names.map { "\t\($0)\n" }.joined()
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous = Array(0...t.count)
        for i in 1...s.count {
            var current = [i] + Array(repeating: 0, count: t.count)
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[t.count]
    }
}
