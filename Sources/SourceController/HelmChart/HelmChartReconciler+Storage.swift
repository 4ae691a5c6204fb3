import FluxAPI
import KubeModel

extension HelmChartReconciler {
    /// `reconcileStorage`: garbage-collect, drop a missing or corrupted artifact, mark "building
    /// artifact" when there is none, else refresh the URLs' host.
    func reconcileStorage(_ object: inout HelmChart, _ patcher: SerialPatcher<HelmChart>) async throws(SourceError) -> SubResult {
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

    /// `garbageCollect`: everything of a deleted object, else what the retention flags allow.
    func garbageCollect(_ object: inout HelmChart) async throws(SourceError) {
        if object.isBeingDeleted {
            let deleted: String?
            do {
                deleted = try await context.store.removeAll(kind: HelmChart.apiResource.kind, namespace: object.namespace, name: object.name)
            } catch {
                throw SourceError.generic("garbage collection for deleted resource failed: \(error.message)", reason: "GarbageCollectionFailed")
            }
            if deleted != nil {
                context.summarizer.eventLog(object, .trace, reason: "GarbageCollectionSucceeded", "garbage collected artifacts for deleted resource")
            }
            object.artifact = nil
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
    func reconcileDelete(_ object: inout HelmChart) async throws(SourceError) -> SubResult {
        try await garbageCollect(&object)
        _ = object.metadata.removeFinalizer(FluxFinalizer.name)
        return .empty
    }
}
