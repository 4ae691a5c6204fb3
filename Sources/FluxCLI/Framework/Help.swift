import Foundation

/// cobra's default help and usage templates, rendered for one resolved command.
enum Help {
    static func render(_ resolved: CommandRunner.Resolved) -> String {
        let command = resolved.command
        var out = ""
        let header = command.long.isEmpty ? command.short : command.long
        if !header.isEmpty { out += trimTrailing(header) + "\n\n" }
        if command.isRunnable || !command.subcommands.isEmpty {
            out += usage(resolved)
        }
        return out
    }

    static func usage(_ resolved: CommandRunner.Resolved) -> String {
        let command = resolved.command
        let path = resolved.path.joined(separator: " ")
        let available = command.subcommands.filter { $0.isAvailable || $0.name == "help" }
        let hasSubcommands = command.subcommands.contains { $0.isAvailable }
        var out = "Usage:"
        if command.isRunnable { out += "\n  " + useLine(resolved) }
        if hasSubcommands { out += "\n  \(path) [command]" }
        if !command.aliases.isEmpty {
            out += "\n\nAliases:\n  " + ([command.name] + command.aliases).joined(separator: ", ")
        }
        if !command.example.isEmpty { out += "\n\nExamples:\n" + command.example }
        if hasSubcommands {
            out += "\n\nAvailable Commands:"
            let padding = max(11, command.subcommands.map(\.name.count).max() ?? 0)
            for sub in available.sorted(by: { $0.name < $1.name }) {
                out += "\n  " + sub.name + String(repeating: " ", count: max(0, padding - sub.name.count)) + " " + sub.short
            }
        }
        let local = resolved.localFlags.filter { !$0.hidden && $0.deprecated == nil }
        if !local.isEmpty { out += "\n\nFlags:\n" + trimTrailing(flagUsages(local)) }
        let inherited = resolved.inheritedFlags.filter { !$0.hidden && $0.deprecated == nil }
        if !inherited.isEmpty { out += "\n\nGlobal Flags:\n" + trimTrailing(flagUsages(inherited)) }
        if hasSubcommands {
            out += "\n\nUse \"\(path) [command] --help\" for more information about a command."
        }
        return out + "\n"
    }

    /// cobra's `UseLine`: the parent path, `Use`, and `[flags]` when the command has flags.
    static func useLine(_ resolved: CommandRunner.Resolved) -> String {
        let command = resolved.command
        var line = (resolved.path.dropLast() + [command.use]).joined(separator: " ")
        if !line.contains("[flags]") { line += " [flags]" }
        return line
    }

    /// pflag's `FlagUsages`: sorted by name, `-s, --long type`, usage aligned one column after the
    /// longest flag, defaults appended.
    static func flagUsages(_ specs: [FlagSpec]) -> String {
        var lines: [(head: String, usage: String)] = []
        var maxLength = 0
        for spec in specs.sorted(by: { $0.name < $1.name }) {
            var head = spec.shorthand.map { "  -\($0), --\(spec.name)" } ?? "      --\(spec.name)"
            let (varName, usage) = unquoteUsage(spec)
            if !varName.isEmpty { head += " " + varName }
            maxLength = max(maxLength, head.count)
            var text = usage
            if !spec.defaultIsZero {
                if spec.kind == .string {
                    text += " (default \(FlagConversion.goQuote(spec.defaultValue)))"
                } else {
                    text += " (default \(spec.defaultValue))"
                }
            }
            lines.append((head, text))
        }
        return lines.map { line in
            // pflag measures the longest head with its trailing separator, hence the extra space.
            line.head + " " + String(repeating: " ", count: maxLength + 1 - line.head.count) + " " + line.usage + "\n"
        }.joined()
    }

    /// pflag's `UnquoteUsage`: a back-quoted word in the usage names the value, else the type does.
    static func unquoteUsage(_ spec: FlagSpec) -> (String, String) {
        let usage = spec.usage
        if let open = usage.firstIndex(of: "`"),
           let close = usage[usage.index(after: open)...].firstIndex(of: "`") {
            let name = String(usage[usage.index(after: open)..<close])
            let plain = String(usage[..<open]) + name + String(usage[usage.index(after: close)...])
            return (name, plain)
        }
        return (spec.kind.helpName, usage)
    }

    static func trimTrailing(_ s: String) -> String {
        var s = Substring(s)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
