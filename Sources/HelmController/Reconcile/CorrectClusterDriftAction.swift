import ControllerRuntime
import FluxAPI
import FluxSSA
import Foundation

/// Corrects drift by creating deleted objects and JSON-patching changed ones, never with a Helm
/// upgrade (`internal/reconcile/correct_cluster_drift.go`). Always succeeds; failures are reported
/// in a `DriftCorrectionFailed` event.
///
/// Divergences from v0.37, both taken from later versions (spec §3.8, §5): Secret data is masked
/// only in copies used for reporting, never in the patch sent (#925), and a drift that persists
/// after one correction ends the reconcile (the loop does not run this type twice) and is not
/// requeued at once: see `HelmReleaseReconciler` for the interval requeue that replaces #855's
/// endless loop.
struct CorrectClusterDriftAction: ActionReconciler {
    let factory: ActionFactory
    let events: EventRecorder
    let diff: [Diff]
    var name: String { "correct cluster drift" }
    var type: ReconcilerType { .driftCorrection }

    func reconcile(_ request: ReleaseRequest) async throws {
        guard request.object.driftDetection.modeOrDefault == .enabled, !diff.isEmpty else { return }
        let (changes, error) = await Drift.correct(factory.client, diff)
        report(request, changes, error)
    }

    func report(_ request: ReleaseRequest, _ changes: ChangeSet, _ error: FluxSSAError?) {
        let latest = request.object.status.history?.latest
        let full = latest?.fullReleaseName ?? ""
        let metadata = HelmEvents.metadata(revision: latest?.chartVersion ?? "", token: latest?.configDigest ?? "")
        if let error {
            var text = "Failed to " + (changes.entries.isEmpty ? "" : "partially ") + "correct cluster state of release \(full):\n"
            text += error.errors.map(\.message).joined(separator: "\n")
            if !changes.entries.isEmpty { text += "\n\nSuccessful corrections:\n" + changes.description }
            events.event(request.object, type: .warning, reason: "DriftCorrectionFailed", message: text, annotations: metadata)
        } else if !changes.entries.isEmpty {
            events.event(request.object, type: .normal, reason: "DriftCorrected",
                         message: "Cluster state of release \(full) has been corrected:\n\(changes.description)", annotations: metadata)
        }
    }
}
