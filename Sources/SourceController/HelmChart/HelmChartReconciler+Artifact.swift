import ArtifactStorage
import FluxAPI
import Foundation
import HelmRepo
import KubeModel

extension HelmChartReconciler {
    /// `reconcileArtifact`: without a complete build, requeue; when the build is the stored
    /// chart, Trace `ArtifactUpToDate`; otherwise copy the built chart into storage under the
    /// artifact's lock as `<name>-<version>.tgz`, record it and `observedChartName`, and point
    /// `latest.tar.gz` at it. On the way out, an artifact matching the build clears
    /// `ArtifactOutdated` and sets `ArtifactInStorage` with the build's reason and summary.
    func reconcileArtifact(_ object: inout HelmChart, _ build: ChartBuild) async throws(SourceError) -> SubResult {
        guard build.isComplete else { return .requeue }
        defer {
            if (object.status.observedChartName ?? "") == build.name, object.artifact.hasRevision(build.version) {
                object.deleteCondition(SourceCondition.artifactOutdated)
                object.markTrue(SourceCondition.artifactInStorage, reason: Self.reason(for: build), message: build.summary)
            }
        }
        let store = context.store
        var artifact = store.newArtifact(kind: HelmChart.apiResource.kind, namespace: object.namespace, name: object.name,
                                         revision: build.version, fileName: "\(build.name)-\(build.version).tgz")
        if let current = object.artifact, store.localPath(current) == build.path {
            context.summarizer.eventLog(object, .trace, reason: SourceReason.artifactUpToDate,
                                        "artifact up-to-date with remote revision: '\(artifact.revision)'")
            return .success
        }
        defer { _ = unlink(build.path) }

        func storageFailed(_ reason: String, _ message: String) -> SourceError {
            object.markTrue(SourceCondition.storageOperationFailed, reason: reason, message: message)
            return SourceError.generic(message, reason: reason)
        }
        do { try await store.makeDirectory(for: artifact) } catch {
            throw storageFailed(SourceReason.directoryCreationFailed, "failed to create artifact directory: \(error.message)")
        }
        let lock: ArtifactLock
        do { lock = try await store.lock(artifact) } catch {
            throw storageFailed(SourceReason.acquireLockFailed, "failed to acquire lock for artifact: \(error.message)")
        }
        defer { lock.unlock() }
        do { try await store.copy(fromFile: build.path, into: &artifact) } catch {
            throw storageFailed(SourceReason.archiveOperationFailed, "unable to copy Helm chart to storage: \(error.message)")
        }
        object.artifact = artifact
        object.status.observedChartName = build.name
        do {
            let url = try await store.symlink(artifact, linkName: "latest.tar.gz")
            if !url.isEmpty { object.statusURL = url }
        } catch {
            context.summarizer.eventLog(object, .trace, reason: SourceReason.symlinkUpdateFailed,
                                        "failed to update status URL symlink: \(error.message)")
        }
        object.deleteCondition(SourceCondition.storageOperationFailed)
        return .success
    }
}
