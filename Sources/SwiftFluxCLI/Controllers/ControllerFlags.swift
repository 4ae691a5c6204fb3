import ArgumentParser
import ControllerRuntime
import GoCompat
import Foundation
import HelmController
import SourceController

/// The flags of Flux's controllers (`fluxcd/pkg/runtime` and each controller's own), shared by
/// `swiftflux controllers` and `swiftflux up`.
struct ControllerFlags: ParsableArguments {
    @Option(help: "Controllers to run, comma-separated: source, helm (kustomize, notification and image controllers are not implemented yet).")
    var controllers: String = "source,helm"
    @Option(help: "The number of concurrent reconciles per controller (default: 2 for source, 4 for helm).")
    var concurrent: Int?
    @Option(name: .customLong("requeue-dependency"), help: "The interval at which failing dependencies are reevaluated.")
    var requeueDependency: String = "30s"
    @Option(name: .customLong("watch-all-namespaces"), help: "Watch for resources in all namespaces, if set to false it will only watch the runtime namespace.")
    var watchAllNamespaces: Bool = true
    @Option(name: .customLong("watch-label-selector"), help: "Watch for resources with matching labels e.g. 'sharding.fluxcd.io/shard=shard1'.")
    var watchLabelSelector: String = ""
    @Flag(name: .customLong("enable-leader-election"), help: "Enable leader election for controller manager.")
    var enableLeaderElection = false
    @Option(name: .customLong("leader-election-lease-duration")) var leaseDuration: String = "35s"
    @Option(name: .customLong("leader-election-renew-deadline")) var renewDeadline: String = "30s"
    @Option(name: .customLong("leader-election-retry-period")) var retryPeriod: String = "5s"
    @Option(name: .customLong("events-addr"), help: "The address of the events receiver.")
    var eventsAddress: String = ""
    @Option(name: .customLong("metrics-addr"), help: "The address the metric endpoint binds to (empty disables it).")
    var metricsAddress: String = "127.0.0.1:8080"
    @Option(name: .customLong("health-addr"), help: "The address the health endpoint binds to (empty disables it).")
    var healthAddress: String = "127.0.0.1:9440"
    @Option(name: .customLong("log-level"), help: "Log verbosity level: debug, info, error.")
    var logLevel: String = "info"
    @Option(name: .customLong("log-encoding"), help: "Log encoding format: json (console is printed as json too).")
    var logEncoding: String = "json"
    @Option(name: .customLong("min-retry-delay")) var minRetryDelay: String = "750ms"
    @Option(name: .customLong("max-retry-delay")) var maxRetryDelay: String = "15m"
    @Option(name: .customLong("interval-jitter-percentage")) var intervalJitterPercentage: Int = 5
    @Option(name: .customLong("kube-api-qps")) var kubeAPIQPS: Double = 50
    @Option(name: .customLong("kube-api-burst")) var kubeAPIBurst: Int = 300
    @Option(name: .customLong("default-service-account"), help: "Default service account used for impersonation.")
    var defaultServiceAccount: String = ""
    @Flag(name: .customLong("no-cross-namespace-refs"), help: "When set to true, references between custom resources are allowed only if the reference and the referee are in the same namespace.")
    var noCrossNamespaceRefs = false
    @Option(name: .customLong("snapshot-digest-algo"), help: "The algorithm to use to calculate the digest of Helm release storage snapshots.")
    var snapshotDigestAlgo: String = "sha256"
    @Option(name: .customLong("http-retry"), help: "The maximum number of retries when failing to fetch artifacts over HTTP.")
    var httpRetry: Int = 9
    @Option(name: .customLong("graceful-shutdown-timeout")) var gracefulShutdownTimeout: String = "600s"
    @Option(name: .customLong("storage-path"), help: "The local storage path (default: $STORAGE_PATH, else ./bin; `up` uses <data-dir>/artifacts).")
    var storagePath: String?
    @Option(name: .customLong("storage-addr"), help: "The address the static file server binds to.")
    var storageAddress: String = ProcessInfo.processInfo.environment["STORAGE_ADDR"] ?? "127.0.0.1:9090"
    @Option(name: .customLong("storage-adv-addr"), help: "The advertised address of the static file server.")
    var storageAdvertisedAddress: String = ProcessInfo.processInfo.environment["STORAGE_ADV_ADDR"] ?? ""
    @Option(name: .customLong("artifact-retention-ttl")) var artifactRetentionTTL: String = "60s"
    @Option(name: .customLong("artifact-retention-records")) var artifactRetentionRecords: Int = 2
    @Option(name: .customLong("artifact-digest-algo"), help: "The algorithm to use to calculate the digest of artifacts.")
    var artifactDigestAlgo: String = "sha256"
    @Option(name: .customLong("helm-index-max-size")) var helmIndexMaxSize: Int = 50 << 20
    @Option(name: .customLong("helm-chart-max-size")) var helmChartMaxSize: Int = 10 << 20
    @Option(name: .customLong("helm-chart-file-max-size")) var helmChartFileMaxSize: Int = 5 << 20
    @Option(name: .customLong("helm-cache-max-size")) var helmCacheMaxSize: Int = 0
    @Option(name: .customLong("helm-cache-ttl")) var helmCacheTTL: String = "15m"
    @Option(name: .customLong("helm-cache-purge-interval")) var helmCachePurgeInterval: String = "1m"

    /// The enabled controller names.
    var enabled: [String] {
        controllers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        for name in enabled where !["source", "helm"].contains(name) {
            throw ValidationError("unknown controller \"\(name)\": this build runs source and helm")
        }
        guard SnapshotDigestAlgorithm(rawValue: snapshotDigestAlgo) != nil else {
            throw ValidationError("unsupported --snapshot-digest-algo \"\(snapshotDigestAlgo)\" (sha256, sha384, sha512)")
        }
        for (flag, value) in [("requeue-dependency", requeueDependency), ("min-retry-delay", minRetryDelay),
                              ("max-retry-delay", maxRetryDelay), ("leader-election-lease-duration", leaseDuration),
                              ("leader-election-renew-deadline", renewDeadline), ("leader-election-retry-period", retryPeriod),
                              ("artifact-retention-ttl", artifactRetentionTTL), ("helm-cache-ttl", helmCacheTTL),
                              ("helm-cache-purge-interval", helmCachePurgeInterval),
                              ("graceful-shutdown-timeout", gracefulShutdownTimeout)] {
            _ = try Self.duration(value, flag: flag)
        }
    }

    static func duration(_ text: String, flag: String) throws -> Duration {
        do {
            let d = try GoDuration.parse(text)
            return .nanoseconds(d.nanoseconds)
        } catch {
            throw ValidationError("invalid value \"\(text)\" for --\(flag): \(error)")
        }
    }

    /// The runtime options these flags describe.
    func managerOptions(runtimeNamespace: String) throws -> ManagerOptions {
        var o = ManagerOptions()
        o.runtimeNamespace = runtimeNamespace
        o.watchAllNamespaces = watchAllNamespaces
        o.watchLabelSelector = watchLabelSelector.isEmpty ? nil : watchLabelSelector
        o.concurrent = concurrent
        o.requeueDependency = try Self.duration(requeueDependency, flag: "requeue-dependency")
        o.minRetryDelay = try Self.duration(minRetryDelay, flag: "min-retry-delay")
        o.maxRetryDelay = try Self.duration(maxRetryDelay, flag: "max-retry-delay")
        o.intervalJitterPercentage = intervalJitterPercentage
        o.enableLeaderElection = enableLeaderElection
        o.leaseDuration = try Self.duration(leaseDuration, flag: "leader-election-lease-duration")
        o.renewDeadline = try Self.duration(renewDeadline, flag: "leader-election-renew-deadline")
        o.retryPeriod = try Self.duration(retryPeriod, flag: "leader-election-retry-period")
        o.eventsAddress = eventsAddress
        o.gracefulShutdownTimeout = try Self.duration(gracefulShutdownTimeout, flag: "graceful-shutdown-timeout")
        return o
    }

    /// source-controller's options; `defaultStoragePath` applies when `--storage-path` is not given
    /// and `STORAGE_PATH` is unset.
    func sourceOptions(defaultStoragePath: String) throws -> SourceControllerOptions {
        let environment = ProcessInfo.processInfo.environment
        var o = SourceControllerOptions(environment: environment)
        o.storagePath = storagePath ?? (environment["STORAGE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultStoragePath)
        o.storageAddress = storageAddress
        o.storageAdvertisedAddress = storageAdvertisedAddress
        o.artifactRetentionTTL = try Self.duration(artifactRetentionTTL, flag: "artifact-retention-ttl")
        o.artifactRetentionRecords = artifactRetentionRecords
        o.artifactDigestAlgorithm = artifactDigestAlgo
        o.requeueDependency = try Self.duration(requeueDependency, flag: "requeue-dependency")
        o.intervalJitterPercentage = intervalJitterPercentage
        o.helmIndexMaxSize = helmIndexMaxSize
        o.helmChartMaxSize = helmChartMaxSize
        o.helmChartFileMaxSize = helmChartFileMaxSize
        o.helmCacheMaxSize = helmCacheMaxSize
        o.helmCacheTTL = try Self.duration(helmCacheTTL, flag: "helm-cache-ttl")
        o.helmCachePurgeInterval = try Self.duration(helmCachePurgeInterval, flag: "helm-cache-purge-interval")
        if let concurrent { o.concurrent = concurrent }
        return o
    }

    /// helm-controller's options.
    func helmOptions() throws -> HelmControllerOptions {
        var o = HelmControllerOptions()
        o.requeueDependency = try Self.duration(requeueDependency, flag: "requeue-dependency")
        o.noCrossNamespaceRefs = noCrossNamespaceRefs
        o.defaultServiceAccount = defaultServiceAccount
        o.snapshotDigestAlgorithm = SnapshotDigestAlgorithm(rawValue: snapshotDigestAlgo) ?? .sha256
        o.httpRetry = httpRetry
        o.intervalJitterPercentage = intervalJitterPercentage
        return o
    }
}
