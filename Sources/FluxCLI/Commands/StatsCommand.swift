import FluxAPI
import KubeModel

/// `flux stats`: per kind, how many objects run, fail and are suspended, and their artifacts' size.
enum StatsCommand {
    static func command() -> Command {
        var stats = Command(use: "stats", short: "Stats of Flux reconciles",
                            long: TraceCommand.withPreviewNote("""
                            The stats command prints a report of Flux custom resources present on a cluster,
                            including their reconcile status and the amount of cumulative storage used for each source type
                            """),
                            example: """
                              # Print the stats report for a namespace
                              flux stats --namespace default

                              #  Print the stats report for the whole cluster
                              flux stats -A
                            """)
        stats.persistentFlags = [FlagSpec("all-namespaces", short: "A", .bool, usage: "list the statistics for objects across all namespaces")]
        stats.run = { try await run(FluxContext($0)) }
        return stats
    }

    /// flux's order of kinds in the report.
    static let order = ["GitRepository", "OCIRepository", "HelmRepository", "HelmChart", "Bucket", "Kustomization", "HelmRelease",
                        "Alert", "Provider", "Receiver", "ImageUpdateAutomation", "ImagePolicy", "ImageRepository"]

    static func run(_ context: FluxContext) async throws {
        let allNamespaces = context.flags.bool("all-namespaces")
        let rows = try await context.withSession { session -> [[String]] in
            var rows: [[String]] = []
            for kind in order.compactMap(FluxKinds.named) {
                var total = 0, suspended = 0, failing = 0
                var size: Int64 = 0
                if let items = try? await session.list(kind.resource, namespace: allNamespaces ? nil : context.namespace) {
                    total = items.count
                    for item in items {
                        if item.isSuspendedSpec { suspended += 1 }
                        failing += item.conditions.filter { $0.type == MetaCondition.ready && $0.status == .false }.count
                        size += item.raw[path: ["status", "artifact", "size"]]?.intValue ?? 0
                    }
                }
                rows.append([kind.kind, String(total - suspended), String(failing), String(suspended), formatSize(size)])
            }
            return rows
        }
        context.out(TablePrinter.render(header: ["Reconcilers", "Running", "Failing", "Suspended", "Storage"], rows: rows))
    }

    /// `formatSize`: `-`, `N B`, or one decimal with a binary unit (`1.5 KiB`).
    static func formatSize(_ bytes: Int64) -> String {
        if bytes == 0 { return "-" }
        let unit: Int64 = 1024
        if bytes < unit { return "\(bytes) B" }
        var div = unit, exp = 0
        var n = bytes / unit
        while n >= unit {
            div *= unit
            exp += 1
            n /= unit
        }
        let units = Array("KMGTPE")
        return GoFormat.fixed1(Double(bytes) / Double(div)) + " \(units[exp])iB"
    }
}

/// Go's `%.1f`.
enum GoFormat {
    static func fixed1(_ value: Double) -> String {
        let scaled = (value * 10).rounded(.toNearestOrEven)
        let whole = Int64(scaled) / 10
        let tenth = Int64(scaled) % 10
        return "\(whole).\(tenth)"
    }
}
