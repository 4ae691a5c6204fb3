import KubeClient
import KubeModel
import StructuredData

extension ResourceManager {
    /// `cleanupMetadata`: one JSON patch (sent as the owner's field manager) that removes the
    /// configured annotations and labels from the live object and hands the configured managers'
    /// managedFields to the owner. Nothing is sent when there is nothing to change, when the
    /// object does not exist, or when the desired or live object matches `options.exclusions`.
    /// - Returns: true when a patch was sent (the object then counts as drifted).
    func cleanupMetadata(desired: KubeObject, live: KubeObject?, options: ApplyCleanupOptions) async throws(FluxSSAError) -> Bool {
        guard let live else { return false }
        if desired.anyInMetadata(options.exclusions) || live.anyInMetadata(options.exclusions) { return false }
        let patch = Self.cleanupPatch(live, options: options, fieldManager: owner.field)
        guard !patch.operations.isEmpty else { return false }
        do {
            let (r, ns) = try await locate(live)
            _ = try await client.patch(r, namespace: ns, name: live.name, type: .json, body: patch.json,
                                       options: WriteOptions(fieldManager: owner.field))
        } catch {
            throw FluxSSAError(.cleanup, "\(live.subject) metadata.managedFields cleanup failed: \(error)", cause: error)
        }
        return true
    }

    /// The cleanup JSON patch for a live object: `remove` per present annotation and label (in
    /// option order), then one `replace` of `/metadata/managedFields` when managers were taken over.
    public static func cleanupPatch(_ live: KubeObject, options: ApplyCleanupOptions, fieldManager: String) -> JSONPatch {
        var ops: [JSONPatch.Operation] = []
        let annotations = live.annotations
        for key in options.annotations where annotations[key] != nil {
            ops.append(.remove(path: JSONPointer(tokens: ["metadata", "annotations", key])))
        }
        let labels = live.labels
        for key in options.labels where labels[key] != nil {
            ops.append(.remove(path: JSONPointer(tokens: ["metadata", "labels", key])))
        }
        if !options.fieldManagers.isEmpty,
           let entries = ManagedFieldsTakeover.replacing(live.managedFields?.arrayValue ?? [], managers: options.fieldManagers,
                                                         with: fieldManager) {
            ops.append(.replace(path: JSONPointer(tokens: ["metadata", "managedFields"]), value: .array(entries)))
        }
        return JSONPatch(ops)
    }
}

/// `ssa.PatchReplaceFieldsManagers`: managedFields entries of matching managers become (or merge
/// into) the field manager's own `Apply` entry.
enum ManagedFieldsTakeover {
    /// The new managedFields list, or `nil` when no entry matched. An entry matches a manager when
    /// its name starts with the manager's name, the operation is equal and it is not for a
    /// subresource. The first match is renamed (`manager` = `name`, `operation` = `Apply`) unless
    /// the owner already has an Apply entry; later matches merge their field sets into it. The
    /// owner's entry goes last.
    static func replacing(_ entries: [JSONValue], managers: [FieldManager], with name: String) -> [JSONValue]? {
        let previousIndex = entries.lastIndex { $0["manager"]?.stringValue == name && $0["operation"]?.stringValue == "Apply" }
        var owned: JSONValue? = previousIndex.map { entries[$0] }
        var kept: [JSONValue] = []
        var edited = false
        for (i, entry) in entries.enumerated() {
            if i == previousIndex { continue }
            let manager = entry["manager"]?.stringValue ?? ""
            let operation = entry["operation"]?.stringValue ?? ""
            let subresource = entry["subresource"]?.stringValue ?? ""
            let matches = subresource.isEmpty && managers.contains { manager.hasPrefix($0.name) && operation == $0.operation.rawValue }
            guard matches else {
                kept.append(entry)
                continue
            }
            edited = true
            if var current = owned {
                current["fieldsV1"] = union(current["fieldsV1"], entry["fieldsV1"])
                owned = current
            } else {
                var renamed = entry
                renamed["manager"] = .string(name)
                renamed["operation"] = "Apply"
                owned = renamed
            }
        }
        guard edited, let owned else { return nil }
        return kept + [owned]
    }

    /// The union of two `fieldsV1` tries, in structured-merge-diff order (`.` first, then fields,
    /// keys, values and indexes, each sorted).
    static func union(_ a: JSONValue?, _ b: JSONValue?) -> JSONValue? {
        guard let a, case .object(let x) = a else { return b }
        guard let b, case .object(let y) = b else { return a }
        var merged: [String: JSONValue] = [:]
        for (k, v) in x { merged[k] = v }
        for (k, v) in y { merged[k] = union(merged[k], v) ?? v }
        func rank(_ key: String) -> Int {
            if key == "." { return -1 }
            switch key.first {
            case "f": return 0
            case "k": return 1
            case "v": return 2
            default: return 3
            }
        }
        var out: JSONObject = [:]
        for key in merged.keys.sorted(by: { rank($0) != rank($1) ? rank($0) < rank($1) : $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            out[key] = merged[key]
        }
        return .object(out)
    }
}
