import ArgumentParser
import HelmActions
import StructuredData
import Sprig

/// `swiftflux helm list`: Helm 3.13's `helm list` (`action.List`): latest revision of each
/// release, filtered by `--filter` (a Go regexp on the name) and the state flags (deployed and
/// failed by default), sorted by name, then `--offset`/`--max`.
struct HelmListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "list releases", aliases: ["ls"])
    @OptionGroup var cluster: HelmClusterOptions
    @Flag(name: [.customShort("A"), .customLong("all-namespaces")]) var allNamespaces = false
    @Flag(name: [.customShort("a"), .customLong("all")]) var all = false
    @Flag(name: [.customShort("d"), .customLong("date")]) var byDate = false
    @Flag(name: [.customShort("r"), .customLong("reverse")]) var reverse = false
    @Flag(name: [.customShort("q"), .customLong("short")]) var short = false
    @Flag(name: .customLong("no-headers")) var noHeaders = false
    @Flag(name: .customLong("deployed")) var deployed = false
    @Flag(name: .customLong("failed")) var failed = false
    @Flag(name: .customLong("pending")) var pending = false
    @Flag(name: .customLong("superseded")) var superseded = false
    @Flag(name: .customLong("uninstalled")) var uninstalled = false
    @Flag(name: .customLong("uninstalling")) var uninstalling = false
    @Option(name: [.customShort("f"), .customLong("filter")]) var filter = ""
    @Option(name: [.customShort("m"), .customLong("max")]) var max = 256
    @Option(name: .customLong("offset")) var offset = 0
    @Option(name: [.customShort("o"), .customLong("output")]) var output = "table"

    /// Helm's `SetStateMask`.
    var states: Set<ReleaseStatus> {
        if all { return Set(ReleaseStatus.allCases).subtracting([.unknown]) }
        var s: Set<ReleaseStatus> = []
        if deployed { s.insert(.deployed) }
        if uninstalled { s.insert(.uninstalled) }
        if uninstalling { s.insert(.uninstalling) }
        if pending { s.formUnion([.pendingInstall, .pendingUpgrade, .pendingRollback]) }
        if failed { s.insert(.failed) }
        if superseded { s.insert(.superseded) }
        return s.isEmpty ? [.deployed, .failed] : s
    }

    func run() async throws {
        cluster.warnAboutPermissions()
        guard ["table", "json", "yaml"].contains(output) else { throw FlagError("invalid argument \"\(output)\" for \"-o, --output\" flag: invalid format type") }
        let regex = filter.isEmpty ? nil : try GoRegex(filter)
        let states = self.states
        let text = try await cluster.withConfiguration(allNamespaces: allNamespaces) { config, _ in
            var releases = try await config.storage.listReleases().filter { regex?.matches($0.name) ?? true }
            if states != [.superseded] {
                var latest: [String: Release] = [:]
                for r in releases {
                    let key = r.name + "-" + r.namespace
                    if let kept = latest[key], kept.version > r.version { continue }
                    latest[key] = r
                }
                releases = Array(latest.values)
            }
            releases = releases.filter { states.contains($0.status) }
            releases = sorted(releases)
            guard offset < releases.count else { return try render([]) }
            let limit = max > 0 ? Swift.min(max, releases.count) : releases.count
            return try render(Array(releases[Swift.max(0, offset)..<Swift.min(offset + limit, releases.count)]))
        }
        HelmReleaseIO.write(text)
    }

    /// Helm's `List.sort`: by name (reversed with `-r`), or by deploy time with `-d`.
    func sorted(_ releases: [Release]) -> [Release] {
        let byName = releases.sorted { ($0.name, $0.namespace) < ($1.name, $1.namespace) }
        if byDate {
            let dated = byName.sorted { ($0.info?.lastDeployed ?? .zero) < ($1.info?.lastDeployed ?? .zero) }
            return reverse ? dated.reversed() : dated
        }
        return reverse ? byName.reversed() : byName
    }

    func render(_ releases: [Release]) throws -> String {
        if short {
            let names = releases.map(\.name)
            switch output {
            case "table": return names.map { $0 + "\n" }.joined()
            default: return try HelmReleasePrinter.encode(.array(names.map { .string($0) }), format: output)
            }
        }
        let elements = HelmReleasePrinter.listElements(releases)
        if output != "table" { return try HelmReleasePrinter.encode(.array(elements.map { .object($0) }), format: output) }
        var rows = noHeaders ? [] : [["NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION"]]
        for e in elements {
            rows.append(["name", "namespace", "revision", "updated", "status", "chart", "app_version"].map { e[$0]?.stringValue ?? "" })
        }
        return HelmReleasePrinter.table(rows)
    }
}
