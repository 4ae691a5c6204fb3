import KubeClient
import KubeModel

extension ResourceManager {
    /// Deletes one object when the live object carries every inclusion label and no exclusion
    /// (`ssa.Delete`). An object that is already gone counts as `deleted`.
    /// - Returns: `deleted`, `skipped`, or `unknown` together with an error.
    public func delete(_ object: KubeObject, options: PruneOptions = PruneOptions()) async -> (ChangeSetEntry, FluxSSAError?) {
        let live: KubeObject?
        do { live = try await liveObject(object) } catch {
            return (ChangeSetEntry(object, .unknown), FluxSSAError(.query, "\(object.subject) query failed: \(error)", cause: error))
        }
        guard let live else { return (ChangeSetEntry(object, .deleted), nil) }
        let labels = live.labels
        if !options.inclusions.allSatisfy({ labels[$0.key] == $0.value }) || live.anyInMetadata(options.exclusions) {
            return (ChangeSetEntry(object, .skipped), nil)
        }
        do { try await deleteObject(live, propagationPolicy: options.propagationPolicy) } catch where !error.isNotFound {
            return (ChangeSetEntry(object, .unknown), FluxSSAError(.delete, "\(object.subject) delete failed: \(error)", cause: error))
        } catch {}
        return (ChangeSetEntry(object, .deleted), nil)
    }

    /// Deletes a set of objects in reverse `ReconcileOrder` (`ssa.DeleteAll`), e.g. the stale
    /// part of an inventory (prune) or a whole inventory (finalizer).
    /// - Returns: one entry per object (`deleted`, `skipped`).
    /// - Throws: `.delete` with `delete failed, errors: <e1>;<e2>;` when any object failed; the
    ///   other objects are still processed.
    public func deleteAll(_ objects: [KubeObject], options: PruneOptions = PruneOptions()) async throws(FluxSSAError) -> ChangeSet {
        var changes = ChangeSet()
        var errors = ""
        for object in ReconcileOrder.sorted(objects).reversed() {
            let (entry, error) = await delete(object, options: options)
            changes.add(entry)
            if let error { errors += error.message + ";" }
        }
        if !errors.isEmpty { throw FluxSSAError(.delete, "delete failed, errors: \(errors)") }
        return changes
    }
}
