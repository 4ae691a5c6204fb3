enum StatsCommand {
    static func command() -> Command { Command(use: "stats", short: "TODO") }
}
