import ArgumentParser
import HelmActions
import HelmEngine
import StructuredData

/// `swiftflux helm install NAME CHART`.
struct HelmInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "install a chart")
    @Argument var name: String
    @Argument var chart: String
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var values: HelmValuesOptions
    @OptionGroup var waiting: HelmWaitOptions
    @Flag(name: .customLong("create-namespace")) var createNamespace = false
    @Flag(name: .customLong("atomic")) var atomic = false
    @Flag(name: .customLong("replace")) var replace = false
    @Option(name: .customLong("description")) var description = ""
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

    func run() async throws {
        let loaded = try HelmReleaseIO.loadChart(chart)
        let userValues = try values.merged()
        let text = try await cluster.withConfiguration { config, namespace in
            let rendered = try await config.render(loaded, values: userValues, releaseName: name, namespace: namespace, revision: 1, isUpgrade: false)
            var install = Install(releaseName: name, namespace: namespace)
            install.createNamespace = createNamespace
            install.atomic = atomic
            install.replace = replace
            install.description = description
            install.disableHooks = waiting.noHooks
            install.wait = try waiting.options(atomic: atomic)
            let release = try await install.run(config, chart: rendered, values: .object(userValues))
            return output == "table" ? HelmReleasePrinter.status(release) : try HelmReleasePrinter.encode(release.json, format: output)
        }
        HelmReleaseIO.write(text)
    }
}

/// `swiftflux helm upgrade NAME CHART [--install]`.
struct HelmUpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upgrade", abstract: "upgrade a release")
    @Argument var name: String
    @Argument var chart: String
    @OptionGroup var cluster: HelmClusterOptions
    @OptionGroup var values: HelmValuesOptions
    @OptionGroup var waiting: HelmWaitOptions
    @Flag(name: [.customShort("i"), .customLong("install")]) var install = false
    @Flag(name: .customLong("create-namespace")) var createNamespace = false
    @Flag(name: .customLong("atomic")) var atomic = false
    @Flag(name: .customLong("force")) var force = false
    @Flag(name: .customLong("reuse-values")) var reuseValues = false
    @Flag(name: .customLong("reset-values")) var resetValues = false
    @Flag(name: .customLong("cleanup-on-fail")) var cleanupOnFail = false
    @Option(name: .customLong("history-max")) var historyMax = 10
    @Option(name: .customLong("description")) var description = ""
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

    func run() async throws {
        let loaded = try HelmReleaseIO.loadChart(chart)
        let userValues = try values.merged()
        let text = try await cluster.withConfiguration { config, namespace in
            let history = (try? await config.storage.history(name)) ?? []
            // helm upgrade --install installs when there is no release or its last revision is uninstalled.
            if install && (history.isEmpty || history.last?.status == .uninstalled) {
                let rendered = try await config.render(loaded, values: userValues, releaseName: name, namespace: namespace, revision: 1, isUpgrade: false)
                var action = Install(releaseName: name, namespace: namespace)
                action.replace = !history.isEmpty
                action.createNamespace = createNamespace
                action.atomic = atomic
                action.description = description
                action.disableHooks = waiting.noHooks
                action.wait = try waiting.options(atomic: atomic)
                let release = try await action.run(config, chart: rendered, values: .object(userValues))
                return "Release \"\(name)\" does not exist. Installing it now.\n" + HelmReleasePrinter.status(release)
            }
            var effective = JSONValue.object(userValues)
            if let current = history.last(where: { $0.status == .deployed }) ?? history.last {
                effective = Upgrade.effectiveValues(effective, current: current, reuse: reuseValues, reset: resetValues)
            }
            let rendered = try await config.render(loaded, values: effective.objectValue ?? [:], releaseName: name, namespace: namespace,
                                                    revision: (history.last?.version ?? 0) &+ 1, isUpgrade: true)
            var action = Upgrade(releaseName: name, namespace: namespace)
            action.atomic = atomic
            action.force = force
            action.reuseValues = reuseValues
            action.resetValues = resetValues
            action.cleanupOnFail = cleanupOnFail
            action.maxHistory = historyMax
            action.description = description
            action.disableHooks = waiting.noHooks
            action.wait = try waiting.options(atomic: atomic)
            let release = try await action.run(config, chart: rendered, values: effective)
            let body = output == "table" ? HelmReleasePrinter.status(release) : try HelmReleasePrinter.encode(release.json, format: output)
            return "Release \"\(name)\" has been upgraded. Happy Helming!\n" + body
        }
        HelmReleaseIO.write(text)
    }
}

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
        try await cluster.withConfiguration { config, _ in
            var action = Rollback(releaseName: name)
            action.version = revision
            action.force = force
            action.cleanupOnFail = cleanupOnFail
            action.maxHistory = historyMax
            action.disableHooks = waiting.noHooks
            action.wait = try waiting.options()
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
        let text = try await cluster.withConfiguration { config, _ in
            var out = ""
            for name in names {
                var action = Uninstall(releaseName: name)
                action.keepHistory = keepHistory
                action.disableHooks = waiting.noHooks
                action.wait = try waiting.options()
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
        let text = try await cluster.withConfiguration { config, _ in
            var action = ReleaseTesting(releaseName: name)
            action.timeout = try HelmWaitOptions.parse(["--timeout", timeout]).options()
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
