import Foundation
import SemVer
import StructuredData

/// Helm's dependency processing (`pkg/chartutil/dependencies.go`): matches `dependencies[]`
/// entries to loaded subcharts (aliases copy the chart), enables or disables them by tags
/// and conditions against the coalesced values, then imports child values into parents.
public enum Dependencies {
    /// `ProcessDependenciesWithMerge` (install/upgrade) or `ProcessDependencies` (`merge: false`).
    public static func process(_ chart: inout Chart, values: JSONObject, merge: Bool = true) throws(HelmError) {
        try processEnabled(&chart, values: values, path: "")
        try processImportValues(&chart, merge: merge)
    }

    /// Masterminds `IsCompatibleRange`: false when either side does not parse. Results are
    /// memoised (constraint parsing is costly and charts repeat the same few checks).
    public static func isCompatibleRange(_ constraint: String, _ version: String) -> Bool {
        let key = constraint + "\u{0}" + version
        if let cached = compatibilityCache.value(for: key) { return cached }
        let result: Bool
        if let c = try? Constraints(constraint), let v = try? Version(version) { result = c.check(v) } else { result = false }
        compatibilityCache.store(result, for: key)
        return result
    }

    static let compatibilityCache = CompatibilityCache()

    static func processEnabled(_ chart: inout Chart, values: JSONObject, path: String) throws(HelmError) {
        if chart.metadata.dependencies.isEmpty && !chart.metadata.hasDependenciesField { return }
        var kept: [Chart] = []
        for existing in chart.dependencies {
            let listed = chart.metadata.dependencies.contains {
                existing.name == $0.name && isCompatibleRange($0.version, existing.metadata.version)
            }
            if !listed { kept.append(existing) }
        }
        for index in chart.metadata.dependencies.indices {
            let request = chart.metadata.dependencies[index]
            if var match = chart.dependencies.first(where: {
                $0.name == request.name && isCompatibleRange(request.version, $0.metadata.version)
            }) {
                if !request.alias.isEmpty { match.metadata.name = request.alias }
                kept.append(match)
            }
            if !request.alias.isEmpty { chart.metadata.dependencies[index].name = request.alias }
        }
        chart.dependencies = kept
        for index in chart.metadata.dependencies.indices { chart.metadata.dependencies[index].enabled = true }

        let cvals = try Coalesce.coalesceValues(chart, values)
        applyTags(&chart.metadata.dependencies, cvals)
        applyConditions(&chart.metadata.dependencies, cvals, path: path)

        let removed = Set(chart.metadata.dependencies.filter { !$0.enabled }.map(\.name))
        var enabled = chart.dependencies.filter { !removed.contains($0.name) }
        chart.metadata.dependencies.removeAll { removed.contains($0.name) }
        for index in enabled.indices {
            try processEnabled(&enabled[index], values: cvals, path: path + enabled[index].name + ".")
        }
        chart.dependencies = enabled
    }

    static func applyTags(_ requests: inout [ChartDependency], _ values: JSONObject) {
        guard let tags = ValuesPath.table(values, "tags") else { return }
        for index in requests.indices {
            var hasTrue = false, hasFalse = false
            for tag in requests[index].tags {
                if case .bool(let b)? = tags[tag] {
                    if b { hasTrue = true } else { hasFalse = true }
                }
            }
            if !hasTrue && hasFalse { requests[index].enabled = false }
            else { requests[index].enabled = true }
        }
    }

    static func applyConditions(_ requests: inout [ChartDependency], _ values: JSONObject, path: String) {
        for index in requests.indices {
            let condition = requests[index].condition.trimmingCharacters(in: .whitespacesAndNewlinesGo)
            for part in condition.split(separator: ",", omittingEmptySubsequences: false) where !part.isEmpty {
                if case .bool(let b)? = ValuesPath.pathValue(values, path + part) {
                    requests[index].enabled = b
                    break
                }
            }
        }
    }

    static func processImportValues(_ chart: inout Chart, merge: Bool) throws(HelmError) {
        for index in chart.dependencies.indices {
            try processImportValues(&chart.dependencies[index], merge: merge)
        }
        try importValues(&chart, merge: merge)
    }

    static func importValues(_ chart: inout Chart, merge: Bool) throws(HelmError) {
        if chart.metadata.dependencies.isEmpty && !chart.metadata.hasDependenciesField { return }
        let cvals = merge ? try Coalesce.mergeValues(chart, [:]) : try Coalesce.coalesceValues(chart, [:])
        var imported = JSONObject()
        for index in chart.metadata.dependencies.indices {
            let request = chart.metadata.dependencies[index]
            var normalised: [JSONValue] = []
            for entry in request.importValues {
                let child: String, parent: String
                switch entry {
                case .object(let map):
                    child = map["child"]?.stringValue ?? ""
                    parent = map["parent"]?.stringValue ?? ""
                case .string(let name):
                    child = "exports." + name
                    parent = "."
                default:
                    continue
                }
                normalised.append(.object(["child": .string(child), "parent": .string(parent)]))
                guard let table = ValuesPath.table(cvals, request.name + "." + child) else { continue }
                let data = entry.isTable ? ValuesPath.pathToMap(parent, table) : table
                imported = merge ? Coalesce.mergeTables(imported, data) : Coalesce.coalesceTables(imported, data)
            }
            chart.metadata.dependencies[index].importValues = normalised
        }
        let base = merge ? cvals : cvals.trimmingNils()
        chart.values = Coalesce.mergeTables(base, imported)
        chart.hasValues = true
    }
}

/// A small thread-safe memo of `isCompatibleRange` results (bounded; cleared when full).
final class CompatibilityCache: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: Bool] = [:]

    func value(for key: String) -> Bool? {
        lock.lock(); defer { lock.unlock() }
        return results[key]
    }

    func store(_ value: Bool, for key: String) {
        lock.lock(); defer { lock.unlock() }
        if results.count >= 4096 { results.removeAll(keepingCapacity: true) }
        results[key] = value
    }
}
