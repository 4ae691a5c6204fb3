import ArtifactStorage
import FluxAPI
import HelmRepo
import KubeModel

extension HelmRepositoryReconciler {
    /// `reconcileArtifact`: nothing to do when the stored artifact has the revision and digest
    /// (Trace `ArtifactUpToDate`); otherwise write the index as JSON under the artifact's lock,
    /// record it, cache the index and point `index.yaml` at it. On the way out, an artifact
    /// matching the revision clears `ArtifactOutdated` and sets `ArtifactInStorage`.
    func reconcileArtifact(_ object: inout HelmRepository, _ state: inout IndexState) async throws(SourceError) -> SubResult {
        let revision = state.artifact.revision
        defer {
            if object.artifact.hasRevision(revision) {
                object.deleteCondition(SourceCondition.artifactOutdated)
                object.markTrue(SourceCondition.artifactInStorage, reason: MetaReason.succeeded, message: "stored artifact: revision '\(revision)'")
            }
        }
        let store = context.store
        if object.artifact.hasRevision(revision), object.artifact.hasDigest(state.artifact.digest) {
            if let cache = context.indexCache { await cache.setExpiration(state.artifact.path, ttl: context.options.helmCacheTTL) }
            context.summarizer.eventLog(object, .trace, reason: SourceReason.artifactUpToDate,
                                        "artifact up-to-date with remote revision: '\(revision)'")
            return .success
        }

        func storageFailed(_ reason: String, _ message: String) -> SourceError {
            let error = SourceError.generic(message, reason: reason)
            object.markTrue(SourceCondition.storageOperationFailed, reason: reason, message: message)
            return error
        }
        do { try await store.makeDirectory(for: state.artifact) } catch {
            throw storageFailed(SourceReason.directoryCreationFailed, "failed to create artifact directory: \(error.message)")
        }
        let lock: ArtifactLock
        do { lock = try await store.lock(state.artifact) } catch {
            throw SourceError.generic("failed to acquire lock for artifact: \(error.message)", reason: MetaReason.failed)
        }
        defer { lock.unlock() }
        guard let index = state.index else {
            throw storageFailed(SourceReason.archiveOperationFailed, "unable to get JSON index from chart repo: index not loaded yet")
        }
        var artifact = state.artifact
        do { try await store.copy(index.jsonBytes(), into: &artifact) } catch {
            throw storageFailed(SourceReason.archiveOperationFailed, "unable to save artifact to storage: \(error.message)")
        }
        state.artifact = artifact
        object.artifact = artifact
        if let cache = context.indexCache {
            do { try await cache.set(artifact.path, index, ttl: context.options.helmCacheTTL) } catch {
                context.summarizer.eventLog(object, .trace, reason: SourceReason.cacheOperationFailed, "failed to cache index: \(error.message)")
            }
        }
        do {
            let url = try await store.symlink(artifact, linkName: "index.yaml")
            if !url.isEmpty { object.statusURL = url }
        } catch {
            context.summarizer.eventLog(object, .trace, reason: SourceReason.symlinkUpdateFailed,
                                        "failed to update status URL symlink: \(error.message)")
        }
        object.deleteCondition(SourceCondition.storageOperationFailed)
        return .success
    }
}
