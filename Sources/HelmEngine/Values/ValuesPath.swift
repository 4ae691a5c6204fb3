import StructuredData

/// Helm's `chartutil.Values` path helpers (`Table`, `PathValue`, `pathToMap`).
enum ValuesPath {
    /// `Values.Table("a.b")`: the table at a dotted path; nil when any step is not a table.
    static func table(_ values: JSONObject, _ name: String) -> JSONObject? {
        var current = values
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let next)? = current[String(part)] else { return nil }
            current = next
        }
        return current
    }

    /// `Values.PathValue`: a non-table value at a dotted path, else nil.
    static func pathValue(_ values: JSONObject, _ path: String) -> JSONValue? {
        if path.isEmpty { return nil }
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            if let v = values[parts[0]], !v.isTable { return v }
            return nil
        }
        guard let last = parts.last,
              let t = table(values, parts.dropLast().joined(separator: ".")) else { return nil }
        if let v = t[last], !v.isTable { return v }
        return nil
    }

    /// `pathToMap`: nests `data` under the dotted `path` (`.` means the root).
    static func pathToMap(_ path: String, _ data: JSONObject) -> JSONObject {
        if path == "." { return data }
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var result = data
        for part in parts.reversed() {
            result = [part: .object(result)]
        }
        return result
    }
}

extension JSONValue {
    var isTable: Bool { if case .object = self { return true }; return false }
}

extension JSONObject {
    /// Recursively removes `null` entries from nested tables (Helm's `trimNilValues`).
    func trimmingNils() -> JSONObject {
        var result = JSONObject()
        for (k, v) in self {
            switch v {
            case .null: continue
            case .object(let o): result[k] = .object(o.trimmingNils())
            default: result[k] = v
            }
        }
        return result
    }
}
