enum VersionCommand {
    static func command() -> Command { Command(use: "version", short: "TODO") }
}
