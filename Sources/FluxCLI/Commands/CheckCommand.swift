enum CheckCommand {
    static func command() -> Command { Command(use: "check", short: "TODO") }
}
