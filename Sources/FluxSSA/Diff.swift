import StructuredData
import KubeModel

/// The kind of change a drift diff found (`ssa/jsondiff.DiffType`).
public enum DiffType: String, Sendable, CaseIterable {
    /// The object is missing from the cluster.
    case create
    /// The object exists and differs.
    case update
    /// The object is excluded (by metadata, or an ignore rule for the whole object).
    case exclude
    /// The object exists and matches.
    case none
}

/// One object's drift (`ssa/jsondiff.Diff`).
public struct Diff: Sendable, Equatable {
    public var type: DiffType
    /// The desired object the dry-run applied.
    public var desired: KubeObject
    /// The live object; `nil` for `create` and `exclude`.
    public var cluster: KubeObject?
    /// The changes from the live object to the dry-run result (empty unless `update`): first the
    /// label/annotation additions and replacements, then everything outside `metadata`/`status`.
    public var patch: [JSONDiffOperation]

    public init(type: DiffType, desired: KubeObject, cluster: KubeObject? = nil, patch: [JSONDiffOperation] = []) {
        self.type = type
        self.desired = desired
        self.cluster = cluster
        self.patch = patch
    }

    /// `Kind/namespace/name` of the desired object.
    public var subject: String { desired.subject }

    /// The patch with Secret values masked when the desired object is a core Secret (see
    /// `JSONDiffOperation.maskingSecretData`); other kinds are returned as they are. A copy: the
    /// diff itself keeps the real values, so applying it never writes masks.
    public var maskedPatch: [JSONDiffOperation] {
        let gvk = desired.gvk
        guard gvk.group.isEmpty && gvk.kind == "Secret" else { return patch }
        return patch.maskingSecretData()
    }
}

extension Array where Element == Diff {
    /// True when some diff has `type`.
    public func has(_ type: DiffType) -> Bool { contains { $0.type == type } }

    /// True when some object must be created or updated.
    public var hasChanges: Bool { contains { $0.type == .create || $0.type == .update } }

    /// helm-controller's `SummarizeDiffSet`: one line per diff of the included types
    /// (default create, update, exclude): `Kind/ns/name removed` (missing from the cluster),
    /// `… excluded`, `… unchanged`, or `… changed (A additions, C changes, R removals)`.
    public func summary(including types: [DiffType] = [.create, .update, .exclude]) -> String {
        var lines: [String] = []
        for diff in self where types.contains(diff.type) {
            switch diff.type {
            case .none: lines.append("\(diff.subject) unchanged")
            case .create: lines.append("\(diff.subject) removed")
            case .exclude: lines.append("\(diff.subject) excluded")
            case .update:
                let added = diff.patch.filter { $0.type == .add }.count
                let changed = diff.patch.filter { $0.type == .replace }.count
                let removed = diff.patch.filter { $0.type == .remove }.count
                lines.append("\(diff.subject) changed (\(added) additions, \(changed) changes, \(removed) removals)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// helm-controller's `SummarizeDiffSetBrief`: `removed: x, changed: y, excluded: z` for the
    /// included types, in the order given.
    public func briefSummary(including types: [DiffType] = [.create, .update, .exclude]) -> String {
        types.map { type -> String in
            let count = filter { $0.type == type }.count
            switch type {
            case .create: return "removed: \(count)"
            case .update: return "changed: \(count)"
            case .exclude: return "excluded: \(count)"
            case .none: return "unchanged: \(count)"
            }
        }.joined(separator: ", ")
    }

    /// The diffs sorted as helm-controller applies corrections: `ReconcileOrder` of group-kinds,
    /// then namespace, then name.
    public var sortedForApply: [Diff] {
        sorted { ReconcileOrder.isLess(ObjMetadata($0.desired), ObjMetadata($1.desired)) }
    }
}

extension Array where Element == JSONDiffOperation {
    /// `jsondiff.MaskSecretPatchData` on a copy: values under `/data` and `/stringData` become
    /// `***`, or `*** (before)` / `*** (after)` when an operation replaces one value with another.
    /// For whole-map operations, keys whose value changed get before/after masks and every other
    /// key `***` (upstream leaves unchanged keys of the new map unmasked; this masks them too).
    public func maskingSecretData() -> [JSONDiffOperation] {
        map { original in
            var op = original
            let both = op.oldValue != nil && op.value != nil
            if op.path == "/data" || op.path == "/stringData" {
                let (old, new) = Self.maskMaps(op.oldValue, op.value)
                if op.oldValue != nil { op.oldValue = old }
                if op.value != nil { op.value = new }
            } else if op.path.hasPrefix("/data/") || op.path.hasPrefix("/stringData/") {
                if op.oldValue != nil { op.oldValue = .string(both ? "*** (before)" : "***") }
                if op.value != nil { op.value = .string(both ? "*** (after)" : "***") }
            }
            return op
        }
    }

    private static func maskMaps(_ from: JSONValue?, _ to: JSONValue?) -> (JSONValue, JSONValue) {
        var a = from?.objectValue ?? [:]
        var b = to?.objectValue ?? [:]
        for (key, value) in a {
            if let other = b[key], other != value {
                a[key] = "*** (before)"
                b[key] = "*** (after)"
            } else {
                a[key] = "***"
                if b[key] != nil { b[key] = "***" }
            }
        }
        for key in b.keys where a[key] == nil { b[key] = "***" }
        return (.object(a), .object(b))
    }
}
