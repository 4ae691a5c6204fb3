import Foundation
import KubeClient
import KubeModel
import StructuredData

/// The decision for one object, reached with a dry-run (`ApplyAll`'s concurrent phase).
struct ApplyPlan: Sendable {
    var entry: ChangeSetEntry
    /// The object to really apply, when it drifted (or its metadata was cleaned up).
    var toApply: KubeObject?
}

extension ResourceManager {
    /// Applies one object when it is new or drifted (`ssa.Apply`): dry-run apply, metadata
    /// cleanup, drift check, then the real apply. Immutable-field failures recreate the object when
    /// `options.force` or the force selector allows.
    /// - Returns: the entry (`created`, `configured`, `unchanged` or `skipped`).
    /// - Throws: `FluxSSAError` with Flux's message (`… dry-run failed (Invalid): …`, `… apply failed: …`).
    public func apply(_ object: KubeObject, options: ApplyOptions = ApplyOptions()) async throws(FluxSSAError) -> ChangeSetEntry {
        let plan = try await plan(object, options: options)
        if let target = plan.toApply { try await applyDrifted(target) }
        return plan.entry
    }

    /// Applies a set of objects (`ssa.ApplyAll`): sorted in `ReconcileOrder`, dry-run and drift
    /// checks run `concurrency` at a time, then the drifted objects are applied in order. The
    /// first failure stops the run and nothing more is applied.
    public func applyAll(_ objects: [KubeObject], options: ApplyOptions = ApplyOptions()) async throws(FluxSSAError) -> ChangeSet {
        let sorted = ReconcileOrder.sorted(objects)
        var results = [Result<ApplyPlan, FluxSSAError>?](repeating: nil, count: sorted.count)
        await withTaskGroup(of: (Int, Result<ApplyPlan, FluxSSAError>).self) { group in
            var next = 0
            func launch(_ i: Int) {
                let object = sorted[i]
                group.addTask { (i, await self.planResult(object, options: options)) }
            }
            while next < min(concurrency, sorted.count) {
                launch(next)
                next += 1
            }
            for await (i, result) in group {
                results[i] = result
                if case .failure = result {
                    group.cancelAll()
                    break
                }
                if next < sorted.count {
                    launch(next)
                    next += 1
                }
            }
        }
        var plans: [ApplyPlan] = []
        for result in results {
            switch result {
            case .failure(let error)?: throw error
            case .success(let plan)?: plans.append(plan)
            case nil: break
            }
        }
        for plan in plans {
            if let target = plan.toApply { try await applyDrifted(target) }
        }
        return ChangeSet(plans.map(\.entry))
    }

    func planResult(_ object: KubeObject, options: ApplyOptions) async -> Result<ApplyPlan, FluxSSAError> {
        do { return .success(try await plan(object, options: options)) } catch { return .failure(error) }
    }

    /// The real apply; errors read `<subject> apply failed: <error>`.
    func applyDrifted(_ object: KubeObject) async throws(FluxSSAError) {
        do { _ = try await serverSideApply(object, dryRun: false) } catch {
            throw FluxSSAError(.apply, "\(object.subject) apply failed: \(error)", cause: error)
        }
    }

    /// Reads the live object, applies the skip rules, dry-runs (recreating on immutable errors
    /// when allowed), cleans up metadata and decides the action.
    func plan(_ object: KubeObject, options: ApplyOptions) async throws(FluxSSAError) -> ApplyPlan {
        var live = try? await liveObject(object)
        if shouldSkip(object, live: live, options: options) {
            return ApplyPlan(entry: ChangeSetEntry(object, .skipped))
        }
        var dryRun: KubeObject
        do {
            dryRun = try await serverSideApply(object, dryRun: true)
        } catch {
            guard let existing = live, shouldForce(object, live: existing, options: options, error: error) else {
                throw FluxSSAError.dryRun(ObjMetadata(object), error)
            }
            try await recreate(existing, options: options)
            live = nil
            do { dryRun = try await serverSideApply(object, dryRun: true) } catch {
                throw FluxSSAError.dryRun(ObjMetadata(object), error)
            }
        }
        let cleaned = try await cleanupMetadata(desired: object, live: live, options: options.cleanup)
        if cleaned || Self.hasDrifted(live: live, dryRun: dryRun) {
            return ApplyPlan(entry: ChangeSetEntry(dryRun, dryRun.resourceVersion.isEmpty ? .created : .configured), toApply: object)
        }
        return ApplyPlan(entry: ChangeSetEntry(dryRun, .unchanged))
    }

    /// `shouldSkipApply`: excluded (desired or live), or if-not-present and the object exists.
    func shouldSkip(_ desired: KubeObject, live: KubeObject?, options: ApplyOptions) -> Bool {
        if desired.anyInMetadata(options.exclusionSelector) || (live?.anyInMetadata(options.exclusionSelector) ?? false) {
            return true
        }
        if let live, !live.uid.isEmpty, desired.anyInMetadata(options.ifNotPresentSelector) { return true }
        return false
    }

    /// `shouldForceApply`: an immutable-field error, with `force` or a matching force selector.
    func shouldForce(_ desired: KubeObject, live: KubeObject, options: ApplyOptions, error: KubeClientError) -> Bool {
        guard Self.isImmutableError(error) else { return false }
        return options.force || desired.anyInMetadata(options.forceSelector) || live.anyInMetadata(options.forceSelector)
    }

    /// `ssa/errors.IsImmutableError`: Conflict or Invalid (as kubectl decides), or a message
    /// saying `is immutable` / `immutable field` (webhooks and CEL rules).
    public static func isImmutableError(_ error: KubeClientError) -> Bool {
        if error.isConflict || error.isInvalid { return true }
        let text = error.description
        return text.range(of: #"is\simmutable"#, options: .regularExpression) != nil
            || text.range(of: #"immutable\sfield"#, options: .regularExpression) != nil
    }

    /// Deletes `live` (background propagation) and polls until it is gone, for at most
    /// `options.waitTimeout`.
    func recreate(_ live: KubeObject, options: ApplyOptions) async throws(FluxSSAError) {
        let subject = live.subject
        do { try await deleteObject(live, propagationPolicy: "Background") } catch where !error.isNotFound {
            throw FluxSSAError(.recreate, "\(subject) immutable field detected, failed to delete object: \(error)", cause: error)
        } catch {}
        let deadline = ContinuousClock.now.advanced(by: options.waitTimeout)
        while true {
            do {
                if try await liveObject(live) == nil { return }
            } catch {
                throw FluxSSAError(.recreate, "\(subject) immutable field detected, failed to wait for object to be deleted: \(error)", cause: error)
            }
            guard ContinuousClock.now.advanced(by: options.waitInterval) < deadline,
                  (try? await Task.sleep(for: options.waitInterval)) != nil else {
                throw FluxSSAError(.recreate, "\(subject) immutable field detected, failed to wait for object to be deleted: context deadline exceeded")
            }
        }
    }

    /// `hasDrifted`: a dry-run without a resource version (a create), different labels or
    /// annotations, or a different object outside `metadata` and `status`.
    public static func hasDrifted(live: KubeObject?, dryRun: KubeObject) -> Bool {
        if dryRun.resourceVersion.isEmpty { return true }
        guard let live else { return true }
        if live.labels != dryRun.labels || live.annotations != dryRun.annotations { return true }
        return !prepareForDiff(live).raw.isEqualAsJSON(to: prepareForDiff(dryRun).raw)
    }

    /// The object without `metadata` and `status`, normalized as a dry-run result.
    static func prepareForDiff(_ object: KubeObject) -> KubeObject {
        var copy = object
        copy.raw["metadata"] = nil
        copy.raw["status"] = nil
        Normalize.dryRunResult(&copy)
        return copy
    }
}
