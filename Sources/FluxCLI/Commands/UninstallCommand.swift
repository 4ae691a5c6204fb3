enum UninstallCommand {
    static func command() -> Command { Command(use: "uninstall", short: "TODO") }
}
