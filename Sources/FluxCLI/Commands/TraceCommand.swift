enum TraceCommand {
    static func command() -> Command { Command(use: "trace", short: "TODO") }
}
