import ArgumentParser
import HelmActions

/// `swiftflux helm rollback NAME [REVISION]`.
struct HelmRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "roll back a release to a previous revision")
    @Argument var name: String
    @Argument var revision: Int = 0
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var waiting: HelmWaitOptions
    @Flag(name: .customLong("force")) var force = false
    @Flag(name: .customLong("cleanup-on-fail")) var cleanupOnFail = false
    @Option(name: .customLong("history-max")) var historyMax = 10

    func run() async throws {
        cluster.warnAboutPermissions()
        let wait = try waiting.options()
        try await cluster.withConfiguration(requestTimeout: wait.timeout) { config, _ in
            var action = Rollback(releaseName: name)
            action.version = revision
            action.force = force
            action.cleanupOnFail = cleanupOnFail
            action.maxHistory = historyMax
            action.disableHooks = waiting.noHooks
            action.wait = wait
            try await action.run(config)
        }
        HelmReleaseIO.write("Rollback was a success! Happy Helming!\n")
    }
}

/// `swiftflux helm uninstall NAME...`.
struct HelmUninstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "uninstall a release")
    @Argument var names: [String]
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var waiting: HelmWaitOptions
    @Flag(name: .customLong("keep-history")) var keepHistory = false
    @Option(name: .customLong("cascade")) var cascade = "background"
    @Option(name: .customLong("description")) var description = ""

    func run() async throws {
        cluster.warnAboutPermissions()
        let wait = try waiting.options()
        let text = try await cluster.withConfiguration(requestTimeout: wait.timeout) { config, _ in
            var out = ""
            for name in names {
                var action = Uninstall(releaseName: name)
                action.keepHistory = keepHistory
                action.disableHooks = waiting.noHooks
                action.wait = wait
                action.description = description
                action.deletionPropagation = cascade.prefix(1).uppercased() + cascade.dropFirst()
                let response = try await action.run(config)
                if !response.info.isEmpty { out += response.info + "\n" }
                out += "release \"\(name)\" uninstalled\n"
            }
            return out
        }
        HelmReleaseIO.write(text)
    }
}

/// `swiftflux helm test NAME`.
struct HelmTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "run tests for a release")
    @Argument var name: String
    @OptionGroup var cluster: HelmClusterOptions
    @Option(name: .customLong("timeout")) var timeout = "5m0s"
    @Option(name: .customLong("filter")) var filters: [String] = []

    func run() async throws {
        cluster.warnAboutPermissions()
        let wait = try HelmWaitOptions.parse(["--timeout", timeout]).options()
        let text = try await cluster.withConfiguration(requestTimeout: wait.timeout) { config, _ in
            var action = ReleaseTesting(releaseName: name)
            action.timeout = wait
            for f in filters.flatMap({ $0.split(separator: ",").map(String.init) }) {
                if f.hasPrefix("!name=") { action.exclude.append(String(f.dropFirst(6))) }
                else if f.hasPrefix("name=") { action.include.append(String(f.dropFirst(5))) }
            }
            let release = try await action.run(config)
            return HelmReleasePrinter.status(release, showNotes: false)
        }
        HelmReleaseIO.write(text)
    }
}
