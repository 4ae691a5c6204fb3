import ControllerRuntime
import FluxAPI
import KubeModel

extension HelmRepositoryReconciler {
    /// `reconcileStorage`: garbage-collect, drop an advertised artifact that vanished or fails
    /// its integrity check (Warning `ArtifactVerificationFailed`, file deleted), mark
    /// "building artifact" when there is none, else refresh the URLs' host.
    func reconcileStorage(_ object: inout HelmRepository, _ patcher: SerialPatcher<HelmRepository>) async throws(SourceError) -> SubResult {
        _ = try? await garbageCollect(&object)
        let missing = try await checkStoredArtifact(&object, store: context.store, events: context.events)
        guard var artifact = object.artifact else {
            object.progressiveStatus(drift: true, reason: MetaReason.progressing,
                                     message: missing ? "building artifact: disappeared from storage" : "building artifact")
            object.deleteCondition(SourceCondition.artifactInStorage)
            try await patcher.patch(&object)
            return .success
        }
        context.store.setURL(&artifact)
        object.artifact = artifact
        object.statusURL = context.store.setHostname(object.statusURL)
        return .success
    }

    /// `garbageCollect`: for a deleted object (or one no longer of type `default`) remove every
    /// artifact and clean the status; otherwise keep the current artifact and what the retention
    /// flags allow.
    func garbageCollect(_ object: inout HelmRepository) async throws(SourceError) {
        if object.isBeingDeleted || object.repositoryType != .default {
            let deleted: String?
            do {
                deleted = try await context.store.removeAll(kind: HelmRepository.apiResource.kind, namespace: object.namespace, name: object.name)
            } catch {
                throw SourceError.generic("garbage collection for deleted resource failed: \(error.message)", reason: "GarbageCollectionFailed")
            }
            if deleted != nil {
                context.summarizer.eventLog(object, .trace, reason: "GarbageCollectionSucceeded", "garbage collected artifacts for deleted resource")
            }
            object.artifact = nil
            object.statusURL = ""
            object.conditions = []
            return
        }
        guard let artifact = object.artifact else { return }
        let deleted: [String]
        do { deleted = try await context.store.garbageCollect(artifact) } catch {
            throw SourceError.generic("garbage collection of artifacts failed: \(error.message)", reason: "GarbageCollectionFailed")
        }
        if !deleted.isEmpty {
            context.summarizer.eventLog(object, .trace, reason: "GarbageCollectionSucceeded", "garbage collected \(deleted.count) artifacts")
        }
    }

    /// `reconcileDelete`: remove every artifact, then the finalizer.
    func reconcileDelete(_ object: inout HelmRepository) async throws(SourceError) -> SubResult {
        try await garbageCollect(&object)
        if object.isBeingDeleted { _ = object.metadata.removeFinalizer(FluxFinalizer.name) }
        return .empty
    }

    /// `migrationToStatic`: an OCI HelmRepository loses its artifacts, finalizer and status once,
    /// with the Trace event `Migration`.
    func migrationToStatic(_ object: inout HelmRepository, _ patcher: SerialPatcher<HelmRepository>) async throws(SourceError) {
        if object.isSuspended && !object.isBeingDeleted { return }
        guard Self.requiresMigration(object) else { return }
        _ = try await reconcileDelete(&object)
        _ = object.metadata.removeFinalizer(FluxFinalizer.name)
        object.status = HelmRepositoryStatus()
        try await patcher.patch(&object)
        context.summarizer.eventLog(object, .trace, reason: "Migration",
                                    "removed artifact and finalizer to migrate to static HelmRepository of type OCI")
    }

    /// `HelmRepositoryOCIRequireMigration`: every non-OCI repository; an OCI one while it still
    /// has the finalizer or a non-empty status.
    static func requiresMigration(_ object: HelmRepository) -> Bool {
        guard object.repositoryType == .oci else { return true }
        if object.metadata.hasFinalizer(FluxFinalizer.name) { return true }
        let status = object.status
        let empty = (status.observedGeneration ?? 0) == 0 && status.conditions == nil && (status.url ?? "").isEmpty
            && status.artifact == nil && (status.lastHandledReconcileAt ?? "").isEmpty
        return !empty
    }
}

/// The integrity part of `reconcileStorage`, shared by the source kinds: clears
/// `status.artifact` and `status.url` when the advertised file is missing, or when its digest no
/// longer matches (then it also records `ArtifactVerificationFailed` and deletes the file).
/// - Returns: whether the artifact went missing.
func checkStoredArtifact<T: SourceObject>(_ object: inout T, store: ArtifactStore, events: EventRecorder) async throws(SourceError) -> Bool {
    guard let artifact = object.artifact else { return false }
    var missing = !(await store.exists(artifact))
    if !missing {
        do { try await store.verify(artifact) } catch {
            events.event(object, type: .warning, reason: "ArtifactVerificationFailed",
                         message: "failed to verify integrity of artifact: \(error.message)")
            do { try await store.remove(artifact) } catch {
                throw SourceError.plain("failed to remove artifact after digest mismatch: \(error.message)")
            }
            missing = true
        }
    }
    if missing {
        object.artifact = nil
        object.statusURL = ""
    }
    return missing
}
