enum CreateCommand {
    static func command() -> Command { Command(use: "create", short: "TODO") }
}
