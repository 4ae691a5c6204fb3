import Foundation
import KubeModel
import Prometheus
import Synchronization

/// Flux's reconcile metrics (`fluxcd/pkg/runtime/metrics`): `gotk_reconcile_condition`,
/// `gotk_suspend_status` and `gotk_reconcile_duration_seconds`, labelled by kind, name and
/// namespace as Flux labels them.
///
/// The gauges are kept here (`GaugeFamily`, emitted after the registry on `/metrics`); each
/// histogram series is made once in the registry and kept, as the registry's `make…` copies the
/// whole metric family on every call.
public final class FluxMetrics: MetricsEmitter {
    let registry: PrometheusCollectorRegistry
    private let histograms = Mutex<[[String]: DurationHistogram]>([:])
    let conditions = GaugeFamily(name: "gotk_reconcile_condition",
                                 help: "The current condition status of a GitOps Toolkit resource reconciliation.")
    let suspends = GaugeFamily(name: "gotk_suspend_status", help: "The current suspend status of a GitOps Toolkit resource.")

    public init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    private func histogram(_ name: String, help: String, _ labels: [(String, String)], buckets: [Duration]) -> DurationHistogram {
        let key = [name] + labels.flatMap { [$0.0, $0.1] }
        if let hit = histograms.withLock({ $0[key] }) { return hit }
        let made = registry.makeDurationHistogram(descriptor: .named(name, help: help), labels: labels, buckets: buckets)
        histograms.withLock { $0[key] = made }
        return made
    }

    /// Flux's duration buckets: `ExponentialBucketsRange(0.01, 1800, 10)`.
    static let durationBuckets: [Duration] = {
        let min = 0.01, max = 1800.0, count = 10
        let factor = pow(max / min, 1.0 / Double(count - 1))
        var value = min
        var out: [Duration] = []
        for _ in 0..<count {
            out.append(.nanoseconds(Int64((value * 1e9).rounded())))
            value *= factor
        }
        return out
    }()

    /// Records the duration of one reconcile of the object.
    public func recordDuration(kind: String, namespace: String, name: String, _ duration: Duration) {
        histogram("gotk_reconcile_duration_seconds", help: "The duration in seconds of a GitOps Toolkit resource reconciliation.",
                  [("kind", kind), ("name", name), ("namespace", namespace)], buckets: Self.durationBuckets)
            .recordNanoseconds(Int64(duration.seconds * 1e9))
    }

    /// Sets `gotk_reconcile_condition` for the condition: 1 for its status, 0 for the others
    /// (`deleted` sets the `Deleted` series to 1 and the others to 0).
    public func recordCondition(kind: String, namespace: String, name: String, condition: Condition, deleted: Bool = false) {
        for status in ["True", "False", "Unknown", "Deleted"] {
            let value: Int64 = deleted ? (status == "Deleted" ? 1 : 0) : (status == condition.status.rawValue ? 1 : 0)
            conditions.set([("kind", kind), ("name", name), ("namespace", namespace), ("type", condition.type), ("status", status)], value)
        }
    }

    /// Sets `gotk_suspend_status` (1 when suspended).
    public func recordSuspend(kind: String, namespace: String, name: String, suspended: Bool) {
        suspends.set([("kind", kind), ("name", name), ("namespace", namespace)], suspended ? 1 : 0)
    }

    /// The gauges, in the Prometheus text format (the histograms are in the registry).
    public func emit(into buffer: inout [UInt8]) {
        conditions.emit(into: &buffer)
        suspends.emit(into: &buffer)
    }
}
