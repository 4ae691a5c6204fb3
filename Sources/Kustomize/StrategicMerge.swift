import StructuredData

/// kyaml's strategic merge (`merge2.Merge` with `ListIncreaseDirection: prepend`), as
/// kustomize's patchesStrategicMerge and `patches` apply it.
///
/// Semantics (not apimachinery's): maps merge key by key; `null` in the patch deletes; `$patch:
/// delete|replace|merge` on maps and `- $patch: replace` in lists; lists merge by key only where the
/// schema gives a merge strategy (elsewhere the patch list replaces), with the patch's elements
/// first, then the remaining original ones; primitive merge lists are unions, patch values first.
enum StrategicMerge {
    /// The merge of `patch` into `dest`; nil when the result is cleared (`$patch: delete`).
    static func merge(dest: JSONValue?, patch: JSONValue?, schema: SchemaNode?) throws(KustomizeError) -> JSONValue? {
        guard let patch else { return dest }
        let destPresent = dest.map { !$0.isNull } ?? false
        let kindSource = destPresent ? dest : patch
        switch kindSource {
        case .object?:
            try requireKind(dest, patch, "MappingNode") { if case .object = $0 { return true } else { return false } }
            return try mergeMap(dest: destPresent ? dest?.objectValue : nil, patch: patch, schema: schema)
        case .array?:
            try requireKind(dest, patch, "SequenceNode") { if case .array = $0 { return true } else { return false } }
            if let schema, schema.isMergeList {
                return try mergeAssociative(dest: destPresent ? dest?.arrayValue : nil, patch: patch, schema: schema)
            }
            if case .null = patch { return nil }
            return try clean(patch, schema: schema)
        default:
            if case .null = patch { return destPresent ? nil : nil }
            if destPresent, case .object = patch {
                throw KustomizeError(.patch, "wrong node kind: expected ScalarNode but got MappingNode")
            }
            if destPresent, case .array = patch {
                throw KustomizeError(.patch, "wrong node kind: expected ScalarNode but got SequenceNode")
            }
            if !destPresent, case .object = patch { return try mergeMap(dest: nil, patch: patch, schema: schema) }
            return patch
        }
    }

    private static func requireKind(_ dest: JSONValue?, _ patch: JSONValue, _ name: String,
                                    _ ok: (JSONValue) -> Bool) throws(KustomizeError) {
        for v in [dest, patch] {
            guard let v, !v.isNull else { continue }
            if !ok(v) {
                let got: String
                switch v {
                case .object: got = "MappingNode"
                case .array: got = "SequenceNode"
                default: got = "ScalarNode"
                }
                throw KustomizeError(.patch, "wrong node kind: expected \(name) but got \(got)")
            }
        }
    }

    enum Directive { case merge, replace, delete }

    static func directive(_ o: JSONObject) throws(KustomizeError) -> Directive {
        guard let v = o["$patch"] else { return .merge }
        let s = v.stringValue ?? ""
        switch s {
        case "delete": return .delete
        case "replace": return .replace
        case "merge": return .merge
        default: throw KustomizeError(.patch, "unknown patch strategy '\(s)'")
        }
    }

    private static func mergeMap(dest: JSONObject?, patch: JSONValue, schema: SchemaNode?) throws(KustomizeError) -> JSONValue? {
        guard case .object(var p) = patch else {
            // A null patch over a map clears it.
            return nil
        }
        let d = try directive(p)
        p["$patch"] = nil
        if d == .delete { return nil }
        guard var base = dest, d != .replace else {
            return try cleanMap(p, schema: schema)
        }
        for (key, value) in p {
            let merged = try merge(dest: base[key], patch: value, schema: schema?.child(key))
            if let merged, !merged.isNull { base[key] = merged } else { base[key] = nil }
        }
        return .object(base)
    }

    /// A patch value standing on its own (no destination): directives elided, nulls dropped from maps.
    static func clean(_ value: JSONValue, schema: SchemaNode?) throws(KustomizeError) -> JSONValue? {
        switch value {
        case .object(let o): return try cleanMap(o, schema: schema)
        case .array(let items):
            if let schema, schema.isMergeList {
                return try mergeAssociative(dest: nil, patch: value, schema: schema)
            }
            return .array(items)
        default: return value
        }
    }

    private static func cleanMap(_ o: JSONObject, schema: SchemaNode?) throws(KustomizeError) -> JSONValue? {
        var p = o
        if try directive(p) == .delete { return nil }
        p["$patch"] = nil
        var out = JSONObject()
        for (k, v) in p {
            if v.isNull { continue }
            if let c = try clean(v, schema: schema?.child(k)), !c.isNull { out[k] = c }
        }
        return .object(out)
    }
}
