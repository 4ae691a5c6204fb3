import StructuredData

extension KubeAPI {
    /// DELETE of one object, with `DeleteOptions` from the body and/or query
    /// (`propagationPolicy`, `preconditions`, `orphanDependents`, `dryRun`).
    ///
    /// An object with finalizers (including `foregroundDeletion`/`orphan` added for the policy) only
    /// gets `deletionTimestamp`; namespaces always go through Terminating; otherwise the object is
    /// removed and the garbage collector deletes its dependents in the background.
    func delete(_ target: ResourceTarget, name: String, _ request: APIRequest) async throws -> APIResponse {
        let type = target.type
        let options = request.body.isEmpty ? JSONValue.object([:]) : ((try? JSONParser.parse(bytes: request.body)) ?? .null)
        guard case .object = options else { throw APIServerError.badRequest("the body of the request was in an unknown format") }
        let current = try await get(type, namespace: target.namespace ?? "", name: name)
        if let uid = options["preconditions"]?["uid"]?.stringValue, uid != current.value.metadataString("uid") {
            throw APIServerError.conflict(type.resource, name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(current.value.metadataString("uid"))")
        }
        if let rv = options["preconditions"]?["resourceVersion"]?.stringValue, rv != String(current.revision) {
            throw APIServerError.conflict(type.resource, name, "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(current.revision)")
        }
        var policy = options["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"] ?? ""
        if policy.isEmpty {
            if options["orphanDependents"]?.boolValue == true || request.query["orphanDependents"] == "true" {
                policy = "Orphan"
            } else {
                policy = type.resource == QualifiedResource(group: "batch", resource: "jobs") ? "Orphan" : "Background"
            }
        }
        guard ["Orphan", "Background", "Foreground"].contains(policy) else {
            throw APIServerError.invalid(kind: "DeleteOptions", group: "", name: "", errors: [
                .notSupported("propagationPolicy", policy, supported: ["Foreground", "Background", "Orphan", "nil"]),
            ])
        }
        if request.isDryRun { return deletedResponse(type, current.value) }

        var object = current.value
        var finalizers = object.finalizers
        if policy == "Foreground" && !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
        if policy == "Orphan" && !finalizers.contains("orphan") { finalizers.append("orphan") }
        let isNamespace = type.resource == Self.namespaceType.resource
        let isCRD = type.resource == CRDSupport.resource
        if isCRD && !finalizers.contains(CRDSupport.cleanupFinalizer) { finalizers.append(CRDSupport.cleanupFinalizer) }

        if finalizers.isEmpty && !isNamespace {
            let stored = try await store.commit([Mutation(key: current.key, precondition: .revision(current.revision), value: nil)])
            let last = stored.first?.value ?? object
            await objectRemoved(type, last)
            return deletedResponse(type, last)
        }
        if object["metadata"]?["deletionTimestamp"] != nil {
            return .json(code: 200, body: object)
        }
        object.set(["metadata", "deletionTimestamp"], .string(Self.timestamp()))
        object.set(["metadata", "deletionGracePeriodSeconds"], .int(0))
        object.set(["metadata", "finalizers"], finalizers.isEmpty ? JSONValue?.none : .array(finalizers.map(JSONValue.string)))
        if isNamespace { object.set(["status", "phase"], "Terminating") }
        if isCRD { CRDSupport.markTerminating(&object) }
        let stored = try await store.commit([Mutation(key: current.key, precondition: .revision(current.revision), value: object)])
        let result = stored.first?.value ?? object
        await afterWrite(type, result)
        let code = options["orphanDependents"]?.boolValue == false ? 202 : 200
        return .json(code: code, body: result)
    }

    /// What a completed delete returns: the last state for pods/serviceaccounts, else a `Status`.
    func deletedResponse(_ type: ResourceType, _ object: JSONValue) -> APIResponse {
        if type.returnsDeletedObject { return .json(code: 200, body: object) }
        var details: JSONObject = ["name": .string(object.metadataString("name"))]
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        details["kind"] = .string(type.plural)
        details["uid"] = .string(object.metadataString("uid"))
        return .json(code: 200, body: [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Success",
            "details": .object(details),
        ])
    }

    /// DELETE of a collection: deletes every matching object, returns the list of what was deleted.
    func deleteCollection(_ target: ResourceTarget, _ request: APIRequest) async throws -> APIResponse {
        let type = target.type
        let matcher = try ObjectMatcher(labelSelector: request.query["labelSelector"],
                                        fieldSelector: request.query["fieldSelector"], type: type)
        let objects = await store.list(type.resource, namespace: target.namespace).objects.filter { matcher.matches($0.value) }
        var deleted: [JSONValue] = []
        for object in objects {
            var one = request
            one.body = request.body
            let item = ResourceTarget(type: type, namespace: type.namespaced ? object.key.namespace : nil,
                                      name: object.key.name, subresource: nil)
            if case .json(_, _) = try await delete(item, name: object.key.name, one) { deleted.append(object.value) }
        }
        return .json(code: 200, body: [
            "kind": .string(type.listKind), "apiVersion": .string(type.groupVersion),
            "metadata": .object(["resourceVersion": .string(String(await store.currentRevision))]),
            "items": .array(deleted),
        ])
    }
}
