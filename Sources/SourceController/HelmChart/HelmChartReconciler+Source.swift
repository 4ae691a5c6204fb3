import ControllerRuntime
import FluxAPI
import HelmRepo
import KubeModel

/// The source a HelmChart is built from.
enum ChartSource: Sendable {
    case helmRepository(HelmRepository)
    case gitRepository(GitRepository)
    case bucket(Bucket)

    var artifact: Artifact? {
        switch self {
        case .helmRepository(let r): r.status.artifact
        case .gitRepository(let r): r.status.artifact
        case .bucket(let b): b.status.artifact
        }
    }

    /// OCI HelmRepositories have no artifact by design.
    var isOCIHelmRepository: Bool {
        if case .helmRepository(let r) = self { return r.repositoryType == .oci }
        return false
    }
}

/// Why a chart build failed: a build error of the chart builder (with its reason), or a failure
/// around it (credentials, configuration) that already set its own condition.
enum BuildFailure: Error {
    case build(HelmRepoError)
    case source(SourceError)
}

extension HelmChartReconciler {
    /// `reconcileSource`: find the source, require its artifact (except for OCI HelmRepositories:
    /// `NoSourceArtifact` and a requeue), record its revision, build the chart, and observe the
    /// build on the object. Build errors of a persistent kind (`InvalidChartReference`, …) stall.
    func reconcileSource(_ object: inout HelmChart, _ patcher: SerialPatcher<HelmChart>, _ build: inout ChartBuild) async throws(SourceError) -> SubResult {
        if object.isFalse(SourceCondition.sourceVerified) { object.deleteCondition(SourceCondition.sourceVerified) }

        let source: ChartSource
        do { source = try await getSource(object) } catch {
            object.markTrue(SourceCondition.fetchFailed, reason: error.reason, message: error.message)
            throw error
        }
        let kind = object.spec.sourceRef.kind.rawValue
        let name = object.spec.sourceRef.name
        var available = false
        if let artifact = source.artifact { available = await context.store.exists(artifact) }
        if !available, !source.isOCIHelmRepository {
            let message = "no artifact available for \(kind) source '\(name)'"
            object.markTrue(SourceCondition.fetchFailed, reason: "NoSourceArtifact", message: message)
            context.summarizer.eventLog(object, .trace, reason: "NoSourceArtifact", message)
            return .requeue
        }
        if let artifact = source.artifact { object.status.observedSourceArtifactRevision = artifact.revision }

        let outcome: Result<ChartBuild, BuildFailure>
        switch source {
        case .helmRepository(let repository): outcome = await buildFromHelmRepository(&object, repository)
        case .gitRepository, .bucket: outcome = await buildFromTarballArtifact(&object, source)
        }
        switch outcome {
        case .success(let built):
            build = built
            await observeChartBuild(&object, patcher, built, nil)
            return .success
        case .failure(let failure):
            await observeChartBuild(&object, patcher, ChartBuild(), failure)
            switch failure {
            case .source(let error): throw error
            case .build(let error):
                let reason = error.buildReason ?? .unknown
                throw reason.isPersistent ? SourceError.stalling(error.message, reason: reason.reason)
                    : SourceError.generic(error.message, reason: reason.reason)
            }
        }
    }

    /// `getSource`: the referenced object from the cache.
    /// - Throws: generic `SourceUnavailable` "failed to get source: <kind> \"<name>\" not found".
    func getSource(_ object: HelmChart) async throws(SourceError) -> ChartSource {
        let namespace = object.namespace
        let name = object.spec.sourceRef.name
        func notFound(_ resource: String) -> SourceError {
            .generic("failed to get source: \(resource).\(FluxGroups.source) \"\(name)\" not found", reason: "SourceUnavailable")
        }
        do {
            switch object.spec.sourceRef.kind {
            case .helmRepository:
                await context.cache.informer(HelmRepository.self).waitForSync()
                guard let r = try await context.cache.get(HelmRepository.self, namespace: namespace, name: name) else { throw notFound("helmrepositories") }
                return .helmRepository(r)
            case .gitRepository:
                await context.cache.informer(GitRepository.self).waitForSync()
                guard let r = try await context.cache.get(GitRepository.self, namespace: namespace, name: name) else { throw notFound("gitrepositories") }
                return .gitRepository(r)
            case .bucket:
                await context.cache.informer(Bucket.self).waitForSync()
                guard let b = try await context.cache.get(Bucket.self, namespace: namespace, name: name) else { throw notFound("buckets") }
                return .bucket(b)
            }
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError.generic("failed to get source: \(error)", reason: "SourceUnavailable")
        }
    }

    /// `observeChartBuild`: announce a new chart (`ArtifactOutdated=NewChart`, Reconciling
    /// "building artifact: <summary>", patched at once); on a complete build clear the failure
    /// conditions and mark `SourceVerified`; map a failure to `BuildFailed`/`FetchFailed` (and
    /// `SourceVerified=False` for verification errors) with the build error's reason.
    func observeChartBuild(_ object: inout HelmChart, _ patcher: SerialPatcher<HelmChart>, _ build: ChartBuild, _ failure: BuildFailure?) async {
        if build.hasMetadata, build.name != (object.status.observedChartName ?? "") || !object.artifact.hasRevision(build.version) {
            if object.artifact != nil {
                object.markTrue(SourceCondition.artifactOutdated, reason: "NewChart", message: build.summary)
            }
            object.progressiveStatus(drift: true, reason: MetaReason.progressing, message: "building artifact: \(build.summary)")
            do { try await patcher.patch(&object) } catch {
                context.logger.error("failed to patch", metadata: ["error": "\(error.message)", "name": "\(object.name)"])
            }
        }
        if build.isComplete {
            object.deleteCondition(SourceCondition.fetchFailed)
            object.deleteCondition(SourceCondition.buildFailed)
            object.markTrue(SourceCondition.sourceVerified, reason: MetaReason.succeeded, message: "verified signature of version \(build.version)")
        }
        if object.spec.verify == nil { object.deleteCondition(SourceCondition.sourceVerified) }
        guard let failure else { return }
        let reason: ChartBuildReason
        let message: String
        switch failure {
        case .build(let error):
            reason = error.buildReason ?? .unknown
            message = error.buildReason == nil ? "\(ChartBuildReason.unknown.summary): \(error.message)" : error.message
        case .source(let error):
            reason = .unknown
            message = "\(ChartBuildReason.unknown.summary): \(error.message)"
        }
        switch reason {
        case .metadataPatch, .valuesFilesMerge, .dependencyBuild, .chartPackage:
            object.deleteCondition(SourceCondition.fetchFailed)
            object.markTrue(SourceCondition.buildFailed, reason: reason.reason, message: message)
        case .chartVerification:
            object.deleteCondition(SourceCondition.fetchFailed)
            object.markTrue(SourceCondition.buildFailed, reason: reason.reason, message: message)
            object.markFalse(SourceCondition.sourceVerified, reason: SourceReason.verificationError, message: message)
        default:
            object.deleteCondition(SourceCondition.buildFailed)
            object.markTrue(SourceCondition.fetchFailed, reason: reason.reason, message: message)
        }
    }
}
