import KubeClient
import KubeModel
import Logging

/// One shared informer per resource type, however many controllers use it (controller-runtime's
/// manager cache).
///
/// Contract: `informer(for:)` returns the same `Informer` for the same group/resource and starts it
/// when the factory is running. Watches cover `namespaces` (Flux's `--watch-all-namespaces=false`
/// restricts them to the runtime namespace) and, per resource, an optional label selector (Flux's
/// `--watch-label-selector` applies to the controllers' own kinds). `shutdown()` stops them all.
public actor InformerFactory {
    public nonisolated let client: KubeClient
    public nonisolated let namespaces: NamespaceSelection
    private let selectors: [GroupResource: String]
    private let resyncPeriod: Duration?
    private let logger: Logger
    private var informers: [GroupResource: Informer] = [:]
    private var tasks: [GroupResource: Task<Void, Never>] = [:]
    private var running = false

    public init(client: KubeClient, namespaces: NamespaceSelection = .all, labelSelectors: [GroupResource: String] = [:],
                resyncPeriod: Duration? = nil, logger: Logger = Logger(label: "cache")) {
        self.client = client
        self.namespaces = namespaces
        selectors = labelSelectors
        self.resyncPeriod = resyncPeriod
        self.logger = logger
    }

    /// The shared informer of `resource`, created (and started, if running) on first use.
    public func informer(for resource: APIResource) -> Informer {
        let key = resource.groupResource
        if let existing = informers[key] { return existing }
        let scope: NamespaceSelection = resource.namespaced ? namespaces : .all
        let informer = Informer(client: client, resource: resource, namespaces: scope, labelSelector: selectors[key],
                                resyncPeriod: resyncPeriod, logger: logger)
        informers[key] = informer
        if running { start(key, informer) }
        return informer
    }

    /// Starts every informer created so far and those created later.
    public func start() {
        guard !running else { return }
        running = true
        for (key, informer) in informers where tasks[key] == nil { start(key, informer) }
    }

    private func start(_ key: GroupResource, _ informer: Informer) {
        tasks[key] = Task { await informer.run() }
    }

    /// Suspends until every informer created so far has listed once.
    public func waitForSync() async {
        for informer in informers.values { await informer.waitForSync() }
    }

    /// Stops every informer.
    public func shutdown() {
        running = false
        for task in tasks.values { task.cancel() }
        tasks = [:]
    }

    /// The informers created so far (for health reporting).
    public var all: [Informer] { Array(informers.values) }
}
