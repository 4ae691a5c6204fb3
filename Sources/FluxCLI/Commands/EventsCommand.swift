enum EventsCommand {
    static func command() -> Command { Command(use: "events", short: "TODO") }
}
