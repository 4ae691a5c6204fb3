/// Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), with the semantics
/// of k8s.io/apimachinery `pkg/util/strategicpatch`.
///
/// Apply: objects merge recursively; `null` deletes; lists follow the schema (merge by key, merge as a
/// set, or replace); directives `$patch: replace|delete` (in objects and list elements),
/// `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured.
/// Create: two-way (`original` → `modified`) and three-way (`original`, `modified`, `current`).
/// Errors are `StructuredDataError(.invalidPatch, …)` with apimachinery's wording.
public enum StrategicMergePatch {
    static let directiveMarker = "$patch"
    static let retainKeysDirective = "$retainKeys"
    static let setElementOrderPrefix = "$setElementOrder"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"
    static let deleteDirective = "delete"
    static let replaceDirective = "replace"
    static let mergeDirective = "merge"

    /// `MergeOptions` of apimachinery: applying a patch uses both flags; merging two patches (the
    /// three-way create) uses neither, so directives and nulls are kept.
    struct MergeOptions {
        var mergeParallelList: Bool
        var ignoreUnmatchedNulls: Bool

        static let apply = MergeOptions(mergeParallelList: true, ignoreUnmatchedNulls: true)
        static let combinePatches = MergeOptions(mergeParallelList: false, ignoreUnmatchedNulls: false)
    }

    /// Applies `patch` to `original` using `schema` (see `PatchSchema.forKind`).
    /// Both must be objects.
    public static func apply(_ patch: JSONValue, to original: JSONValue, schema: PatchSchema) throws(StructuredDataError) -> JSONValue {
        guard case .object(let o) = original else {
            throw StructuredDataError(.invalidPatch, "invalid JSON document: expected an object, got \(original.typeName)")
        }
        guard case .object(let p) = patch else {
            throw StructuredDataError(.invalidPatch, "invalid JSON patch: expected an object, got \(patch.typeName)")
        }
        return .object(try mergeMap(o, p, schema: schema, options: .apply))
    }

    /// Applies patch JSON text; malformed text is an `.invalidJSON` error.
    public static func apply(patchText: String, to original: JSONValue, schema: PatchSchema) throws(StructuredDataError) -> JSONValue {
        try apply(JSONParser.parse(patchText), to: original, schema: schema)
    }

    static func error(_ message: String) -> StructuredDataError {
        StructuredDataError(.invalidPatch, message)
    }

    /// Go's `%v` rendering of a JSON value, used in messages and for ordering merge keys.
    static func goString(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return GoFloatText.g(Double(i))
        case .double(let d): return GoFloatText.g(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(goString).joined(separator: " ") + "]"
        case .object(let o):
            let keys = o.keys.sorted()
            return "map[" + keys.map { "\($0):\(goString(o[$0] ?? .null))" }.joined(separator: " ") + "]"
        }
    }
}

import GoCompat

enum GoFloatText {
    /// `fmt.Sprintf("%v", float64)`, i.e. `strconv.FormatFloat(d, 'g', -1, 64)` (`1e+06`).
    static func g(_ d: Double) -> String { GoFloat.format(d, "g") }
}
