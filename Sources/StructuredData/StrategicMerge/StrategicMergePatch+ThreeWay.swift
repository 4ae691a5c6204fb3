extension StrategicMergePatch {
    /// The three-way patch (`CreateThreeWayMergePatch`): changes from `current` (live) to `modified`
    /// without deletions, plus the deletions from `original` (last applied) to `modified`. Fields only
    /// `current` has (set by others) are left alone. With `overwrite == false`, a patch that touches
    /// fields changed between `original` and `current` is a `.patchConflict` error.
    /// `null` documents count as empty objects.
    public static func createThreeWayPatch(
        original: JSONValue, modified: JSONValue, current: JSONValue, schema: PatchSchema, overwrite: Bool
    ) throws(StructuredDataError) -> JSONValue {
        let o = try objectDocument(original, "original")
        let m = try objectDocument(modified, "modified")
        let c = try objectDocument(current, "current")
        let delta = try diffMaps(c, m, schema: schema, options: DiffOptions(setElementOrder: true, ignoreDeletions: true))
        let deletions = try diffMaps(
            o, m, schema: schema, options: DiffOptions(setElementOrder: true, ignoreChangesAndAdditions: true))
        let patch = try mergeMap(deletions, delta, schema: schema, options: .combinePatches)
        if !overwrite {
            let changed = try diffMaps(o, c, schema: schema, options: DiffOptions())
            if try valuesConflict(.object(patch), .object(changed), schema: schema, strategy: .default, mergeKey: nil) {
                let patchText = (try? YAML.serialize(.object(patch))) ?? patch.description
                let changedText = (try? YAML.serialize(.object(changed))) ?? changed.description
                throw StructuredDataError(
                    .patchConflict, "patch:\n\(patchText)\nconflicts with changes made from original to current:\n\(changedText)\n")
            }
        }
        return .object(patch)
    }

    /// apimachinery `mergingMapFieldsHaveConflicts`: whether two patches change the same field differently.
    static func valuesConflict(
        _ left: JSONValue, _ right: JSONValue, schema: PatchSchema, strategy: PatchFieldMeta.Strategy, mergeKey: String?
    ) throws(StructuredDataError) -> Bool {
        switch left {
        case .object(let l):
            guard case .object(let r) = right else { return true }
            let lm = l[directiveMarker]
            let rm = r[directiveMarker]
            if lm != nil || rm != nil {
                if (lm == nil) != (rm == nil) || lm != rm { return true }
            }
            if strategy == .replace { return false }
            for (key, lv) in l where key != directiveMarker && key != retainKeysDirective {
                guard let rv = r[key] else { continue }
                let meta = schema.meta(key)
                if try valuesConflict(lv, rv, schema: schema.child(key), strategy: meta.strategy, mergeKey: meta.mergeKey) {
                    return true
                }
            }
            return false
        case .array(let l):
            guard case .array(let r) = right else { return true }
            let kind = try sliceElementKind(l, r)
            if strategy == .merge {
                guard kind == .object, let mergeKey else { return false }
                var byKey: [String: JSONObject] = [:]
                for v in r {
                    guard case .object(let o) = v, let k = o[mergeKey] else { continue }
                    byKey[goString(k)] = o
                }
                for v in l {
                    guard case .object(let o) = v, let k = o[mergeKey], let other = byKey[goString(k)] else { continue }
                    if try valuesConflict(.object(o), .object(other), schema: schema, strategy: .default, mergeKey: nil) {
                        return true
                    }
                }
                return false
            }
            if l.count != r.count { return true }
            let (ls, rs) = kind == .scalar ? (sortScalars(deduplicate(l)), sortScalars(deduplicate(r))) : (l, r)
            for (a, b) in zip(ls, rs) {
                if try valuesConflict(a, b, schema: schema, strategy: .default, mergeKey: nil) { return true }
            }
            return false
        default:
            return !left.isEqualAsJSON(to: right)
        }
    }
}
