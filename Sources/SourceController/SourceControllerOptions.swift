import Foundation

/// source-controller's own flags (`main.go` of v1.2.2), with its defaults.
///
/// The runtime flags every Flux controller shares (`--concurrent`'s process-wide override,
/// `--min-retry-delay`/`--max-retry-delay`, `--watch-*`, leader election, `--events-addr`) live
/// in the manager's `ManagerOptions`; `concurrent` here is source-controller's default (2) when
/// `ManagerOptions.concurrent` is unset.
public struct SourceControllerOptions: Sendable {
    /// `--storage-path` (env `STORAGE_PATH`): the artifact root; created when missing.
    public var storagePath: String
    /// `--storage-addr` (env `STORAGE_ADDR`, `:9090`): where the artifact file server listens
    /// (port 0 picks a free port; the handle reports the bound one).
    public var storageAddress: String
    /// `--storage-adv-addr` (env `STORAGE_ADV_ADDR`): the host[:port] in artifact URLs; empty
    /// derives it from the listen address (`0.0.0.0` → host name, empty host → `localhost`).
    public var storageAdvertisedAddress: String
    /// `--artifact-retention-ttl` (60 s).
    public var artifactRetentionTTL: Duration = .seconds(60)
    /// `--artifact-retention-records` (2).
    public var artifactRetentionRecords = 2
    /// `--artifact-digest-algo` (`sha256`; also `sha384`, `sha512`, `blake3`).
    public var artifactDigestAlgorithm = "sha256"
    /// `--concurrent`: reconciles at once per controller (source-controller's default 2).
    public var concurrent = 2
    /// `--requeue-dependency` (30 s).
    public var requeueDependency: Duration = .seconds(30)
    /// `--interval-jitter-percentage` (5): ±percent applied to every success requeue interval.
    public var intervalJitterPercentage = 5
    /// `--helm-index-max-size` (50 MiB).
    public var helmIndexMaxSize = 50 << 20
    /// `--helm-chart-max-size` (10 MiB).
    public var helmChartMaxSize = 10 << 20
    /// `--helm-chart-file-max-size` (5 MiB).
    public var helmChartFileMaxSize = 5 << 20
    /// `--helm-cache-max-size` (0: no index cache).
    public var helmCacheMaxSize = 0
    /// `--helm-cache-ttl` (15 m).
    public var helmCacheTTL: Duration = .seconds(15 * 60)
    /// `--helm-cache-purge-interval` (1 m).
    public var helmCachePurgeInterval: Duration = .seconds(60)
    /// The keyless cosign trust root, PEM: Fulcio root (and intermediate) certificates and Rekor
    /// public keys. Flux fetches Sigstore's public roots online; SwiftFlux takes them from here
    /// (nil: keyless verification fails with "no keyless trust root configured").
    public var cosignFulcioPEM: String?
    public var cosignRekorPublicKeysPEM: String?

    /// Flux's defaults, reading `STORAGE_PATH`, `STORAGE_ADDR` and `STORAGE_ADV_ADDR` from the
    /// environment as source-controller does.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        storagePath = environment["STORAGE_PATH"] ?? ""
        storageAddress = environment["STORAGE_ADDR"].flatMap { $0.isEmpty ? nil : $0 } ?? ":9090"
        storageAdvertisedAddress = environment["STORAGE_ADV_ADDR"] ?? ""
    }
}
