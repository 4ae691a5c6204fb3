import GoCompat
import HelmActions
import StructuredData

/// Helm's CLI output for releases: the status block, tables and JSON/YAML forms.
enum HelmReleasePrinter {
    /// Go's `time.ANSIC` layout (`Mon Jan _2 15:04:05 2006`), in the time's own offset.
    static func ansic(_ time: HelmTime) -> String {
        guard let instant = time.instant else { return "" }
        let local = GoTime(unixSeconds: instant.unixSeconds + Int64(time.utcOffsetSeconds), nanosecond: instant.nanosecond)
        let c = local.components
        let days = Int(local.unixSeconds.floorDiv(86_400))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(0, min(11, c.month - 1))]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = c.day < 10 ? " \(c.day)" : "\(c.day)"
        return "\(weekday) \(month) \(day) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(c.year)"
    }

    /// `helm status` / `helm install` text output.
    static func status(_ release: Release, showNotes: Bool = true) -> String {
        var out = "NAME: \(release.name)\n"
        if let info = release.info, !info.lastDeployed.isZero { out += "LAST DEPLOYED: \(ansic(info.lastDeployed))\n" }
        out += "NAMESPACE: \(release.namespace)\n"
        out += "STATUS: \(release.status.rawValue)\n"
        out += "REVISION: \(release.version)\n"
        // Helm prints "None" only when there are no test hooks; hooks never run print nothing.
        let tests = release.hooks.filter { $0.runs(on: .test) }
        if tests.isEmpty { out += "TEST SUITE: None\n" }
        for h in tests where !h.lastRun.startedAt.isZero {
            out += "TEST SUITE:     \(h.name)\nLast Started:   \(ansic(h.lastRun.startedAt))\n"
            out += "Last Completed: \(ansic(h.lastRun.completedAt))\nPhase:          \(h.lastRun.phase.rawValue)\n"
        }
        if showNotes, let notes = release.info?.notes, !notes.isEmpty {
            out += "NOTES:\n\(notes.trimmingWhitespaceForCLI())\n"
        }
        return out
    }

    /// A uitable-style table: cells padded to their column's width, joined by a tab.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], min(60, cell.count)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let c = cell.count > 60 ? String(cell.prefix(57)) + "..." : cell
                return i == row.count - 1 ? c : c + String(repeating: " ", count: max(0, widths[i] - c.count))
            }.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }

    static func chartName(_ release: Release) -> String {
        guard let chart = release.chart else { return "MISSING" }
        return "\(chart.name)-\(chart.version)"
    }

    /// `helm history` rows as JSON objects (`-o json|yaml`).
    static func historyJSON(_ releases: [Release]) -> JSONValue {
        .array(releases.map { r in
            .object(["revision": .int(Int64(r.version)), "updated": .string(r.info?.lastDeployed.description ?? ""),
                     "status": .string(r.status.rawValue), "chart": .string(chartName(r)),
                     "app_version": .string(r.chart?.appVersion ?? ""), "description": .string(r.info?.description ?? "")])
        })
    }

    /// `helm list` rows as JSON objects.
    static func listJSON(_ releases: [Release]) -> JSONValue {
        .array(releases.map { r in
            .object(["name": .string(r.name), "namespace": .string(r.namespace), "revision": .string(String(r.version)),
                     "updated": .string(r.info?.lastDeployed.description ?? ""), "status": .string(r.status.rawValue),
                     "chart": .string(chartName(r)), "app_version": .string(r.chart?.appVersion ?? "")])
        })
    }

    /// Renders `value` as `json` (compact + newline, as Helm prints) or `yaml`.
    static func encode(_ value: JSONValue, format: String) throws -> String {
        if format == "yaml" { return try YAML.serialize(value) }
        return value.serialized(.compact) + "\n"
    }
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

extension String {
    func trimmingWhitespaceForCLI() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
