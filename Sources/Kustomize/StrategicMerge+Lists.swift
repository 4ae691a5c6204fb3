import StructuredData

extension StrategicMerge {
    /// A list whose schema has the merge strategy: elements are matched by their merge keys
    /// (or, with no keys, by value) and merged; patch elements come first in the result.
    static func mergeAssociative(dest: [JSONValue]?, patch: JSONValue, schema: SchemaNode) throws(KustomizeError) -> JSONValue? {
        guard case .array(var patchItems) = patch else { return nil }
        // A `- $patch: <directive>` element applies to the whole list.
        var directive = Directive.merge
        if let i = patchItems.firstIndex(where: { item in
            if case .object(let o) = item, o["$patch"] != nil, o.count <= 1 { return true }
            return false
        }), case .object(let o) = patchItems[i] {
            directive = try StrategicMerge.directive(o)
            patchItems.remove(at: i)
        }
        switch directive {
        case .delete: return nil
        case .replace: return try mergeElements(dest: patchItems, patch: patchItems, schema: schema)
        case .merge: return try mergeElements(dest: dest ?? patchItems, patch: patchItems, schema: schema)
        }
    }

    private static func mergeElements(dest: [JSONValue], patch: [JSONValue], schema: SchemaNode) throws(KustomizeError) -> JSONValue? {
        let keys = schema.mergeKeys
        if keys.isEmpty {
            return .array(mergePrimitives(dest: dest, patch: patch))
        }
        func tuple(_ v: JSONValue) -> [String] { keys.map { scalarText(v[$0]) } }
        var valuesList: [[String]] = []
        for item in patch + dest {
            guard case .object = item else { continue }
            let t = tuple(item)
            if !valuesList.contains(t) { valuesList.append(t) }
        }
        if keys.count > 1 {
            for i in valuesList.indices {
                for j in valuesList.indices {
                    if let m = matchTuples(valuesList[i], valuesList[j]) {
                        valuesList[i] = m
                        valuesList[j] = m
                    }
                }
            }
            var unique: [[String]] = []
            for t in valuesList where !unique.contains(t) { unique.append(t) }
            valuesList = unique
        }
        let valid = keys.indices.filter { k in valuesList.contains { !$0[k].isEmpty } }
        let validKeys = valid.isEmpty ? Array(keys.indices) : valid
        func matches(_ item: JSONValue, _ t: [String]) -> Bool {
            guard case .object = item else { return false }
            let own = tuple(item)
            return validKeys.allSatisfy { own[$0] == t[$0] || (keys.count > 1 && own[$0].isEmpty) }
        }
        var result: [JSONValue] = []
        for t in valuesList {
            let d = dest.first { matches($0, t) }
            let p = patch.first { matches($0, t) }
            guard var merged = try merge(dest: d, patch: p, schema: schema.elements) else { continue }
            if case .object(var o) = merged {
                if o.isEmpty { continue }
                for k in validKeys where o[keys[k]] == nil && !t[k].isEmpty {
                    o[keys[k]] = KYAMLScalar.resolve(t[k])
                }
                merged = .object(o)
            }
            if merged.isNull { continue }
            result.append(merged)
        }
        // Elements that are not maps (or were never matched) stay as they were.
        for item in dest where !(item.objectValue != nil) { result.append(item) }
        return .array(result)
    }

    /// kyaml's `match` of two key tuples: compatible when each position is equal or one side is
    /// empty, with at least one equal position; the result fills the empty positions.
    private static func matchTuples(_ a: [String], _ b: [String]) -> [String]? {
        var common = false
        var out: [String] = []
        for i in a.indices {
            if a[i] == b[i] { common = true; out.append(a[i]); continue }
            if !a[i].isEmpty && !b[i].isEmpty { return nil }
            out.append(a[i].isEmpty ? b[i] : a[i])
        }
        return common ? out : nil
    }

    private static func mergePrimitives(dest: [JSONValue], patch: [JSONValue]) -> [JSONValue] {
        var seen = Set<String>()
        var out: [JSONValue] = []
        for item in patch + dest {
            let text = scalarText(item)
            if seen.insert(text).inserted { out.append(item) }
        }
        return out
    }

    /// The text of a scalar as YAML holds it (`""` for maps, lists and null).
    static func scalarText(_ v: JSONValue?) -> String {
        switch v {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .bool(let b)?: return b ? "true" : "false"
        case .double(let d)?: return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        default: return ""
        }
    }
}
