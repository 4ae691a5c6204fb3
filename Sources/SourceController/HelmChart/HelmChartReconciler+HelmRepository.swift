import Foundation
import FluxAPI
import HelmRepo
import KubeModel
import OCIRegistry

extension HelmChartReconciler {
    /// `buildFromHelmRepository`: configure the repository client from the HelmRepository (its
    /// Secrets, `insecure`, timeout; for OCI the registry login and the cosign verifiers), then
    /// resolve, pull and (with values files) package the chart into a temporary file.
    func buildFromHelmRepository(_ object: inout HelmChart, _ repository: HelmRepository) async -> Result<ChartBuild, BuildFailure> {
        func fetchFailed(_ error: SourceError) -> Result<ChartBuild, BuildFailure> {
            object.markTrue(SourceCondition.fetchFailed, reason: error.reason, message: error.message)
            return .failure(.source(error))
        }
        let timeout = repository.timeout.swiftDuration
        let normalized: String
        do { normalized = try HTTPChartRepository.normalizeURL(repository.spec.url) } catch {
            return fetchFailed(HelmRepositoryReconciler.constructionError(error))
        }
        let clientOptions: HelmClientOptions
        do { clientOptions = try await context.clientOptions(for: repository, url: normalized) } catch { return fetchFailed(error) }

        let downloader: any ChartDownloader
        switch repository.repositoryType {
        case .oci:
            guard normalized.hasPrefix("oci://") else {
                return fetchFailed(.stalling("failed to construct Helm client: invalid OCI registry URL: \(normalized)", reason: MetaReason.failed))
            }
            let registry: RegistryClient
            do {
                registry = try RegistryClient(httpClient: context.http, options: .init(
                    credentials: clientOptions.registryCredentials, tls: clientOptions.tls, plainHTTP: repository.spec.insecure ?? false,
                    timeout: timeout, blobCache: .shared))
            } catch {
                return fetchFailed(.generic("failed to construct Helm client: \(error.message)", reason: MetaReason.failed))
            }
            var verifiers: [ChartSignatureVerifier] = []
            if let verify = object.spec.verify {
                do { verifiers = try await makeVerifiers(object, verify, registry: registry) } catch {
                    let provider = verify.secretRef == nil ? "\(verify.provider.rawValue) keyless" : verify.provider.rawValue
                    let failure = SourceError.generic("failed to verify the signature using provider '\(provider)': \(error.message)",
                                                      reason: SourceReason.verificationError)
                    object.markFalse(SourceCondition.sourceVerified, reason: failure.reason, message: failure.message)
                    return .failure(.source(failure))
                }
            }
            let oci: OCIChartRepository
            do { oci = try OCIChartRepository(url: normalized, client: registry, verifiers: verifiers) } catch {
                return fetchFailed(HelmRepositoryReconciler.constructionError(error))
            }
            if clientOptions.registryCredentials != nil {
                do { try await registry.login(registry: RegistryCredentials.host(of: normalized)) } catch {
                    return fetchFailed(.generic("failed to login to OCI registry: \(error.message)", reason: SourceReason.authenticationFailed))
                }
            }
            downloader = oci
        default:
            do {
                let getter = try HelmGetter(httpClient: context.http, repositoryURL: normalized, credentials: clientOptions.basicAuth,
                                            passCredentials: repository.spec.passCredentials ?? false, tls: clientOptions.tls, timeout: timeout)
                let http = try HTTPChartRepository(url: normalized, getter: getter)
                downloader = StoredIndexRepository(base: http, loadIndex: indexLoader(object, repository))
            } catch {
                return fetchFailed(HelmRepositoryReconciler.constructionError(error))
            }
        }

        var options = ChartBuildOptions()
        options.valuesFiles = object.valuesFiles
        options.force = object.generation != object.observedGeneration
        options.verify = object.spec.verify != nil
        options.limits = context.chartLimits
        if let artifact = object.artifact { options.cachedChart = context.store.localPath(artifact) }
        if !options.effectiveValuesFiles.isEmpty { options.versionMetadata = String(object.generation) }
        let reference = RemoteReference(name: object.spec.chart, version: object.spec.version ?? "")
        do {
            return .success(try await RemoteChartBuilder(repository: downloader).build(reference, to: Self.temporaryPath(object), options: options))
        } catch {
            return .failure(.build(error))
        }
    }

    /// The HelmRepository's stored index, from the index cache when enabled (a hit extends its
    /// TTL, a miss loads the file and caches it, a full cache is a Trace `CacheOperationFailed`).
    func indexLoader(_ object: HelmChart, _ repository: HelmRepository) -> @Sendable () async throws(HelmRepoError) -> IndexFile {
        let context = self.context
        let artifact = repository.status.artifact
        return { () throws(HelmRepoError) in
            guard let artifact else { throw HelmRepoError(.index, "no cache path") }
            let ttl = context.options.helmCacheTTL
            if let cache = context.indexCache, let index = await cache.get(artifact.path) {
                await cache.setExpiration(artifact.path, ttl: ttl)
                return index
            }
            let index = try await IndexFile.load(fromFile: context.store.localPath(artifact), maxSize: context.options.helmIndexMaxSize)
            if let cache = context.indexCache {
                do { try await cache.set(artifact.path, index, ttl: ttl) } catch {
                    context.summarizer.eventLog(object, .trace, reason: SourceReason.cacheOperationFailed, "failed to cache index: \(error)")
                }
            }
            return index
        }
    }

    /// `util.TempPathForObj("", ".tgz", obj)`.
    static func temporaryPath(_ object: HelmChart) -> String {
        let directory = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        return directory + "helmchart-\(object.namespace)-\(object.name)-\(UInt32.random(in: 0...UInt32.max)).tgz"
    }
}

/// An HTTP chart repository whose index is the HelmRepository's stored artifact, loaded when a
/// version is first resolved (`StrategicallyLoadIndex` over the artifact path).
struct StoredIndexRepository: ChartDownloader {
    let base: HTTPChartRepository
    let loadIndex: @Sendable () async throws(HelmRepoError) -> IndexFile

    func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion {
        let index: IndexFile
        do { index = try await loadIndex() } catch {
            throw HelmRepoError(.fetch, "failed to load index: failed to load index: \(error.message)")
        }
        return try VersionResolution.chartVersion(in: index, name: name, version: version)
    }

    func verify(_ chart: ChartVersion) async throws(HelmRepoError) { try await base.verify(chart) }

    func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8] {
        try await base.download(chart, maxSize: maxSize)
    }
}
