import StructuredData

/// One `metadata.managedFields` entry with its field set decoded.
struct ManagedFieldsEntry: Sendable, Equatable {
    var manager: String
    /// `Apply` or `Update`.
    var operation: String
    var apiVersion: String
    var time: String?
    var subresource: String
    var fields: FieldSet

    /// `BuildManagerIdentifier`: Apply entries are identified without their apiVersion.
    func sameManager(_ other: ManagedFieldsEntry) -> Bool {
        manager == other.manager && operation == other.operation && subresource == other.subresource
            && (operation == "Apply" || apiVersion == other.apiVersion)
    }

    /// How conflict messages name the manager (`printManager`).
    var printed: String {
        var out = JSONValue.string(manager).serialized(JSONWriteOptions(escapeHTML: false))
        if !subresource.isEmpty { out += " with subresource \"\(subresource)\"" }
        if operation == "Update" { out += " using \(apiVersion)" }
        return out
    }

    init(manager: String, operation: String, apiVersion: String, time: String?, subresource: String, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    /// Decodes one wire entry; nil when it is not a valid entry.
    init?(json: JSONValue) {
        guard case .object(let o) = json, let operation = o["operation"]?.stringValue,
              operation == "Apply" || operation == "Update" else { return nil }
        if let type = o["fieldsType"]?.stringValue, type != "FieldsV1" { return nil }
        self.manager = o["manager"]?.stringValue ?? ""
        self.operation = operation
        self.apiVersion = o["apiVersion"]?.stringValue ?? ""
        self.time = o["time"]?.stringValue
        self.subresource = o["subresource"]?.stringValue ?? ""
        self.fields = FieldSet(fieldsV1: o["fieldsV1"] ?? .object([:]))
    }

    /// The wire form, in the upstream field order.
    var json: JSONValue {
        var o: JSONObject = ["manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion)]
        if let time { o["time"] = .string(time) }
        o["fieldsType"] = "FieldsV1"
        o["fieldsV1"] = fields.fieldsV1
        if !subresource.isEmpty { o["subresource"] = .string(subresource) }
        return .object(o)
    }
}

/// Reading, writing and updating `metadata.managedFields`.
enum ManagedFields {
    /// The entries of an object; invalid entries are skipped.
    static func entries(of object: JSONValue?) -> [ManagedFieldsEntry] {
        object?["metadata"]?["managedFields"]?.arrayValue?.compactMap(ManagedFieldsEntry.init(json:)) ?? []
    }

    /// Stores `entries` (sorted like `sortEncodedManagedFields`, empty ones dropped) in `object`.
    static func store(_ entries: [ManagedFieldsEntry], in object: inout JSONValue) {
        let kept = entries.filter { !$0.fields.isEmpty }.sorted { p, q in
            if p.operation != q.operation { return p.operation < q.operation }
            if (p.time ?? "") != (q.time ?? "") { return (p.time ?? "") < (q.time ?? "") }
            if p.manager != q.manager { return p.manager < q.manager }
            if p.apiVersion != q.apiVersion { return p.apiVersion < q.apiVersion }
            return p.subresource < q.subresource
        }
        object.set(["metadata", "managedFields"], kept.isEmpty ? nil : .array(kept.map(\.json)))
    }

    /// Metadata the field manager never tracks (`stripMeta`).
    static let strippedMetadata = ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                                   "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"]

    /// The object as the field manager sees it: without apiVersion/kind and server metadata, and
    /// without the fields the endpoint resets (`status` on the main resource of a type with a
    /// status subresource; everything but `status` on `/status`).
    static func tracked(_ object: JSONValue?, type: ResourceType, subresource: String?) -> JSONValue? {
        guard case .object(var o)? = object else { return object }
        o["apiVersion"] = nil
        o["kind"] = nil
        if case .object(var meta)? = o["metadata"] {
            for field in strippedMetadata { meta[field] = nil }
            o["metadata"] = meta.isEmpty ? nil : .object(meta)
        }
        if subresource == "status" {
            o = o["status"].map { ["status": $0] } ?? [:]
        } else if type.hasStatus && !(type.group.isEmpty && type.plural == "namespaces") {
            o["status"] = nil
        }
        return .object(o)
    }

    /// Records a non-apply write by `manager` (an `Update` entry becomes old − removed + changed;
    /// other managers lose what was changed or removed). Honours client-supplied managedFields:
    /// absent keeps the live entries, `[]`/`[{}]` resets ownership, a valid list is the new
    /// baseline; on subresources the body's entries are ignored.
    static func recordUpdate(_ object: inout JSONValue, old: JSONValue?, type: ResourceType, subresource: String?,
                             manager: String?, now: String) {
        let incoming = object["metadata"]?["managedFields"]
        var entries: [ManagedFieldsEntry]
        if subresource != nil || incoming == nil || incoming == .null {
            entries = Self.entries(of: old)
        } else if let list = incoming?.arrayValue, list.isEmpty || (list.count == 1 && list[0] == .object([:])) {
            object.set(["metadata", "managedFields"], nil)
            return
        } else if let list = incoming?.arrayValue, case let parsed = list.compactMap(ManagedFieldsEntry.init(json:)),
                  parsed.count == list.count {
            entries = parsed
        } else {
            entries = Self.entries(of: old)
        }
        guard let manager, !manager.isEmpty else {
            store(entries, in: &object)
            return
        }
        let schema = ApplySchema.root(for: type)
        let comparison = FieldSet.compare(tracked(old, type: type, subresource: subresource),
                                          tracked(object, type: type, subresource: subresource), schema: schema)
        var mine = ManagedFieldsEntry(manager: manager, operation: "Update", apiVersion: type.groupVersion, time: now,
                                      subresource: subresource ?? "", fields: FieldSet())
        let touched = comparison.changed.union(comparison.removed)
        var others: [ManagedFieldsEntry] = []
        for entry in entries {
            if entry.sameManager(mine) {
                mine.fields = entry.fields
                mine.time = entry.time
            } else {
                var other = entry
                other.fields = other.fields.subtracting(touched)
                others.append(other)
            }
        }
        let updated = mine.fields.subtracting(comparison.removed).union(comparison.changed)
        if updated != mine.fields {
            mine.fields = updated
            mine.time = now
        }
        store(capUpdates(others + [mine], keeping: mine), in: &object)
    }

    static let maxUpdateEntries = 10
    static let ancientManager = "ancient-changes"

    /// At most ten Update entries are kept: the oldest merge into one `ancient-changes` entry
    /// (`internal/capmanagers.go`). The entry being written (`keeping`) is never merged away.
    static func capUpdates(_ entries: [ManagedFieldsEntry], keeping current: ManagedFieldsEntry) -> [ManagedFieldsEntry] {
        let updates = entries.filter { $0.operation == "Update" && !$0.fields.isEmpty }
        guard updates.count > maxUpdateEntries else { return entries }
        let oldestFirst = updates.sorted { ($0.time ?? "") < ($1.time ?? "") }
        var ancient = entries.first { $0.manager == ancientManager && $0.operation == "Update" }
            ?? ManagedFieldsEntry(manager: ancientManager, operation: "Update", apiVersion: oldestFirst[0].apiVersion,
                                  time: oldestFirst[0].time, subresource: "", fields: FieldSet())
        var dropped: [ManagedFieldsEntry] = []
        var remaining = updates.count
        for entry in oldestFirst where remaining > maxUpdateEntries - 1 && entry.manager != ancientManager && entry != current {
            ancient.fields = ancient.fields.union(entry.fields)
            dropped.append(entry)
            remaining -= 1
        }
        let kept = entries.filter { entry in
            !(entry.manager == ancientManager && entry.operation == "Update") && !dropped.contains(entry)
        }
        return kept + [ancient]
    }
}
