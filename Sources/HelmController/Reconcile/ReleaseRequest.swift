import FluxAPI
import HelmEngine
import StructuredData

/// What every action reconciler works on: the HelmRelease (mutated in place: conditions, history,
/// counters), the loaded chart and the composed values (`internal/reconcile.Request`).
final class ReleaseRequest: @unchecked Sendable {
    var object: HelmRelease
    let chart: HelmEngine.Chart?
    let values: JSONObject

    init(object: HelmRelease, chart: HelmEngine.Chart? = nil, values: JSONObject = [:]) {
        self.object = object
        self.chart = chart
        self.values = values
    }

    /// `Chart.yaml` name and version of the loaded chart (empty without a chart).
    var chartName: String { chart?.metadata.name ?? "" }
    var chartVersion: String { chart?.metadata.version ?? "" }
}

/// The kind of an action reconciler; each kind runs at most once per reconcile.
enum ReconcilerType: String, Sendable {
    case release
    case remediate
    case test
    case unlock
    case driftCorrection = "drift correction"
}

/// One action of the reconcile model (`internal/reconcile.ActionReconciler`). `reconcile` throws
/// only when nothing was written to Helm storage (the failure is then not counted).
protocol ActionReconciler: Sendable {
    var name: String { get }
    var type: ReconcilerType { get }
    func reconcile(_ request: ReleaseRequest) async throws
}
