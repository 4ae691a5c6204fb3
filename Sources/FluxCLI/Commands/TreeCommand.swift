enum TreeCommand {
    static func command() -> Command { Command(use: "tree", short: "TODO") }
}
