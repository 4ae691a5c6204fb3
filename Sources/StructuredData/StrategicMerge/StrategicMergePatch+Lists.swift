extension StrategicMergePatch {
    /// The element kind of one or more lists: objects, or scalars. Lists of lists and mixed
    /// element types are errors, as upstream.
    enum ElementKind { case object, scalar }

    static func sliceElementKind(_ lists: [JSONValue]...) throws(StructuredDataError) -> ElementKind? {
        var previous: JSONValue?
        for list in lists {
            for v in list {
                if case .array = v { throw error("lists of lists are not supported") }
                if let p = previous, !sameGoType(p, v) {
                    throw error("list element types are not identical: \(lists.map { goString(.array($0)) }.joined(separator: " "))")
                }
                previous = v
            }
        }
        guard let previous else { return nil }
        if case .object = previous { return .object }
        return .scalar
    }

    /// Merges two lists of a `merge`-strategy field (apimachinery `mergeSlice`).
    static func mergeSlice(
        _ original: [JSONValue], _ patch: [JSONValue], schema: PatchSchema, mergeKey: String?,
        options: MergeOptions, isDeleteList: Bool
    ) throws(StructuredDataError) -> [JSONValue] {
        if original.isEmpty && patch.isEmpty { return original }
        guard let kind = try sliceElementKind(original, patch) else {
            throw error("no elements in any of the given slices")
        }
        var base = original
        var patchList = patch
        let merged: [JSONValue]
        switch kind {
        case .scalar:
            if options.mergeParallelList && isDeleteList {
                return original.filter { v in !patch.contains { $0.isEqualAsJSON(to: v) } }
            }
            merged = deduplicate(original + patch)
        case .object:
            guard let mergeKey, !mergeKey.isEmpty else {
                throw error("cannot merge lists without merge key for \(schema.name)")
            }
            (base, patchList) = try mergeSliceWithSpecialElements(original, patch, mergeKey: mergeKey)
            merged = try mergeSliceWithoutSpecialElements(base, patchList, mergeKey: mergeKey, schema: schema, options: options)
        }
        let key = kind == .object ? mergeKey : nil
        let (patchItems, serverOnly) = try partition(merged, by: patchList, mergeKey: key)
        return try normalizeElementOrder(patchItems, serverOnly, patchOrder: patchList, serverOrder: base, mergeKey: key)
    }

    /// Handles `$patch: delete` and `$patch: replace` elements; returns the updated original and the
    /// patch without directive elements (for `replace`, the replacement list and an empty patch).
    static func mergeSliceWithSpecialElements(
        _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String
    ) throws(StructuredDataError) -> ([JSONValue], [JSONValue]) {
        var original = original
        var plain: [JSONValue] = []
        var replace = false
        for item in patch {
            guard case .object(let m) = item else { throw error("expected a map, but received a \(item.typeName)") }
            guard let directive = m[directiveMarker] else {
                plain.append(item)
                continue
            }
            switch directive.stringValue {
            case deleteDirective?:
                guard let value = m[mergeKey] else { throw noMergeKey(m, mergeKey) }
                var kept: [JSONValue] = []
                for (i, v) in original.enumerated() {
                    guard case .object(let o) = v else { throw error("value for key \(i) is not a map") }
                    if !(o[mergeKey].map { $0.isEqualAsJSON(to: value) } ?? false) { kept.append(v) }
                }
                original = kept
            case replaceDirective?:
                replace = true
            case mergeDirective?:
                throw error("merging lists cannot yet be specified in the patch")
            default:
                throw error("unknown patch type: \(goString(directive)) in map: \(goString(item))")
            }
        }
        return replace ? (plain, []) : (original, plain)
    }

    static func noMergeKey(_ m: JSONObject, _ key: String) -> StructuredDataError {
        error("map: \(goString(.object(m))) does not contain declared merge key: \(key)")
    }

    /// Merges each patch element into the original element with the same merge key, or appends it.
    static func mergeSliceWithoutSpecialElements(
        _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String, schema: PatchSchema, options: MergeOptions
    ) throws(StructuredDataError) -> [JSONValue] {
        var result = original
        for item in patch {
            guard case .object(let m) = item, let value = m[mergeKey] else {
                throw noMergeKey(item.objectValue ?? [:], mergeKey)
            }
            if let index = try indexOfMap(in: result, key: mergeKey, value: value), case .object(let o) = result[index] {
                result[index] = .object(try mergeMap(o, m, schema: schema, options: options))
            } else {
                result.append(item)
            }
        }
        return result
    }

    static func indexOfMap(in list: [JSONValue], key: String, value: JSONValue) throws(StructuredDataError) -> Int? {
        for (i, v) in list.enumerated() {
            guard case .object(let o) = v else { throw error("value for key \(i) is not a map") }
            if let candidate = o[key], candidate.isEqualAsJSON(to: value) { return i }
        }
        return nil
    }

    static func deduplicate(_ list: [JSONValue]) -> [JSONValue] {
        var out: [JSONValue] = []
        for v in list where !out.contains(where: { $0.isEqualAsJSON(to: v) }) { out.append(v) }
        return out
    }

    /// Splits `items` into those present in `list` (by merge key, or by value for scalars) and the rest.
    static func partition(
        _ items: [JSONValue], by list: [JSONValue], mergeKey: String?
    ) throws(StructuredDataError) -> ([JSONValue], [JSONValue]) {
        var inList: [JSONValue] = []
        var rest: [JSONValue] = []
        for v in items {
            let found: Bool
            if let mergeKey {
                guard case .object(let o) = v else { throw error("expected a map, but received a \(v.typeName)") }
                guard let value = o[mergeKey] else { throw noMergeKey(o, mergeKey) }
                found = try indexOfMap(in: list, key: mergeKey, value: value) != nil
            } else {
                found = list.contains { $0.isEqualAsJSON(to: v) }
            }
            if found { inList.append(v) } else { rest.append(v) }
        }
        return (inList, rest)
    }

    /// Position of `item` in `list`, comparing merge-key values for objects and values otherwise.
    static func position(of item: JSONValue, in list: [JSONValue], mergeKey: String?) -> Int? {
        func probe(_ v: JSONValue) -> JSONValue? {
            guard let mergeKey else { return v }
            return v.objectValue?[mergeKey]
        }
        let needle = probe(item)
        return list.firstIndex { candidate in
            switch (probe(candidate), needle) {
            case (nil, nil): return true
            case let (a?, b?): return a.isEqualAsJSON(to: b)
            default: return false
            }
        }
    }

    /// Sorts patch items by `patchOrder` and server-only items by `serverOrder`, then interleaves
    /// them so that both relative orders are kept and server-only items stay near their live position.
    static func normalizeElementOrder(
        _ patchItems: [JSONValue], _ serverOnly: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue],
        mergeKey: String?
    ) throws(StructuredDataError) -> [JSONValue] {
        if let mergeKey {
            for v in patchItems + serverOnly + patchOrder {
                guard case .object(let o) = v else { throw error("expected a map, but received a \(v.typeName)") }
                if o[mergeKey] == nil { throw noMergeKey(o, mergeKey) }
            }
        }
        let right = sortByOrder(patchItems, patchOrder, mergeKey: mergeKey)
        let left = sortByOrder(serverOnly, serverOrder, mergeKey: mergeKey)
        var result: [JSONValue] = []
        result.reserveCapacity(left.count + right.count)
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if i >= left.count {
                result.append(right[j]); j += 1
            } else if j >= right.count {
                result.append(left[i]); i += 1
            } else if let li = position(of: left[i], in: serverOrder, mergeKey: mergeKey),
                let ri = position(of: right[j], in: serverOrder, mergeKey: mergeKey), li < ri {
                result.append(left[i]); i += 1
            } else {
                result.append(right[j]); j += 1
            }
        }
        return result
    }

    /// Stable sort by position in `order`; items absent from `order` keep their relative order at the
    /// end, and `$patch: delete` elements of object lists go last (upstream `normalizeSliceOrder`).
    static func sortByOrder(_ items: [JSONValue], _ order: [JSONValue], mergeKey: String?) -> [JSONValue] {
        var toSort = items
        var deletions: [JSONValue] = []
        if mergeKey != nil {
            toSort = items.filter { $0.objectValue?[directiveMarker]?.stringValue != deleteDirective }
            deletions = items.filter { $0.objectValue?[directiveMarker]?.stringValue == deleteDirective }
        }
        let keyed = toSort.enumerated().map { (offset, item) in
            (position(of: item, in: order, mergeKey: mergeKey) ?? Int.max, offset, item)
        }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 } + deletions
    }
}
