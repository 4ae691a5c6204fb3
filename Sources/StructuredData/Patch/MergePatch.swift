/// JSON Merge Patch (RFC 7386).
///
/// Contract: `apply` merges objects recursively, a `null` member deletes the key, and any non-object
/// patch (including arrays) replaces the target. `create` returns the smallest patch that `apply`
/// turns `original` into `modified` with (keys deleted in `modified` become `null`).
public enum MergePatch {
    /// Applies `patch` to `target` (RFC 7386 `MergePatch(Target, Patch)`).
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let p) = patch else { return patch }
        var result: JSONObject
        if case .object(let t) = target { result = t } else { result = [:] }
        for (key, value) in p {
            if value.isNull {
                result.removeValue(forKey: key)
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }

    /// Applies merge-patch JSON text; throws `.invalidJSON` for malformed text.
    public static func apply(patchText: String, to target: JSONValue) throws(StructuredDataError) -> JSONValue {
        apply(try JSONParser.parse(patchText), to: target)
    }

    /// The merge patch from `original` to `modified`. When both are objects the result is an object
    /// (`{}` when nothing changed); otherwise it is `modified` itself.
    public static func create(from original: JSONValue, to modified: JSONValue) -> JSONValue {
        guard case .object(let o) = original, case .object(let m) = modified else { return modified }
        var patch = JSONObject()
        for (key, _) in o where m[key] == nil { patch[key] = .null }
        for (key, value) in m {
            guard let old = o[key] else {
                patch[key] = value
                continue
            }
            if old == value { continue }
            if case .object = old, case .object = value {
                patch[key] = create(from: old, to: value)
            } else {
                patch[key] = value
            }
        }
        return .object(patch)
    }
}
