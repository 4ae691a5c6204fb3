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

    /// What `statusPrinter` shows besides the basics (Helm's `get all` turns on debug and
    /// metadata).
    struct StatusOptions {
        var debug = false
        var showDescription = false
        var showMetadata = false
        var hideNotes = false
        /// `CoalesceValues(chart, config)` for the debug block's COMPUTED VALUES.
        var computedValues: JSONValue? = nil
    }

    /// Helm's `statusPrinter.WriteTable`: `helm status`, `install`, `upgrade`, `get all`.
    static func status(_ release: Release, showNotes: Bool = true) -> String {
        (try? status(release, StatusOptions(hideNotes: !showNotes))) ?? ""
    }

    static func status(_ release: Release, _ options: StatusOptions) throws -> String {
        var out = "NAME: \(release.name)\n"
        if let info = release.info, !info.lastDeployed.isZero { out += "LAST DEPLOYED: \(ansic(info.lastDeployed))\n" }
        out += "NAMESPACE: \(release.namespace)\n"
        out += "STATUS: \(release.status.rawValue)\n"
        out += "REVISION: \(release.version)\n"
        if options.showMetadata {
            out += "CHART: \(release.chart?.name ?? "")\nVERSION: \(release.chart?.version ?? "")\nAPP_VERSION: \(release.chart?.appVersion ?? "")\n"
        }
        if options.showDescription { out += "DESCRIPTION: \(release.info?.description ?? "")\n" }
        // Helm prints "None" only when there are no test hooks; hooks never run print nothing.
        let tests = release.hooks.filter { $0.runs(on: .test) }
        if tests.isEmpty { out += "TEST SUITE: None\n" }
        for h in tests where !h.lastRun.startedAt.isZero {
            out += "TEST SUITE:     \(h.name)\nLast Started:   \(ansic(h.lastRun.startedAt))\n"
            out += "Last Completed: \(ansic(h.lastRun.completedAt))\nPhase:          \(h.lastRun.phase.rawValue)\n"
        }
        if options.debug {
            let config = release.config ?? .null
            out += "USER-SUPPLIED VALUES:\n" + (try YAML.serialize(config.isNull ? .null : config.goSortedKeys())) + "\n"
            out += "COMPUTED VALUES:\n" + (try YAML.serialize((options.computedValues ?? .emptyObject).goSortedKeys())) + "\n"
        }
        if options.debug || (release.info?.description ?? "").lowercased() == "dry run complete" {
            out += "HOOKS:\n"
            for h in release.hooks { out += "---\n# Source: \(h.path)\n\(h.manifest)\n" }
            out += "MANIFEST:\n\(release.manifest)\n"
        }
        if !options.hideNotes, let notes = release.info?.notes, !notes.isEmpty {
            out += "NOTES:\n\(notes.trimmingWhitespaceForCLI())\n"
        }
        return out
    }

    /// A `gosuri/uitable` table as Helm's `output.EncodeTable` writes it: every cell (the last
    /// column too) padded to its column's width, cells joined by a tab, a newline after each
    /// row. With `maxColumnWidth > 0`, longer cells are cut to that width ending in `...`.
    static func table(_ rows: [[String]], maxColumnWidth: Int = 0) -> String {
        guard !rows.isEmpty else { return "\n" }
        func width(_ s: String) -> Int { s.unicodeScalars.count }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                var w = width(cell)
                if maxColumnWidth > 0, w > maxColumnWidth { w = maxColumnWidth }
                widths[i] = max(widths[i], w)
            }
        }
        return rows.map { row in
            row.enumerated().map { i, cell -> String in
                let w = width(cell), target = widths[i]
                if w == target { return cell }
                if w > target {
                    var cut = ""
                    cut.unicodeScalars.append(contentsOf: cell.unicodeScalars.prefix(max(0, target - 3)))
                    return cut + "..."
                }
                return cell + String(repeating: " ", count: target - w)
            }.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }

    static func chartName(_ release: Release) -> String {
        guard let chart = release.chart else { return "MISSING" }
        return "\(chart.name)-\(chart.version)"
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
