import KubeModel
import StructuredData

extension KubeAPI {
    /// PATCH with `application/apply-patch+yaml`: server-side apply of a YAML or JSON
    /// configuration by `fieldManager`. Creates the object when it is missing (201), otherwise
    /// merges, checks conflicts (409 unless `force=true`), prunes fields the manager stopped
    /// applying, and records its `Apply` entry. An apply that changes nothing keeps the RV.
    func applyPatch(_ target: ResourceTarget, name: String, _ request: APIRequest) async throws -> APIResponse {
        try FieldManagerContext.validate(request, optionsKind: "PatchOptions", isApply: true)
        let type = target.type
        let manager = request.query["fieldManager"] ?? ""
        let force = request.flag("force")
        let config: JSONValue
        do {
            // Clients send JSON far more often than YAML, and JSON is YAML: parse it as JSON
            // first (much faster); anything else, or JSON that fails, goes through YAML.
            if request.body.first == UInt8(ascii: "{"), let json = try? JSONParser.parse(bytes: request.body) {
                config = json
            } else {
                config = try YAML.parse(String(decoding: request.body, as: UTF8.self))
            }
        } catch {
            throw APIServerError.badRequest("error decoding YAML: \(error.message)")
        }
        guard case .object = config else {
            throw APIServerError.badRequest("couldn't get version/kind; json parse error: apply patch is not an object")
        }
        let version = config["apiVersion"]?.stringValue ?? ""
        if version != type.groupVersion {
            throw APIServerError.badRequest("Incorrect version specified in apply patch. Specified patch version: \(version), expected: \(type.groupVersion)")
        }
        let kind = config["kind"]?.stringValue ?? ""
        if kind != type.kind {
            throw APIServerError.badRequest("Incorrect kind specified in apply patch. Specified patch kind: \(kind), expected: \(type.kind)")
        }
        if let fields = config["metadata"]?["managedFields"], fields != .null {
            throw APIServerError.badRequest("metadata.managedFields must be nil")
        }
        let bodyName = config.metadataString("name")
        if !bodyName.isEmpty && bodyName != name {
            throw APIServerError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let namespace = target.namespace ?? ""
        if let duplicate = ApplyValidation.duplicate(in: config, schema: ApplySchema.root(for: type)) {
            let gvk = "\(type.group)/\(type.version), Kind=\(type.kind)"
            let object = type.namespaced ? "\(namespace)/\(name)" : name
            // An untyped error upstream: 500 with reason "" (`ErrorToAPIStatus`).
            throw APIServerError(Status(message: "failed to create typed patch object (\(object); \(gvk)): \(duplicate)", code: 500))
        }
        var context = FieldManagerContext(manager: manager, applying: true)
        for _ in 0..<16 {
            let current: StoredObject?
            do {
                current = try await get(type, namespace: namespace, name: name)
            } catch let error as APIServerError where error.reason == "NotFound" && target.subresource == nil {
                current = nil
            }
            if let current {
                let rv = config.metadataString("resourceVersion")
                if !rv.isEmpty && rv != String(current.revision) { throw APIServerError.conflict(type.resource, name) }
                let uid = config.metadataString("uid")
                if !uid.isEmpty && uid != current.value.metadataString("uid") {
                    throw APIServerError.conflict(type.resource, name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(current.value.metadataString("uid"))")
                }
            }
            var live: JSONValue = current?.value ?? [
                "apiVersion": .string(type.groupVersion), "kind": .string(type.kind), "metadata": ["name": .string(name)],
            ]
            if current == nil && type.namespaced { live.set(["metadata", "namespace"], .string(namespace)) }
            let applied = try ServerSideApply.apply(config, to: live, type: type, subresource: target.subresource,
                                                    manager: manager, force: force, now: Self.timestamp())
            context.appliedManagedFields = applied["metadata"]?["managedFields"]
            do {
                return try await FieldManagerContext.$current.withValue(context) {
                    guard let current else {
                        let created = try await create(type, namespace: namespace, body: applied, dryRun: request.isDryRun)
                        return .json(code: 201, body: created)
                    }
                    let written = try await write(type, current: current, proposed: applied, subresource: target.subresource,
                                                  precondition: .revision(current.revision), dryRun: request.isDryRun)
                    return .json(code: 200, body: written)
                }
            } catch let error as APIServerError where error.reason == "Conflict" || (error.reason == "AlreadyExists" && current == nil) {
                if !config.metadataString("resourceVersion").isEmpty { throw error }
                continue
            }
        }
        throw APIServerError.conflict(type.resource, name)
    }
}

/// The server-side apply algorithm on values (structured-merge-diff `Apply` + apimachinery's
/// field manager): merge, conflict detection, forced ownership transfer, prune, and the new
/// managedFields. Pure: no storage.
enum ServerSideApply {
    /// Applies `config` by `manager` to `live` and returns the object to store (with its new
    /// managedFields). Throws the upstream 409 Conflict when other managers own changed fields
    /// and `force` is false.
    static func apply(_ config: JSONValue, to live: JSONValue, type: ResourceType, subresource: String?,
                      manager: String, force: Bool, now: String) throws -> JSONValue {
        let schema = ApplySchema.root(for: type)
        let configTracked = ManagedFields.tracked(config, type: type, subresource: subresource) ?? .object([:])
        let liveTracked = ManagedFields.tracked(live, type: type, subresource: subresource)
        let newSet = FieldSet.applySet(of: configTracked, schema: schema)
        var merged = ApplyMerge.merge(live, configTracked, schema: schema)
        let changed = FieldSet.compare(liveTracked, ManagedFields.tracked(merged, type: type, subresource: subresource),
                                       schema: schema).changed

        var mine = ManagedFieldsEntry(manager: manager, operation: "Apply", apiVersion: type.groupVersion, time: now,
                                      subresource: subresource ?? "", fields: newSet)
        var previous = FieldSet()
        var others: [ManagedFieldsEntry] = []
        var conflicts: [(ManagedFieldsEntry, [String])] = []
        for entry in ManagedFields.entries(of: live) {
            if entry.sameManager(mine) {
                previous = entry.fields
                if entry.fields == newSet { mine.time = entry.time }
                continue
            }
            let clash = entry.fields.intersection(changed)
            if !clash.isEmpty {
                for path in clash.paths { conflicts.append((entry, path)) }
            }
            var other = entry
            if force { other.fields = other.fields.subtracting(clash) }
            others.append(other)
        }
        if !conflicts.isEmpty && !force { throw conflictError(conflicts) }

        for path in previous.subtracting(newSet).paths {
            if newSet.hasMember(atOrBelow: path[...]) { continue }
            if others.contains(where: { $0.fields.hasMember(atOrBelow: path[...]) }) { continue }
            ApplyMerge.remove(path[...], from: &merged, schema: schema)
        }
        let removed = FieldSet.compare(liveTracked, ManagedFields.tracked(merged, type: type, subresource: subresource),
                                       schema: schema).removed
        if !removed.isEmpty {
            for index in others.indices { others[index].fields = others[index].fields.subtracting(removed) }
        }
        ManagedFields.store(others + [mine], in: &merged)
        return merged
    }

    /// The 409 of `internal/conflict.go`: one cause per conflicting field.
    static func conflictError(_ conflicts: [(ManagedFieldsEntry, [String])]) -> APIServerError {
        let sorted = conflicts.sorted { $0.0.printed < $1.0.printed }
        let causes = sorted.map { entry, path in
            StatusCause(type: "FieldManagerConflict", message: "conflict with \(entry.printed)", field: FieldSet.render(path))
        }
        let message: String
        if sorted.count == 1, let only = sorted.first {
            message = "Apply failed with 1 conflict: conflict with \(only.0.printed): \(FieldSet.render(only.1))"
        } else {
            var lines: [String] = []
            var current: String?
            for (entry, path) in sorted {
                if entry.printed != current {
                    lines.append("conflicts with \(entry.printed):")
                    current = entry.printed
                }
                lines.append("- \(FieldSet.render(path))")
            }
            message = "Apply failed with \(sorted.count) conflicts: \(lines.joined(separator: "\n"))"
        }
        return APIServerError(Status(message: message, reason: .conflict, details: StatusDetails(causes: causes), code: 409))
    }
}
