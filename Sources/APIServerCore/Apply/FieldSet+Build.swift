import StructuredData

/// What changed between two versions of an object (structured-merge-diff `typed.Comparison`).
struct FieldComparison: Sendable {
    var added = FieldSet()
    var modified = FieldSet()
    var removed = FieldSet()

    /// Added or modified: what a writer changed.
    var changed: FieldSet { added.union(modified) }
}

extension FieldSet {
    /// The apply set of a configuration (`typed.ToFieldSet`): every scalar leaf, atomic value,
    /// empty map and null; each associative-list item (plus its children) and set member.
    /// Structs and granular maps are not members themselves.
    static func applySet(of value: JSONValue, schema: ApplySchema) -> FieldSet {
        var set = FieldSet()
        collect(value, schema: schema, path: [], into: &set)
        return set
    }

    private static func collect(_ value: JSONValue, schema: ApplySchema, path: [String], into set: inout FieldSet) {
        switch value {
        case .object(let object) where !schema.atomic:
            if object.isEmpty {
                if !path.isEmpty { set.insert(path) }
                return
            }
            for (key, child) in object {
                collect(child, schema: schema.field(key), path: path + [field(key)], into: &set)
            }
        case .array(let items) where schema.list != .atomic:
            let elements = items.map { schema.itemElement($0) }
            guard !elements.contains(nil) else {
                set.insert(path)
                return
            }
            for (item, element) in zip(items, elements) {
                guard let element else { continue }
                set.insert(path + [element])
                if case .map = schema.list, case .object(let fields) = item {
                    let itemSchema = schema.element
                    for (key, child) in fields {
                        collect(child, schema: itemSchema.field(key), path: path + [element, field(key)], into: &set)
                    }
                }
            }
        default:
            if !path.isEmpty { set.insert(path) }
        }
    }

    /// Compares two versions (either may be absent) and records added, modified and removed paths.
    /// Newly added granular maps and list items are members themselves (the Update-set shape:
    /// `"f:labels":{".":{},"f:app":{}}`); structs are not.
    static func compare(_ old: JSONValue?, _ new: JSONValue?, schema: ApplySchema) -> FieldComparison {
        var result = FieldComparison()
        compare(old, new, schema: schema, path: [], into: &result)
        return result
    }

    private static func compare(_ old: JSONValue?, _ new: JSONValue?, schema: ApplySchema, path: [String],
                                into result: inout FieldComparison) {
        if old == nil && new == nil { return }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?) where !schema.atomic && !(a.isEmpty && b.isEmpty):
            compareObjects(a, b, schema: schema, path: path, into: &result)
            return
        case (nil, .object(let b)?) where !schema.atomic && !b.isEmpty:
            if schema.isMap && !path.isEmpty { result.added.insert(path) }
            compareObjects([:], b, schema: schema, path: path, into: &result)
            return
        case (.object(let a)?, nil) where !schema.atomic && !a.isEmpty:
            if !path.isEmpty { result.removed.insert(path) }
            compareObjects(a, [:], schema: schema, path: path, into: &result)
            return
        case (.array(let a)?, .array(let b)?) where schema.list != .atomic:
            if compareLists(a, b, schema: schema, path: path, into: &result) { return }
        case (nil, .array(let b)?) where schema.list != .atomic:
            if compareLists([], b, schema: schema, path: path, into: &result) { return }
        case (.array(let a)?, nil) where schema.list != .atomic:
            if compareLists(a, [], schema: schema, path: path, into: &result) { return }
        default:
            break
        }
        guard !path.isEmpty else { return }
        if old == nil {
            result.added.insert(path)
        } else if new == nil {
            result.removed.insert(path)
        } else if old != new {
            result.modified.insert(path)
        }
    }

    private static func compareObjects(_ a: JSONObject, _ b: JSONObject, schema: ApplySchema, path: [String],
                                       into result: inout FieldComparison) {
        var keys = Array(a.keys)
        for key in b.keys where a[key] == nil { keys.append(key) }
        for key in keys {
            compare(a[key], b[key], schema: schema.field(key), path: path + [field(key)], into: &result)
        }
    }

    /// Compares keyed or set lists item by item; false when items cannot be identified (then the
    /// list is compared as one atomic value).
    private static func compareLists(_ a: [JSONValue], _ b: [JSONValue], schema: ApplySchema, path: [String],
                                     into result: inout FieldComparison) -> Bool {
        let oldElements = a.map { schema.itemElement($0) }
        let newElements = b.map { schema.itemElement($0) }
        guard !oldElements.contains(nil), !newElements.contains(nil) else { return false }
        var oldItems: [String: JSONValue] = [:]
        for (element, item) in zip(oldElements, a) { if let element { oldItems[element] = item } }
        var newItems: [String: JSONValue] = [:]
        for (element, item) in zip(newElements, b) { if let element { newItems[element] = item } }
        let itemSchema = schema.element
        var order = oldElements.compactMap { $0 }
        for element in newElements.compactMap({ $0 }) where oldItems[element] == nil { order.append(element) }
        var seen = Set<String>()
        for element in order where seen.insert(element).inserted {
            let itemPath = path + [element]
            switch (oldItems[element], newItems[element]) {
            case (nil, let item?):
                result.added.insert(itemPath)
                if case .map = schema.list, case .object(let fields) = item {
                    compareObjects([:], fields, schema: itemSchema, path: itemPath, into: &result)
                }
            case (let item?, nil):
                result.removed.insert(itemPath)
                if case .map = schema.list, case .object(let fields) = item {
                    compareObjects(fields, [:], schema: itemSchema, path: itemPath, into: &result)
                }
            case (let x?, let y?):
                if case .map = schema.list, case .object(let f1) = x, case .object(let f2) = y {
                    compareObjects(f1, f2, schema: itemSchema, path: itemPath, into: &result)
                }
            default:
                break
            }
        }
        return true
    }
}
