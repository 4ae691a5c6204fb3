extension StrategicMergePatch {
    /// Merges `patch` into `original` (apimachinery `mergeMap`).
    static func mergeMap(
        _ original: JSONObject, _ patchIn: JSONObject, schema: PatchSchema, options: MergeOptions
    ) throws(StructuredDataError) -> JSONObject {
        var patch = patchIn
        if let directive = patch[directiveMarker] {
            return try handleDirectiveInMergeMap(directive, patch)
        }
        var original = original
        try applyRetainKeysDirective(&original, &patch, options: options)
        try mergePatchIntoOriginal(&original, &patch, schema: schema, options: options)

        for (patchKey, patchV) in patch {
            var key = patchKey
            var isDeleteList = false
            if patchKey.hasPrefix(deleteFromPrimitiveListPrefix) {
                if !options.mergeParallelList {
                    original[patchKey] = patchV
                    continue
                }
                key = try extractKey(patchKey, prefix: deleteFromPrimitiveListPrefix)
                isDeleteList = true
            }
            if patchV.isNull {
                original.removeValue(forKey: key)
                if options.ignoreUnmatchedNulls { continue }
            }
            guard let originalV = original[key], sameGoType(originalV, patchV) else {
                if !isDeleteList { take(patchV, as: key, into: &original, options: options) }
                continue
            }
            let meta = schema.meta(key)
            switch (originalV, patchV) {
            case let (.object(o), .object(p)):
                original[key] = meta.strategy == .replace
                    ? .object(p) : .object(try mergeMap(o, p, schema: schema.child(key), options: options))
            case let (.array(o), .array(p)):
                if meta.strategy == .merge {
                    original[key] = .array(try mergeSlice(
                        o, p, schema: schema.child(key), mergeKey: meta.mergeKey, options: options, isDeleteList: isDeleteList))
                } else {
                    original[key] = .array(p)
                }
            default:
                take(patchV, as: key, into: &original, options: options)
            }
        }
        return original
    }

    /// Takes a patch value wholesale (nulls discarded when applying, `$patch` elements removed).
    private static func take(_ value: JSONValue, as key: String, into original: inout JSONObject, options: MergeOptions) {
        let v = options.ignoreUnmatchedNulls ? discardNulls(value) : value
        if let kept = removeDirectives(v) {
            original[key] = kept
        } else {
            original.removeValue(forKey: key)
        }
    }

    /// Whether two values have the same Go type after `json.Unmarshal` into `interface{}`.
    static func sameGoType(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null), (.bool, .bool), (.string, .string), (.array, .array), (.object, .object): return true
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return true
        default: return false
        }
    }

    static func handleDirectiveInMergeMap(_ directive: JSONValue, _ patch: JSONObject) throws(StructuredDataError) -> JSONObject {
        switch directive.stringValue {
        case replaceDirective?:
            var p = patch
            p.removeValue(forKey: directiveMarker)
            return p
        case deleteDirective?:
            return [:]
        default:
            throw error("unknown patch type: \(goString(directive)) in map: \(goString(.object(patch)))")
        }
    }

    static func extractKey(_ key: String, prefix: String) throws(StructuredDataError) -> String {
        let parts = key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == prefix else {
            throw error(prefix == deleteFromPrimitiveListPrefix
                ? "invalid patch format of primitive list" : "invalid patch format of setElementOrder list")
        }
        return String(parts[1])
    }

    /// `$retainKeys`: when applying, keys of `original` missing from the list are cleared, and every
    /// non-null patch key must be listed. When combining patches, the directive is carried over.
    static func applyRetainKeysDirective(
        _ original: inout JSONObject, _ patch: inout JSONObject, options: MergeOptions
    ) throws(StructuredDataError) {
        guard let retain = patch.removeValue(forKey: retainKeysDirective) else { return }
        if !options.mergeParallelList {
            if let existing = original[retainKeysDirective] {
                if existing != retain {
                    throw error("\(goString(existing)) and \(goString(retain)) are not deep equal: this may happen when calculating the 3-way diff patch")
                }
            } else {
                original[retainKeysDirective] = retain
            }
            return
        }
        guard case .array(let list) = retain else { throw error("invalid patch format of retainKeys") }
        let keep = Set(list.compactMap(\.stringValue))
        for (k, v) in patch {
            if v.isNull || k.hasPrefix(deleteFromPrimitiveListPrefix) || k.hasPrefix(setElementOrderPrefix) { continue }
            if !keep.contains(k) { throw error("invalid patch format of retainKeys") }
        }
        for k in Array(original.keys) where !keep.contains(k) {
            original.removeValue(forKey: k)
        }
    }

    /// Recursively drops `null` members (a new value taken from a patch carries no deletions).
    static func discardNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var out = JSONObject()
            for (k, v) in o where !v.isNull { out[k] = discardNulls(v) }
            return .object(out)
        case .array(let a):
            return .array(a.map(discardNulls))
        default:
            return value
        }
    }

    /// Removes maps carrying `$patch` (they are directives, not content); `nil` means drop the value.
    static func removeDirectives(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let o):
            if o[directiveMarker] != nil { return nil }
            var out = JSONObject()
            for (k, v) in o {
                if let kept = removeDirectives(v) { out[k] = kept }
            }
            return .object(out)
        case .array(let a):
            return .array(a.compactMap(removeDirectives))
        default:
            return value
        }
    }
}
