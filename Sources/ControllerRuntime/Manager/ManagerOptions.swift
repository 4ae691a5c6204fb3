/// The flags every Flux controller shares (`fluxcd/pkg/runtime` `BindFlags`), with Flux's defaults.
public struct ManagerOptions: Sendable {
    /// The namespace the controllers run in (`RUNTIME_NAMESPACE`); leases live here.
    public var runtimeNamespace = "flux-system"
    /// `--watch-all-namespaces` (true): false restricts every watch to `runtimeNamespace`.
    public var watchAllNamespaces = true
    /// `--watch-label-selector`: restricts the watches of the controllers' own kinds (sharding).
    public var watchLabelSelector: String?
    /// `--concurrent`: reconciles running at once per controller (nil = the controller's default).
    public var concurrent: Int?
    /// `--requeue-dependency` (30 s).
    public var requeueDependency: Duration = .seconds(30)
    /// `--min-retry-delay` / `--max-retry-delay` (750 ms / 15 m).
    public var minRetryDelay: Duration = .milliseconds(750)
    public var maxRetryDelay: Duration = .seconds(900)
    /// `--interval-jitter-percentage` (5).
    public var intervalJitterPercentage = 5
    /// `--enable-leader-election` (false) and its timings (35 s / 30 s / 5 s), release on cancel.
    public var enableLeaderElection = false
    public var leaseDuration: Duration = .seconds(35)
    public var renewDeadline: Duration = .seconds(30)
    public var retryPeriod: Duration = .seconds(5)
    /// `--events-addr`: the notification-controller endpoint; empty disables forwarding.
    public var eventsAddress = ""
    /// Per-reconcile timeout enforced by the runtime (a hung reconcile is cancelled).
    public var reconcileTimeout: Duration? = .seconds(15 * 60)
    /// `--graceful-shutdown-timeout` (600 s): how long in-flight reconciles may run after the
    /// manager is stopped before they are cancelled; nil waits for them indefinitely.
    public var gracefulShutdownTimeout: Duration? = .seconds(600)
    /// The identity for leader election (hostname + random suffix by default).
    public var identity: String?

    public init() {}

    /// The namespaces the caches cover.
    public var watchNamespaces: NamespacesScope { watchAllNamespaces ? .all : .one(runtimeNamespace) }

    public enum NamespacesScope: Sendable, Equatable { case all, one(String) }
}
