enum InstallCommand {
    static func command() -> Command { Command(use: "install", short: "TODO") }
}
