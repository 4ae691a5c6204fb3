import ArtifactStorage
import FluxAPI
import HelmRepo
import KubeModel

extension HelmRepositoryReconciler {
    /// `reconcileSource`: download the index with the repository's credentials; keep the stored
    /// artifact when the index digest equals its revision; otherwise check the index loads and
    /// announce the new revision (`ArtifactOutdated`, Reconciling "building artifact: new index
    /// revision '…'"). Failures set `FetchFailed=True` with upstream's reason and message.
    func reconcileSource(_ object: inout HelmRepository, _ patcher: SerialPatcher<HelmRepository>,
                         _ state: inout IndexState) async throws(SourceError) -> SubResult {
        func failed(_ error: SourceError) -> SourceError {
            object.markTrue(SourceCondition.fetchFailed, reason: error.reason, message: error.message)
            return error
        }
        if object.spec.url.hasPrefix("oci://") {
            throw failed(.stalling("invalid Helm repository URL: 'oci' URL scheme cannot be used with 'default' HelmRepository type",
                                   reason: SourceReason.urlInvalid))
        }
        let normalized: String
        do { normalized = try HTTPChartRepository.normalizeURL(object.spec.url) } catch {
            throw failed(.stalling("invalid Helm repository URL: \(error.message)", reason: SourceReason.urlInvalid))
        }
        let clientOptions: HelmClientOptions
        do { clientOptions = try await context.clientOptions(for: object, url: normalized) } catch { throw failed(error) }
        if clientOptions.deprecatedTLSConfig {
            context.logger.info("warning: specifying TLS authentication data via `.spec.secretRef` is deprecated, please use `.spec.certSecretRef` instead",
                                metadata: ["name": "\(object.name)", "namespace": "\(object.namespace)"])
        }

        let repository: HTTPChartRepository
        do {
            let getter = try HelmGetter(httpClient: context.http, repositoryURL: normalized, credentials: clientOptions.basicAuth,
                                        passCredentials: object.spec.passCredentials ?? false, tls: clientOptions.tls,
                                        timeout: object.timeout.swiftDuration)
            repository = try HTTPChartRepository(url: object.spec.url, getter: getter)
        } catch {
            throw failed(Self.constructionError(error))
        }

        let download: IndexDownload
        do { download = try await repository.fetchIndex(maxSize: context.options.helmIndexMaxSize) } catch {
            throw failed(.generic("failed to fetch Helm repository index: \(error.message)", reason: MetaReason.failed))
        }
        state.url = repository.url

        if let current = object.artifact, let revision = try? Digest(parsing: current.revision),
           download.revision(revision.algorithm) == current.revision {
            state.artifact = current
            object.deleteCondition(SourceCondition.fetchFailed)
            return .success
        }

        do { state.index = try download.load() } catch {
            throw failed(.generic("failed to load Helm repository from index YAML: \(error.message)", reason: SourceReason.indexationFailed))
        }
        object.deleteCondition(SourceCondition.fetchFailed)

        let revision = download.revision(context.store.storage.digestAlgorithm)
        let message = "new index revision '\(revision)'"
        if object.artifact != nil {
            object.markTrue(SourceCondition.artifactOutdated, reason: SourceReason.newRevision, message: message)
        }
        object.progressiveStatus(drift: true, reason: MetaReason.progressing, message: "building artifact: \(message)")
        try await patcher.patch(&object)
        state.artifact = context.store.newArtifact(kind: HelmRepository.apiResource.kind, namespace: object.namespace, name: object.name,
                                                   revision: revision, fileName: "index-\(Revision.hash(of: revision)).yaml")
        return .success
    }

    /// The stalling error of `NewChartRepository`: a URL that does not parse is `URLInvalid`,
    /// anything else (an unsupported scheme, TLS material) `Failed`.
    static func constructionError(_ error: HelmRepoError) -> SourceError {
        if error.kind == .invalidURL, !error.message.hasPrefix("scheme ") {
            return .stalling("invalid Helm repository URL: \(error.message)", reason: SourceReason.urlInvalid)
        }
        return .stalling("failed to construct Helm client: \(error.message)", reason: MetaReason.failed)
    }
}
