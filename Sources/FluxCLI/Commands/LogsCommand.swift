enum LogsCommand {
    static func command(_ environment: FluxEnvironment) -> Command { Command(use: "logs", short: "TODO") }
}
