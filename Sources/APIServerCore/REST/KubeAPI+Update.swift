import StructuredData

extension KubeAPI {
    /// PUT to an object (or its `/status` or `/finalize`). Returns the stored object.
    func update(_ target: ResourceTarget, name: String, body: JSONValue, dryRun: Bool) async throws -> JSONValue {
        let type = target.type
        var object = body
        try checkKind(&object, type)
        let bodyName = object.metadataString("name")
        if !bodyName.isEmpty && bodyName != name {
            throw APIServerError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        if type.namespaced {
            let ns = object.metadataString("namespace")
            if !ns.isEmpty && ns != target.namespace {
                throw APIServerError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
        }
        let current = try await get(type, namespace: target.namespace ?? "", name: name)
        let rv = object.metadataString("resourceVersion")
        let precondition: WritePrecondition
        if rv.isEmpty {
            if type.isCustom {
                throw APIServerError.invalid(kind: type.kind, group: type.group, name: name, errors: [
                    .invalid("metadata.resourceVersion", rendered: "0x0", "must be specified for an update"),
                ])
            }
            precondition = .revision(current.revision)
        } else {
            guard let expected = Int64(rv) else {
                throw APIServerError.badRequest("invalid resource version: \(rv)")
            }
            if expected != current.revision { throw APIServerError.conflict(type.resource, name) }
            precondition = .revision(expected)
        }
        return try await write(type, current: current, proposed: object, subresource: target.subresource,
                               precondition: precondition, dryRun: dryRun)
    }

    /// The common tail of PUT and PATCH: applies subresource and metadata rules, admission,
    /// generation, finalizer rules, then stores the result (or deletes the object when its last
    /// finalizer was removed during deletion). A no-op write returns the current object unchanged.
    func write(_ type: ResourceType, current: StoredObject, proposed: JSONValue, subresource: String?,
               precondition: WritePrecondition, dryRun: Bool) async throws -> JSONValue {
        let old = current.value
        var object: JSONValue
        switch subresource {
        case "status":
            object = old
            object.set(["status"], proposed["status"])
        case "finalize":
            object = old
            object.set(["spec", "finalizers"], proposed["spec"]?["finalizers"])
        default:
            object = proposed
            if type.hasStatus && type.resource != Self.namespaceType.resource { object.set(["status"], old["status"]) }
            if type.resource == Self.namespaceType.resource { object.set(["status"], old["status"]) }
        }
        guard object["metadata"]?.objectValue != nil else {
            throw APIServerError.badRequest("metadata must be an object")
        }
        for field in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name", "generation"] {
            object.set(["metadata", field], old["metadata"]?[field])
        }
        object.set(["metadata", "resourceVersion"], old["metadata"]?["resourceVersion"])
        try await admit(&object, type: type, old: old, subresource: subresource)

        if old["metadata"]?["deletionTimestamp"] != nil {
            let added = Set(object.finalizers).subtracting(old.finalizers)
            if !added.isEmpty {
                throw APIServerError.invalid(kind: type.kind, group: type.group, name: current.key.name, errors: [
                    .forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers []string{\(added.sorted().map { "\"\($0)\"" }.joined(separator: ", "))}"),
                ])
            }
        }
        let annotationsBump = type.resource == QualifiedResource(group: "apps", resource: "deployments")
            && old["metadata"]?["annotations"] != object["metadata"]?["annotations"]
        if subresource == nil, let generation = old["metadata"]?["generation"]?.intValue,
           annotationsBump || Self.specChanged(old, object) {
            object.set(["metadata", "generation"], .int(generation < Int64.max ? generation + 1 : generation))
        }
        if object == old { return old }
        if dryRun { return object }

        let finished = object["metadata"]?["deletionTimestamp"] != nil && object.finalizers.isEmpty
            && !(type.resource == Self.namespaceType.resource && !(object["spec"]?["finalizers"]?.arrayValue?.isEmpty ?? true))
        let stored = try await store.commit([Mutation(key: current.key, precondition: precondition, value: finished ? JSONValue?.none : object)])
        let result = stored.first?.value ?? object
        if finished { await objectRemoved(type, result) } else { await afterWrite(type, result) }
        return result
    }

    /// True when anything outside `metadata` and `status` differs (the generation rule; Deployments
    /// also bump on annotation changes, as upstream's deployment strategy does).
    static func specChanged(_ old: JSONValue, _ new: JSONValue) -> Bool {
        guard let a = old.objectValue, let b = new.objectValue else { return old != new }
        let skip: Set<String> = ["metadata", "status", "apiVersion", "kind"]
        let keys = Set(a.keys).union(b.keys).subtracting(skip)
        return keys.contains { a[$0] != b[$0] }
    }
}
