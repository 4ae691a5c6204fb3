import ControllerRuntime
import FluxAPI
import HelmRepo
import KubeModel

/// The HelmRepository reconciler (source-controller v1.2.2 `helmrepository_controller.go`):
/// `type: default` repositories get their index downloaded, checked and stored as an artifact
/// every interval; `type: oci` repositories are static and only migrated once.
struct HelmRepositoryReconciler: Reconciler {
    let context: SourceContext

    /// `helmRepositoryReadyCondition`.
    static let readySummary = ReadySummary(
        owned: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.artifactOutdated,
                SourceCondition.artifactInStorage, MetaCondition.ready, MetaCondition.reconciling, MetaCondition.stalled],
        summarize: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.artifactOutdated,
                    SourceCondition.artifactInStorage, MetaCondition.stalled, MetaCondition.reconciling],
        negativePolarity: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.artifactOutdated,
                           MetaCondition.stalled, MetaCondition.reconciling])

    /// `helmRepositoryFailConditions`.
    static let failConditions = [SourceCondition.fetchFailed, SourceCondition.storageOperationFailed]

    /// What the sub-reconcilers hand on to each other: the artifact to store, the fetched index
    /// and the repository URL.
    struct IndexState {
        var artifact = Artifact(path: "", url: "", revision: "", lastUpdateTime: "")
        var index: IndexFile?
        var url = ""
    }

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard case .object(var object) = try await TypedRead.read(HelmRepository.self, key, cache: context.cache,
                                                                  client: context.client) else { return .done }
        let start = ContinuousClock.now
        let patcher = try SerialPatcher(client: context.client, object: object)
        if object.repositoryType == .oci {
            try await migrationToStatic(&object, patcher)
            await context.waitForCache(HelmRepository.self, key, resourceVersion: patcher.resourceVersion)
            return .done
        }

        var result = SubResult.empty
        var failure: SourceError?
        if object.isBeingDeleted {
            do { result = try await reconcileDelete(&object) } catch { failure = error }
        } else if !object.metadata.hasFinalizer(FluxFinalizer.name) {
            _ = object.metadata.addFinalizer(FluxFinalizer.name)
            result = .requeue
        } else if object.isSuspended {
            context.logger.info("reconciliation is suspended for this object",
                                metadata: ["name": "\(object.name)", "namespace": "\(object.namespace)"])
        } else {
            (result, failure) = await reconcileSteps(&object, patcher)
        }

        let interval = context.jittered(object.interval.swiftDuration)
        let (runtime, error) = await context.summarizer.summarizeAndPatch(
            &object, patcher: patcher, summary: Self.readySummary, result: result, error: failure, interval: interval)
        context.record(object, since: start)
        await context.waitForCache(HelmRepository.self, key, resourceVersion: patcher.resourceVersion)
        if let error { throw error }
        return runtime.reconcileResult
    }

    /// `reconcile`: persist the progressing state, run storage → source → artifact (stopping at
    /// the first error or requeue), then notify.
    func reconcileSteps(_ object: inout HelmRepository, _ patcher: SerialPatcher<HelmRepository>) async -> (SubResult, SourceError?) {
        let old = object
        do { try await object.beginReconcile(patcher) } catch {
            return (.empty, error)
        }

        var state = IndexState()
        var result = SubResult.empty
        do {
            for step in 0..<3 {
                let outcome: SubResult
                switch step {
                case 0: outcome = try await reconcileStorage(&object, patcher)
                case 1: outcome = try await reconcileSource(&object, patcher, &state)
                default: outcome = try await reconcileArtifact(&object, &state)
                }
                if outcome == .requeue { return (.requeue, nil) }
                result = .lowestRequeuing(result, outcome)
            }
        } catch {
            notify(old, object, state, .empty, error)
            return (.empty, error)
        }
        notify(old, object, state, result, nil)
        return (result, nil)
    }

    /// `notify`: `NewArtifact` for a new digest, `Succeeded` on recovery from a failure.
    func notify(_ old: HelmRepository, _ new: HelmRepository, _ state: IndexState, _ result: SubResult, _ error: SourceError?) {
        guard error == nil, result == .success, let artifact = new.artifact else { return }
        let message = HumanSize.fetchedIndexMessage(size: artifact.size, url: state.url)
        let annotations = SourceContext.artifactAnnotations(artifact)
        if !old.artifact.hasDigest(artifact.digest) {
            context.summarizer.eventLog(new, .normal, reason: "NewArtifact", message, annotations: annotations)
        } else if FailureRecovery.happened(old, new, Self.failConditions) {
            context.summarizer.eventLog(new, .normal, reason: MetaReason.succeeded, message, annotations: annotations)
        }
    }
}

/// `sreconcile.FailureRecovery`: the old object had a failure condition and the new has none.
enum FailureRecovery {
    static func happened<T: Conditioned>(_ old: T, _ new: T, _ failConditions: [String]) -> Bool {
        var before = 0
        for type in failConditions {
            if old.condition(type) != nil { before += 1 }
            if new.condition(type) != nil { return false }
        }
        return before > 0
    }
}
