import StructuredData

/// The background controllers of deletion: namespace content removal, CRD instance cleanup,
/// `foregroundDeletion`/`orphan` finalizers, and owner-reference garbage collection.
///
/// `schedule` coalesces requests: at most one sweep runs, and one more follows if requested meanwhile.
actor GarbageCollector {
    private var running = false
    private var again = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    /// Requests a sweep over `api`.
    func schedule(_ api: KubeAPI) {
        if running { again = true; return }
        running = true
        Task { await self.loop(api) }
    }

    /// Returns once no sweep is running or pending.
    func idle() async {
        if !running { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func loop(_ api: KubeAPI) async {
        repeat {
            again = false
            for _ in 0..<50 {
                let changed: Bool
                do {
                    changed = try await api.sweepOnce()
                    api.health.pass("garbage-collector")
                } catch {
                    api.health.fail("garbage-collector", "garbage collection pass failed: \(error)")
                    break
                }
                if !changed { break }
            }
        } while again
        running = false
        let waiters = idleWaiters
        idleWaiters = []
        for w in waiters { w.resume() }
    }
}

extension KubeAPI {
    /// Waits until the background controllers have nothing left to do (for tests).
    public func waitForControllers() async { await collector.idle() }

    /// One pass of every deletion controller. Returns true when it changed anything.
    func sweepOnce() async throws -> Bool {
        var everything: [(type: ResourceType, object: StoredObject)] = []
        var seen: Set<QualifiedResource> = []
        for type in registry.all where seen.insert(type.resource).inserted {
            for object in await store.list(type.resource, namespace: nil).objects { everything.append((type, object)) }
        }
        let uids = Set(everything.map { $0.object.value.metadataString("uid") })
        var dependentsByOwner: [String: [(type: ResourceType, object: StoredObject)]] = [:]
        for item in everything {
            for ref in item.object.value["metadata"]?["ownerReferences"]?.arrayValue ?? [] {
                if let owner = ref["uid"]?.stringValue { dependentsByOwner[owner, default: []].append(item) }
            }
        }
        var changed = false
        for (type, stored) in everything {
            let object = stored.value
            let uid = object.metadataString("uid")
            let deleting = object["metadata"]?["deletionTimestamp"] != nil
            if deleting && type.resource == Self.namespaceType.resource {
                let contents = everything.filter { $0.type.namespaced && $0.object.key.namespace == stored.key.name }
                if contents.isEmpty {
                    var done = object
                    done.set(["spec", "finalizers"], nil)
                    changed = try await internalWrite(type, stored, done) || changed
                } else {
                    for item in contents where item.object.value["metadata"]?["deletionTimestamp"] == nil {
                        changed = try await internalDelete(item.type, item.object) || changed
                    }
                    changed = try await reportNamespaceContent(type, stored, contents) || changed
                }
                continue
            }
            if deleting && object.finalizers.contains(CRDSupport.cleanupFinalizer) {
                let group = object["spec"]?["group"]?.stringValue ?? ""
                let plural = object["spec"]?["names"]?["plural"]?.stringValue ?? ""
                let instances = everything.filter { $0.type.group == group && $0.type.plural == plural && $0.type.isCustom }
                if instances.isEmpty {
                    registry.unregister(crd: stored.key.name)
                    changed = try await removeFinalizer(type, stored, CRDSupport.cleanupFinalizer) || changed
                } else {
                    for item in instances { changed = try await internalDelete(item.type, item.object) || changed }
                }
                continue
            }
            let dependents = dependentsByOwner[uid] ?? []
            if deleting && object.finalizers.contains("foregroundDeletion") {
                if dependents.isEmpty {
                    changed = try await removeFinalizer(type, stored, "foregroundDeletion") || changed
                } else {
                    for item in dependents where item.object.value["metadata"]?["deletionTimestamp"] == nil {
                        changed = try await internalDelete(item.type, item.object, policy: "Foreground") || changed
                    }
                }
                continue
            }
            if deleting && object.finalizers.contains("orphan") {
                for item in dependents {
                    var orphaned = item.object.value
                    let refs = orphaned["metadata"]?["ownerReferences"]?.arrayValue?.filter { $0["uid"]?.stringValue != uid } ?? []
                    orphaned.set(["metadata", "ownerReferences"], refs.isEmpty ? JSONValue?.none : .array(refs))
                    changed = try await internalWrite(item.type, item.object, orphaned) || changed
                }
                changed = try await removeFinalizer(type, stored, "orphan") || changed
                continue
            }
            if let refs = object["metadata"]?["ownerReferences"]?.arrayValue, !refs.isEmpty, !deleting {
                let alive = refs.filter { uids.contains($0["uid"]?.stringValue ?? "") }
                if alive.isEmpty {
                    changed = try await internalDelete(type, stored) || changed
                } else if alive.count < refs.count {
                    var trimmed = object
                    trimmed.set(["metadata", "ownerReferences"], .array(alive))
                    changed = try await internalWrite(type, stored, trimmed) || changed
                }
            }
        }
        return changed
    }

    private func internalWrite(_ type: ResourceType, _ stored: StoredObject, _ new: JSONValue) async throws -> Bool {
        do {
            _ = try await write(type, current: stored, proposed: new, subresource: type.resource == Self.namespaceType.resource ? "finalize" : nil,
                                precondition: .revision(stored.revision), dryRun: false)
            return true
        } catch let error as APIServerError where error.code == 404 || error.code == 409 {
            return true
        }
    }

    private func removeFinalizer(_ type: ResourceType, _ stored: StoredObject, _ finalizer: String) async throws -> Bool {
        var object = stored.value
        let rest = object.finalizers.filter { $0 != finalizer }
        object.set(["metadata", "finalizers"], rest.isEmpty ? JSONValue?.none : .array(rest.map(JSONValue.string)))
        return try await internalWrite(type, stored, object)
    }

    private func internalDelete(_ type: ResourceType, _ stored: StoredObject, policy: String = "Background") async throws -> Bool {
        let target = ResourceTarget(type: type, namespace: type.namespaced ? stored.key.namespace : nil, name: stored.key.name, subresource: nil)
        let body = JSONValue.object(["propagationPolicy": .string(policy)]).serializedBytes()
        do {
            _ = try await delete(target, name: stored.key.name, APIRequest(method: "DELETE", path: "", body: body))
            return true
        } catch let error as APIServerError where error.code == 404 || error.code == 409 {
            return true
        }
    }
}
