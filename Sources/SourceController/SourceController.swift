import ArtifactHTTP
import ArtifactStorage
import AsyncHTTPClient
import ControllerRuntime
import Cosign
import FluxAPI
import Foundation
import HelmRepo
import KubeModel
import Logging

/// The source-controller: registers the HelmRepository and HelmChart controllers on a manager and
/// serves the artifact storage over HTTP.
public enum SourceController {
    /// The HelmChart index of their source, `<namespace>/<kind>/<name>` (upstream's
    /// `spec.sourceRef` index, scoped to the chart's namespace).
    public static let sourceIndex = ".metadata.source"

    /// The kinds this controller reconciles, for `ControllerRuntime(ownKinds:)` (the
    /// `--watch-label-selector` applies to their watches).
    public static let ownKinds = [HelmRepository.apiResource, HelmChart.apiResource]

    /// Prepares the storage (`--storage-path`, created when missing), starts the artifact file
    /// server on `--storage-addr` and waits until it listens, then registers the controllers:
    /// - `helmrepository`: HelmRepositories on generation changes, reconcile requests and deletion
    ///   (OCI ones only while they still need their one-time migration);
    /// - `helmchart`: HelmCharts likewise, plus a HelmRepository, GitRepository or Bucket whose
    ///   artifact revision changed re-queues the charts of that source whose
    ///   `observedSourceArtifactRevision` differs.
    /// Call before `manager.run()`; call `shutdown()` on the handle after the manager returns.
    /// - Throws: `SourceError` for an unusable storage path, digest algorithm, address or trust
    ///   root, or when the file server cannot listen.
    public static func register(on manager: ControllerManager, options: SourceControllerOptions) async throws(SourceError) -> SourceControllerHandle {
        let algorithm: DigestAlgorithm
        do { algorithm = try DigestAlgorithm(name: options.artifactDigestAlgorithm) } catch {
            throw SourceError.invalidOption("unable to configure canonical digest algorithm: \(error.message)")
        }
        guard !options.storagePath.isEmpty else { throw SourceError.invalidOption("invalid dir path: ") }
        try? FileManager.default.createDirectory(atPath: options.storagePath, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let address: StorageAddress
        do { address = try StorageAddress(parsing: options.storageAddress) } catch {
            throw SourceError.invalidOption("unable to parse storage address: \(error.message)")
        }
        let trustRoot = try Self.trustRoot(options)

        var logger = manager.logger
        logger[metadataKey: "controllerGroup"] = "\(FluxGroups.source)"
        let server = try await ArtifactServerTask.start(root: options.storagePath, address: address, logger: logger)
        let advertised = options.storageAdvertisedAddress.isEmpty ? address.advertised(port: server.port) : options.storageAdvertisedAddress
        let storage: Storage
        do {
            storage = try Storage(basePath: options.storagePath, hostname: advertised, retentionTTL: options.artifactRetentionTTL,
                                  retentionRecords: options.artifactRetentionRecords, digestAlgorithm: algorithm)
        } catch {
            await server.stop()
            throw SourceError.invalidOption("unable to initialise storage: \(error.message)")
        }

        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let indexCache = options.helmCacheMaxSize > 0 ? IndexCache(maxItems: options.helmCacheMaxSize) : nil
        let janitor = indexCache.map { cache in Task { await cache.runJanitor(every: options.helmCachePurgeInterval) } }
        if indexCache == nil { logger.info("caching of Helm index files is disabled") }
        let context = SourceContext(client: manager.client, cache: manager.cache, events: manager.events, metrics: manager.fluxMetrics,
                                    store: ArtifactStore(storage: storage), http: http, indexCache: indexCache, trustRoot: trustRoot,
                                    options: options, logger: logger)
        await registerHelmRepository(manager, context)
        await registerHelmChart(manager, context)
        return SourceControllerHandle(storagePath: options.storagePath, advertisedAddress: advertised, server: server, http: http,
                                      janitor: janitor)
    }

    static func registerHelmRepository(_ manager: ControllerManager, _ context: SourceContext) async {
        var log = context.logger
        log[metadataKey: "controller"] = "helmrepository"
        log[metadataKey: "controllerKind"] = "HelmRepository"
        let reconciler = HelmRepositoryReconciler(context: context.with(logger: log))
        let controller = manager.controller(name: "helmrepository", kind: "HelmRepository", group: FluxGroups.source,
                                            reconciler: reconciler, defaultConcurrency: context.options.concurrent)
        let repositories = await manager.cache.informer(HelmRepository.self)
        await controller.watch(repositories, predicate: ociMigration && .fluxPrimary)
    }

    static func registerHelmChart(_ manager: ControllerManager, _ context: SourceContext) async {
        var log = context.logger
        log[metadataKey: "controller"] = "helmchart"
        log[metadataKey: "controllerKind"] = "HelmChart"
        let reconciler = HelmChartReconciler(context: context.with(logger: log))
        let controller = manager.controller(name: "helmchart", kind: "HelmChart", group: FluxGroups.source,
                                            reconciler: reconciler, defaultConcurrency: context.options.concurrent)
        let charts = await manager.cache.informer(HelmChart.self)
        await charts.addIndex(sourceIndex) { object in
            let kind = object.raw[path: ["spec", "sourceRef", "kind"]]?.stringValue ?? ""
            let name = object.raw[path: ["spec", "sourceRef", "name"]]?.stringValue ?? ""
            return ["\(object.namespace)/\(kind)/\(name)"]
        }
        await controller.watch(charts, predicate: .fluxPrimary)
        for (kind, informer) in [("HelmRepository", await manager.cache.informer(HelmRepository.self)),
                                 ("GitRepository", await manager.cache.informer(GitRepository.self)),
                                 ("Bucket", await manager.cache.informer(Bucket.self))] {
            await controller.watch(informer, predicate: sourceRevisionChanged) { event in
                let source = event.object
                guard let revision = source.raw[path: ["status", "artifact", "revision"]]?.stringValue else { return [] }
                return await charts.byIndex(sourceIndex, "\(source.namespace)/\(kind)/\(source.name)").compactMap { chart in
                    let observed = chart.raw[path: ["status", "observedSourceArtifactRevision"]]?.stringValue ?? ""
                    return observed == revision ? nil : ObjectKey(chart)
                }
            }
        }
    }

    /// `HelmRepositoryOCIMigrationPredicate`: every non-OCI HelmRepository event; OCI ones only
    /// while they carry the finalizer or a status.
    static let ociMigration = Predicate { event in
        guard let repository = try? HelmRepository(object: event.object) else { return false }
        return HelmRepositoryReconciler.requiresMigration(repository)
    }

    /// `SourceRevisionChangePredicate`: updates that give a source its first artifact or a new
    /// artifact revision; never creates or deletes.
    static let sourceRevisionChanged = Predicate { event in
        guard case .updated(let old, let new) = event else { return false }
        let before = old.raw[path: ["status", "artifact"]].flatMap { $0 == .null ? nil : $0 }
        guard let after = new.raw[path: ["status", "artifact"]].flatMap({ $0 == .null ? nil : $0 }) else { return false }
        guard let before else { return true }
        return before["revision"]?.stringValue != after["revision"]?.stringValue
    }

    static func trustRoot(_ options: SourceControllerOptions) throws(SourceError) -> CosignTrustRoot? {
        guard let fulcio = options.cosignFulcioPEM, let rekor = options.cosignRekorPublicKeysPEM else { return nil }
        do { return try CosignTrustRoot(fulcioPEM: fulcio, rekorPublicKeysPEM: rekor) } catch {
            throw SourceError.invalidOption("unable to load the cosign trust root: \(error.message)")
        }
    }
}

extension SourceContext {
    /// The same context with another logger (one per controller).
    func with(logger: Logger) -> SourceContext {
        SourceContext(client: client, cache: cache, events: events, metrics: metrics, store: store, http: http, indexCache: indexCache,
                      trustRoot: trustRoot, options: options, logger: logger)
    }
}
