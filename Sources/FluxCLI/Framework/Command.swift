/// One node of a cobra-style command tree: `flux get sources git` is the path root → `get` →
/// `sources` → `git`. A node runs when it has `run`; otherwise invoking it prints its help.
///
/// Flags declared in `persistentFlags` are inherited by every descendant (cobra's persistent
/// flags); `flags` are local. `-h/--help` is added to every command.
public struct Command: Sendable {
    /// cobra's `Use`: the name followed by an argument synopsis (`helm [name]`).
    public var use: String
    public var aliases: [String] = []
    public var short: String = ""
    public var long: String = ""
    public var example: String = ""
    public var hidden: Bool = false
    public var flags: [FlagSpec] = []
    public var persistentFlags: [FlagSpec] = []
    public var subcommands: [Command] = []
    /// Passes every argument, flags included, to `run` unparsed.
    public var disableFlagParsing: Bool = false
    /// Rejects positional arguments (cobra's `cobra.NoArgs`).
    public var noArgs: Bool = false
    public var run: (@Sendable (Invocation) async throws -> Void)?
    /// Runs before `run` for this command and its descendants; only the nearest one runs.
    public var persistentPreRun: (@Sendable (Invocation) async throws -> Void)?
    /// Completes positional arguments (cobra's `ValidArgsFunction`).
    public var completeArgs: (@Sendable (Invocation, String) async -> [String])?
    /// Completes the values of named flags (`RegisterFlagCompletionFunc`).
    public var completeFlags: [String: @Sendable (Invocation, String) async -> [String]] = [:]

    public init(use: String, aliases: [String] = [], short: String = "", long: String = "", example: String = "") {
        self.use = use
        self.aliases = aliases
        self.short = short
        self.long = long
        self.example = example
    }

    /// The first word of `use`.
    public var name: String {
        String(use.split(separator: " ", maxSplits: 1).first ?? Substring(use))
    }

    public var isRunnable: Bool { run != nil }

    /// Whether `word` names this command or one of its aliases.
    func matches(_ word: String) -> Bool { name == word || aliases.contains(word) }

    /// The subcommand named `word`, if any.
    func subcommand(_ word: String) -> Command? { subcommands.first { $0.matches(word) } }

    /// cobra's `IsAvailableCommand`.
    var isAvailable: Bool {
        if hidden { return false }
        return isRunnable || subcommands.contains { $0.isAvailable }
    }

    /// The automatic `-h/--help` flag.
    var helpFlag: FlagSpec { FlagSpec("help", short: "h", .bool, usage: "help for \(name)") }

    /// Adds `command` under the node at `path` (names below this one), creating nothing: every
    /// node on the path must exist.
    public mutating func add(_ command: Command, at path: [String] = []) {
        guard let first = path.first else {
            subcommands.append(command)
            return
        }
        guard let index = subcommands.firstIndex(where: { $0.name == first }) else { return }
        subcommands[index].add(command, at: Array(path.dropFirst()))
    }
}

/// What a running command receives: its path, positional arguments, flag values and the
/// environment.
public struct Invocation: Sendable {
    /// Command names from the root: `["flux", "get", "sources", "git"]`.
    public var path: [String]
    public var args: [String]
    public var flags: FlagValues
    public var environment: FluxEnvironment

    /// cobra's `CommandPath()`: `flux get sources git`.
    public var commandPath: String { path.joined(separator: " ") }
}
