extension StrategicMergePatch {
    /// Processes every `$setElementOrder/<list>` directive of `patch` together with its list: the list
    /// is merged, then ordered with precedence `$setElementOrder` > patch order > live order. Merged
    /// lists and the directives are removed from `patch`. When combining patches (three-way create)
    /// the directive is also copied into `original`.
    static func mergePatchIntoOriginal(
        _ original: inout JSONObject, _ patch: inout JSONObject, schema: PatchSchema, options: MergeOptions
    ) throws(StructuredDataError) {
        let directiveKeys = patch.keys.filter { $0.hasPrefix(setElementOrderPrefix) }
        for directiveKey in directiveKeys {
            guard let orderValue = patch.removeValue(forKey: directiveKey) else { continue }
            if !options.mergeParallelList {
                if let existing = original[directiveKey] {
                    if existing != orderValue { throw error("invalid patch format of setElementOrder list") }
                } else {
                    original[directiveKey] = orderValue
                }
            }
            guard case .array(let order) = orderValue else {
                throw error("expected a []interface {}, but received a \(orderValue.typeName)")
            }
            let field = try extractKey(directiveKey, prefix: setElementOrderPrefix)
            var originalList: [JSONValue]?
            var patchList: [JSONValue]?
            if let v = original[field] {
                guard case .array(let a) = v else { throw error("expected a []interface {}, but received a \(v.typeName)") }
                originalList = a
            }
            if let v = patch[field] {
                guard case .array(let a) = v else { throw error("expected a []interface {}, but received a \(v.typeName)") }
                patchList = a
            }
            let meta = schema.meta(field)
            let mergeKey = meta.mergeKey
            try validatePatchWithSetOrderList(patchList ?? [], order, mergeKey: mergeKey)

            let merged: [JSONValue]
            switch (originalList, patchList) {
            case let (o?, nil):
                merged = o
            case let (nil, p?):
                merged = removeDirectives(.array(p))?.arrayValue ?? []
            case let (o?, p?):
                merged = meta.strategy == .merge
                    ? try mergeSlice(o, p, schema: schema.child(field), mergeKey: mergeKey, options: options, isDeleteList: false)
                    : p
            case (nil, nil):
                continue
            }
            guard let kind = try sliceElementKind(originalList ?? [], patchList ?? []) else {
                original[field] = .array(merged)
                patch.removeValue(forKey: field)
                continue
            }
            let key = kind == .object ? mergeKey : nil
            if kind == .object && (key ?? "").isEmpty {
                throw error("cannot merge lists without merge key for \(schema.child(field).name)")
            }
            var serverOrder = originalList ?? []
            if let o = originalList, let p = patchList, let key, meta.strategy == .merge {
                serverOrder = goAliasedView(of: o, afterMerging: p, mergeKey: key)
            }
            let (patchItems, serverOnly) = try partition(merged, by: order, mergeKey: key)
            original[field] = .array(try normalizeElementOrder(
                patchItems, serverOnly, patchOrder: order, serverOrder: serverOrder, mergeKey: key))
            patch.removeValue(forKey: field)
        }
    }

    /// Checks that the non-directive items of the patch list appear in the `$setElementOrder` list in
    /// the same relative order.
    static func validatePatchWithSetOrderList(
        _ patchList: [JSONValue], _ order: [JSONValue], mergeKey: String?
    ) throws(StructuredDataError) {
        if patchList.isEmpty || order.isEmpty { return }
        let items = patchList.filter { $0.objectValue?[directiveMarker] == nil }
        var p = 0
        var s = 0
        while p < items.count && s < order.count {
            let equal: Bool
            if let mergeKey, !mergeKey.isEmpty {
                guard case .object(let a) = items[p], case .object(let b) = order[s] else {
                    throw error("expected a map, but received a \(items[p].typeName)")
                }
                guard let av = a[mergeKey] else { throw noMergeKey(a, mergeKey) }
                guard let bv = b[mergeKey] else { throw noMergeKey(b, mergeKey) }
                equal = av.isEqualAsJSON(to: bv)
            } else {
                equal = items[p].isEqualAsJSON(to: order[s])
            }
            if equal { p += 1 }
            s += 1
        }
        if p < items.count && s >= order.count {
            throw error("The order in patch list:\n\(goString(.array(patchList)))\n doesn't match \(setElementOrderPrefix) list:\n\(goString(.array(order)))\n")
        }
    }

    /// The live list as upstream sees it after merging: Go deletes `$patch: delete` entries in place
    /// and appends new entries to the shortened slice, which share the live list's backing array, so
    /// the live list (used to place server-only items) ends up shifted and overwritten. Reproducing
    /// that keeps element order identical to the API server's.
    static func goAliasedView(of original: [JSONValue], afterMerging patch: [JSONValue], mergeKey: String) -> [JSONValue] {
        var backing = original
        var count = original.count
        func index(of value: JSONValue) -> Int? {
            (0..<min(count, backing.count)).first { backing[$0].objectValue?[mergeKey].map { $0.isEqualAsJSON(to: value) } ?? false }
        }
        var replace = false
        var plain: [JSONValue] = []
        for item in patch {
            guard let m = item.objectValue else { return original }
            switch m[directiveMarker]?.stringValue {
            case deleteDirective?:
                guard let value = m[mergeKey] else { return original }
                while let k = index(of: value) {
                    for i in k..<(count - 1) { backing[i] = backing[i + 1] }
                    count -= 1
                }
            case replaceDirective?:
                replace = true
            case nil:
                plain.append(item)
            default:
                return original
            }
        }
        if replace { return backing }
        for item in plain {
            guard let value = item.objectValue?[mergeKey] else { return backing }
            if index(of: value) != nil { continue }
            if count < backing.count { backing[count] = item }
            count += 1
        }
        return backing
    }
}
