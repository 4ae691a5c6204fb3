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
        // kyaml's `elementValues`: key tuples of the patch's elements, then the destination's.
        var valuesList: [[String]] = []
        for item in patch + dest {
            let t = keys.map { k in item.objectValue?[k].flatMap { isNilOrEmpty($0) ? nil : scalarText($0) } ?? "" }
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
        }
        // `setAssociativeSequenceElements`: merge each tuple's elements; merged destination
        // elements are updated in place (kyaml mutates them), deleted ones removed.
        var destList = dest
        var items: [JSONValue] = []
        var validKeys = keys
        for values in valuesList {
            let valid = validate(valuesList, values, keys)
            validKeys = valid.keys
            let (matchKeys, matchValues) = validate([valid.values], valid.values, valid.keys)
            let d = destList.firstIndex { elementMatches($0, matchKeys, matchValues) }
            let p = patch.first { elementMatches($0, matchKeys, matchValues) }
            let mergedValue = try merge(dest: d.map { destList[$0] }, patch: p, schema: schema.elements)
            guard var merged = mergedValue, !merged.isNull, merged.objectValue.map({ !$0.isEmpty }) ?? true else {
                if !valid.keys.isEmpty { destList = setElement(destList, nil, valid.keys, valid.values) }
                continue
            }
            if case .object(var o) = merged {
                for (i, key) in valid.keys.enumerated() where o[key] == nil && !valid.values[i].isEmpty {
                    o[key] = KYAMLScalar.resolve(valid.values[i])
                }
                merged = .object(o)
            }
            if let d { destList[d] = merged }
            items = setElement(items, merged, valid.keys, valid.values)
        }
        guard !valuesList.isEmpty else { return .array(destList) }
        return .array(try appendList(items, destList, validKeys))
    }

    /// kyaml's `validateKeys`: the keys some tuple has a value for (all keys when none has).
    private static func validate(_ valuesList: [[String]], _ values: [String], _ keys: [String]) -> (keys: [String], values: [String]) {
        var used = Set<String>()
        for vs in valuesList { for (i, v) in vs.enumerated() where !v.isEmpty && i < keys.count { used.insert(keys[i]) } }
        if used.isEmpty { return (keys, values) }
        let k = keys.filter { used.contains($0) }
        var v: [String] = []
        for (i, value) in values.enumerated() where !value.isEmpty || (i < keys.count && used.contains(keys[i])) { v.append(value) }
        return (k, v)
    }

    /// kyaml's `MatchElementList`: a mapping element whose fields equal all the values.
    private static func elementMatches(_ item: JSONValue, _ keys: [String], _ values: [String]) -> Bool {
        guard case .object(let o) = item, keys.count == values.count else { return false }
        for (k, v) in zip(keys, values) {
            guard let field = o[k], !field.isNull || v.isEmpty, scalarText(field) == v else { return false }
        }
        return true
    }

    /// kyaml's `ElementSetter`: replaces every element matching the keys by `element` (removes
    /// them when nil), appends it when none matched; null and empty-map elements are dropped. A
    /// key past the end of `values` reuses the previous key's match, as upstream does.
    private static func setElement(_ list: [JSONValue], _ element: JSONValue?, _ keys: [String], _ values: [String]) -> [JSONValue] {
        let keys = keys.isEmpty ? [""] : keys
        let mappingSetter = !keys[0].isEmpty && !values.isEmpty && !values[0].isEmpty
        var out: [JSONValue] = []
        var found = false
        for item in list {
            if item.isNull || item.objectValue?.isEmpty == true { continue }
            if item.objectValue == nil && mappingSetter {
                out.append(item)
                continue
            }
            var matched: Bool? = nil
            var all = true
            for j in keys.indices {
                if j < values.count { matched = fieldMatches(item, keys[j], values[j]) }
                if matched != true { all = false; break }
            }
            if !all {
                if !values.isEmpty { out.append(item) }
                continue
            }
            found = true
            if let element { out.append(element) }
        }
        if let element, !element.isNull, !found { out.append(element) }
        return out
    }

    /// kyaml's `FieldMatcher{Name, StringValue}`: the field is present (and equal when a value is
    /// given); without a name, the scalar element itself is compared.
    private static func fieldMatches(_ item: JSONValue, _ key: String, _ value: String) -> Bool {
        if item.isNull { return false }
        if key.isEmpty { return item.objectValue == nil && item.arrayValue == nil && scalarText(item) == value }
        guard let field = item.objectValue?[key] else { return false }
        return value.isEmpty || scalarText(field) == value
    }

    /// kyaml's `appendListNode` (prepend direction): each destination element is set into the new
    /// list by its keys; with several keys it is first removed, so it moves to the end.
    private static func appendList(_ items: [JSONValue], _ destList: [JSONValue], _ keys: [String]) throws(KustomizeError) -> [JSONValue] {
        var out = items
        for elem in destList {
            if keys.first?.isEmpty ?? true {
                out = setElement(out, elem, [""], [scalarText(elem)])
                continue
            }
            guard case .object(let o) = elem else {
                throw KustomizeError(.patch, "wrong node kind: expected MappingNode but got \(elem.arrayValue == nil ? "ScalarNode" : "SequenceNode")")
            }
            var v: [String] = []
            for key in keys {
                guard let field = o[key] else {
                    out.append(elem)
                    continue
                }
                v.append(scalarText(field))
            }
            if keys.count > 1 { out = setElement(out, nil, keys, v) }
            out = setElement(out, elem, keys, v)
        }
        return out
    }

    private static func isNilOrEmpty(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .object(let o): return o.isEmpty
        case .array(let a): return a.isEmpty
        default: return false
        }
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
