extension StrategicMergePatch {
    /// apimachinery `DiffOptions`.
    struct DiffOptions {
        var setElementOrder = false
        var ignoreChangesAndAdditions = false
        var ignoreDeletions = false
        var buildRetainKeysDirective = false
    }

    /// The two-way patch from `original` to `modified` (`CreateTwoWayMergePatch`): changed and added
    /// fields, `null` for removed fields, `$patch: delete` elements and `$deleteFromPrimitiveList` for
    /// removed list items, `$setElementOrder` when a merging list's content or order changed, and
    /// `$retainKeys` for retainKeys structs. Applying it to `original` yields `modified`.
    public static func createTwoWayPatch(
        original: JSONValue, modified: JSONValue, schema: PatchSchema
    ) throws(StructuredDataError) -> JSONValue {
        let o = try objectDocument(original, "original")
        let m = try objectDocument(modified, "modified")
        return .object(try diffMaps(o, m, schema: schema, options: DiffOptions(setElementOrder: true)))
    }

    static func objectDocument(_ value: JSONValue, _ role: String) throws(StructuredDataError) -> JSONObject {
        switch value {
        case .object(let o): return o
        case .null: return [:]
        default: throw error("invalid JSON document: \(role) must be an object, got \(value.typeName)")
        }
    }

    static func diffMaps(
        _ original: JSONObject, _ modified: JSONObject, schema: PatchSchema, options: DiffOptions
    ) throws(StructuredDataError) -> JSONObject {
        var patch = JSONObject()
        var retainKeys: [JSONValue] = []
        for (key, modifiedValue) in modified {
            if options.buildRetainKeysDirective && !modifiedValue.isNull { retainKeys.append(.string(key)) }
            guard let originalValue = original[key] else {
                if !options.ignoreChangesAndAdditions { patch[key] = modifiedValue }
                continue
            }
            if key == directiveMarker {
                if originalValue != modifiedValue { patch[key] = modifiedValue }
                continue
            }
            guard sameGoType(originalValue, modifiedValue) else {
                if !options.ignoreChangesAndAdditions { patch[key] = modifiedValue }
                continue
            }
            let meta = schema.meta(key)
            switch (originalValue, modifiedValue) {
            case let (.object(o), .object(m)):
                if meta.strategy == .replace {
                    if !options.ignoreChangesAndAdditions { patch[key] = modifiedValue }
                } else {
                    var sub = options
                    sub.buildRetainKeysDirective = meta.retainKeys
                    let value = try diffMaps(o, m, schema: schema.child(key), options: sub)
                    if !value.isEmpty { patch[key] = .object(value) }
                }
            case let (.array(o), .array(m)):
                if meta.strategy == .merge {
                    var sub = options
                    sub.buildRetainKeysDirective = meta.retainKeys
                    let (add, deletions, order) = try diffLists(
                        o, m, schema: schema.child(key), mergeKey: meta.mergeKey, options: sub)
                    if !add.isEmpty { patch[key] = .array(add) }
                    if !deletions.isEmpty { patch["\(deleteFromPrimitiveListPrefix)/\(key)"] = .array(deletions) }
                    if !order.isEmpty { patch["\(setElementOrderPrefix)/\(key)"] = .array(order) }
                } else if !options.ignoreChangesAndAdditions && !originalValue.isEqualAsJSON(to: modifiedValue) {
                    patch[key] = modifiedValue
                }
            default:
                if !options.ignoreChangesAndAdditions && !originalValue.isEqualAsJSON(to: modifiedValue) {
                    patch[key] = modifiedValue
                }
            }
        }
        if !options.ignoreDeletions {
            for key in original.keys where modified[key] == nil { patch[key] = .null }
        }
        let hasAdditionalField = original.contains { key, value in !value.isNull && modified[key] == nil }
        if !retainKeys.isEmpty && (!patch.isEmpty || hasAdditionalField) {
            patch[retainKeysDirective] = .array(sortScalars(retainKeys))
        }
        return patch
    }

    /// Diff of a merging list: (patch list, deletion list for primitives, `$setElementOrder` list).
    static func diffLists(
        _ original: [JSONValue], _ modified: [JSONValue], schema: PatchSchema, mergeKey: String?, options: DiffOptions
    ) throws(StructuredDataError) -> ([JSONValue], [JSONValue], [JSONValue]) {
        if original.isEmpty {
            if modified.isEmpty || options.ignoreChangesAndAdditions { return ([], [], []) }
            return (modified, [], [])
        }
        guard let kind = try sliceElementKind(original, modified) else { return ([], [], []) }
        switch kind {
        case .object:
            let key = mergeKey ?? ""
            var (patchList, deletions) = try diffListsOfMaps(original, modified, schema: schema, mergeKey: key, options: options)
            patchList = sortByOrder(patchList, modified, mergeKey: key)
            let orderSame = try isOrderSame(original, modified, mergeKey: key)
            patchList += deletions
            var order: [JSONValue] = []
            if options.setElementOrder
                && ((!options.ignoreChangesAndAdditions && (!patchList.isEmpty || !orderSame))
                    || (!options.ignoreDeletions && !patchList.isEmpty))
            {
                order = modified.map { .object([key: $0.objectValue?[key] ?? .null]) }
            }
            return (patchList, [], order)
        case .scalar:
            var (patchList, deletions) = diffListsOfScalars(original, modified, options: options)
            patchList = sortByOrder(patchList, modified, mergeKey: nil)
            var order: [JSONValue] = []
            if options.setElementOrder
                && ((!options.ignoreDeletions && !deletions.isEmpty)
                    || (!options.ignoreChangesAndAdditions && original != modified))
            {
                order = modified
            }
            return (patchList, deletions, order)
        }
    }

    static func isOrderSame(_ a: [JSONValue], _ b: [JSONValue], mergeKey: String) throws(StructuredDataError) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard case .object(let l) = x, case .object(let r) = y else { throw error("expected a map, but received a \(x.typeName)") }
            guard let lv = l[mergeKey] else { throw noMergeKey(l, mergeKey) }
            guard let rv = r[mergeKey] else { throw noMergeKey(r, mergeKey) }
            if !lv.isEqualAsJSON(to: rv) { return false }
        }
        return true
    }

    /// Sorts scalars by their `%v` text, as upstream does before walking two lists.
    static func sortScalars(_ list: [JSONValue]) -> [JSONValue] {
        list.enumerated().sorted { a, b in
            let (x, y) = (goString(a.element), goString(b.element))
            return x == y ? a.offset < b.offset : x < y
        }.map(\.element)
    }
}
