import Prometheus
import Synchronization

/// controller-runtime's metrics for one controller: reconcile totals by result, reconcile time,
/// errors, and the work queue's depth and adds (`controller_runtime_*`, `workqueue_*`).
///
/// Every series is made once, at start, with the totals of each result at zero as controller-runtime
/// initialises them (swift-prometheus copies a metric family on each `make…` call).
public final class ControllerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let controller: String
    public let queue: QueueMetrics
    private let reconcileTime: DurationHistogram
    private let errors: Counter
    private let totals: [String: Counter]
    private let count = Atomic<Int>(0)

    /// Reconciles finished so far, whatever their result (the sum of `controller_runtime_reconcile_total`).
    public var reconciles: Int { count.load(ordering: .relaxed) }

    public init(registry: PrometheusCollectorRegistry, controller: String) {
        self.registry = registry
        self.controller = controller
        queue = QueueMetrics(registry: registry, name: controller)
        reconcileTime = registry.makeDurationHistogram(
            descriptor: .named("controller_runtime_reconcile_time_seconds", help: "Length of time per reconciliation per controller"),
            labels: [("controller", controller)],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
                      1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60].map { .milliseconds(Int64($0 * 1000)) })
        errors = registry.makeCounter(descriptor: .named("controller_runtime_reconcile_errors_total", help: "Total number of reconciliation errors per controller"), labels: [("controller", controller)])
        var totals: [String: Counter] = [:]
        for result in ["error", "requeue", "requeue_after", "success"] {
            totals[result] = registry.makeCounter(descriptor: .named("controller_runtime_reconcile_total", help: "Total number of reconciliations per controller"),
                                                  labels: [("controller", controller), ("result", result)])
        }
        self.totals = totals
    }

    func reconciled(controller: String, duration: Duration, outcome: Controller.Outcome) {
        reconcileTime.recordNanoseconds(Int64(duration.seconds * 1e9))
        let result: String
        switch outcome {
        case .finished(.success(.done)): result = "success"
        case .finished(.success(.requeue)): result = "requeue"
        case .finished(.success(.requeueAfter)): result = "requeue_after"
        case .finished(.failure), .timedOut: result = "error"
        }
        if result == "error" { errors.increment() }
        totals[result]?.increment()
        count.add(1, ordering: .relaxed)
    }
}

/// client-go's work queue metrics (`workqueue_depth`, `workqueue_adds_total`).
public final class QueueMetrics: Sendable {
    private let depthGauge: Gauge
    private let adds: Counter

    public init(registry: PrometheusCollectorRegistry, name: String) {
        depthGauge = registry.makeGauge(descriptor: .named("workqueue_depth", help: "Current depth of workqueue"), labels: [("name", name)])
        adds = registry.makeCounter(descriptor: .named("workqueue_adds_total", help: "Total number of adds handled by workqueue"), labels: [("name", name)])
    }

    func added() { adds.increment() }
    func depth(_ value: Int) { depthGauge.set(Int64(value)) }
}

extension MetricNameDescriptor {
    /// A descriptor for a metric whose full name is given as is (no namespace/subsystem/unit split).
    static func named(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
