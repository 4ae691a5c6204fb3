import KubeClient
import KubeModel
import Logging
import Prometheus
import Synchronization

/// The process-wide half of the runtime: one API client, one shared cache (one watch per resource
/// type), one metrics registry. Several `ControllerManager`s (one per Flux controller: source,
/// helm, …) run on it in the same process, as `swiftflux up` does.
public final class ControllerRuntime: Sendable {
    public let client: KubeClient
    public let options: ManagerOptions
    public let factory: InformerFactory
    public let cache: Cache
    public let registry: PrometheusCollectorRegistry
    public let fluxMetrics: FluxMetrics
    public let logger: Logger
    private let controllerMetrics = Mutex<[String: ControllerMetrics]>([:])

    /// - Parameter ownKinds: the resources the controllers reconcile; `--watch-label-selector`
    ///   applies to their watches only (Flux's sharding).
    public init(client: KubeClient, options: ManagerOptions, ownKinds: [APIResource] = [],
                registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger = Logger(label: "swiftflux")) {
        self.client = client
        self.options = options
        self.registry = registry
        self.logger = logger
        var selectors: [GroupResource: String] = [:]
        if let selector = options.watchLabelSelector, !selector.isEmpty {
            for r in ownKinds { selectors[r.groupResource] = selector }
        }
        let namespaces: NamespaceSelection
        switch options.watchNamespaces {
        case .all: namespaces = .all
        case .one(let ns): namespaces = .named(ns)
        }
        factory = InformerFactory(client: client, namespaces: namespaces, labelSelectors: selectors, logger: logger)
        cache = Cache(factory: factory)
        fluxMetrics = FluxMetrics(registry: registry)
    }

    /// The metrics of a controller named `name`, made on first use and shared by every later
    /// caller (one set of series per controller in the registry).
    func metrics(controller name: String) -> ControllerMetrics {
        controllerMetrics.withLock { all in
            if let existing = all[name] { return existing }
            let made = ControllerMetrics(registry: registry, controller: name)
            all[name] = made
            return made
        }
    }

    /// Reconciles finished so far per controller name (`controller_runtime_reconcile_total`
    /// summed over results), read without rendering the registry.
    public func reconcileCounts() -> [String: Int] {
        controllerMetrics.withLock { $0.mapValues(\.reconciles) }
    }

    /// Nil when every informer has synced, else which have not (for `/readyz`).
    public func readiness() async -> String? {
        var pending: [String] = []
        for informer in await factory.all where !(await informer.hasSynced) {
            pending.append(informer.resource.groupResource.description)
        }
        return pending.isEmpty ? nil : "caches not synced: " + pending.sorted().joined(separator: ", ")
    }
}
