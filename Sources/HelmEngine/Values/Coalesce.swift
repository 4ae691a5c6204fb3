import StructuredData

/// Helm's values coalescing (`pkg/chartutil/coalesce.go`): user values win over chart
/// defaults, `null` deletes a default (coalesce mode) or is kept (merge mode), globals flow
/// from parents into subcharts, and each subchart's defaults fill `values[<name>]`.
public enum Coalesce {
    /// `CoalesceValues(chart, userValues)`: the values to render with (nulls removed).
    public static func coalesceValues(_ chart: Chart, _ user: JSONObject) throws(HelmError) -> JSONObject {
        var dest = user
        try coalesce(chart, &dest, prefix: "", merge: false)
        return dest
    }

    /// `MergeValues`: like `coalesceValues` but keeps `null`s.
    public static func mergeValues(_ chart: Chart, _ user: JSONObject) throws(HelmError) -> JSONObject {
        var dest = user
        try coalesce(chart, &dest, prefix: "", merge: true)
        return dest
    }

    /// `CoalesceTables(dst, src)`: `dst` wins; a `nil` in `dst` deletes the key.
    public static func coalesceTables(_ dst: JSONObject, _ src: JSONObject) -> JSONObject {
        var d = dst
        tables(&d, src, merge: false)
        return d
    }

    /// `MergeTables(dst, src)`: `dst` wins; `nil`s are kept.
    public static func mergeTables(_ dst: JSONObject, _ src: JSONObject) -> JSONObject {
        var d = dst
        tables(&d, src, merge: true)
        return d
    }

    static func coalesce(_ chart: Chart, _ dest: inout JSONObject, prefix: String, merge: Bool) throws(HelmError) {
        coalesceChartValues(chart, &dest, merge: merge)
        try coalesceDependencies(chart, &dest, prefix: prefix, merge: merge)
    }

    static func coalesceDependencies(_ chart: Chart, _ dest: inout JSONObject, prefix: String, merge: Bool) throws(HelmError) {
        for sub in chart.dependencies {
            let name = sub.name
            var subValues: JSONObject
            switch dest[name] {
            case nil: subValues = [:]
            case .object(let object)?: subValues = object
            case let other?:
                throw HelmError(.values, "type mismatch on \(name): %!t(\(goValueText(other)))")
            }
            coalesceGlobals(into: &subValues, from: dest, merge: merge)
            try coalesce(sub, &subValues, prefix: prefix + chart.name + ".", merge: merge)
            dest[name] = .object(subValues)
        }
    }

    /// Copies the parent's `global` table into the child's; the parent wins, nested tables merge.
    static func coalesceGlobals(into dest: inout JSONObject, from src: JSONObject, merge: Bool) {
        var dg: JSONObject
        switch dest["global"] {
        case nil: dg = [:]
        case .object(let o)?: dg = o
        default: return
        }
        let sg: JSONObject
        switch src["global"] {
        case nil: sg = [:]
        case .object(let o)?: sg = o
        default: return
        }
        for (key, value) in sg {
            if case .object(let table) = value {
                var copy = table
                if let existing = dg[key] {
                    if case .object(let existingTable) = existing {
                        tables(&copy, existingTable, merge: true)
                        dg[key] = .object(copy)
                    }
                } else {
                    dg[key] = .object(copy)
                }
            } else if case .object? = dg[key] {
                continue
            } else {
                dg[key] = value
            }
        }
        dest["global"] = .object(dg)
    }

    /// Merges the chart's own defaults into `dest` (user side wins).
    static func coalesceChartValues(_ chart: Chart, _ dest: inout JSONObject, merge: Bool) {
        for (key, value) in chart.values {
            if let existing = dest[key] {
                if existing.isNull && !merge {
                    dest.removeValue(forKey: key)
                } else if case .object(var table) = existing {
                    if case .object(let src) = value {
                        let childMerge = chart.dependencies.contains { $0.name == key } ? true : merge
                        tables(&table, src, merge: childMerge)
                        dest[key] = .object(table)
                    }
                }
            } else {
                dest[key] = value
            }
        }
    }

    /// `coalesceTablesFullKey`: `dst` has precedence.
    static func tables(_ dst: inout JSONObject, _ src: JSONObject, merge: Bool) {
        for (key, value) in src {
            guard let existing = dst[key] else {
                dst[key] = value
                continue
            }
            if existing.isNull && !merge {
                dst.removeValue(forKey: key)
            } else if case .object(let srcTable) = value {
                if case .object(var dstTable) = existing {
                    tables(&dstTable, srcTable, merge: merge)
                    dst[key] = .object(dstTable)
                }
            }
        }
    }

    static func goValueText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "string=" + s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "int64=\(i)"
        case .double(let d): return "float64=\(d)"
        case .array: return "[]interface {}=[...]"
        default: return "<nil>"
        }
    }
}
