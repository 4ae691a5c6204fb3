import FluxAPI
import GoCompat
import KubeModel

/// A source kind this controller reconciles: a Flux object whose status carries an artifact, a
/// URL and the reconcile-request echo (source-controller's `sourcev1.Source` plus the status
/// setters the reconcilers use).
protocol SourceObject: FluxObject, Suspendable where Status: ReconcileRequestStatus {
    /// `status.artifact`.
    var artifact: Artifact? { get set }
    /// `status.url` (`""` when unset).
    var statusURL: String { get set }
    /// `GetRequeueAfter()`.
    var interval: GoDuration { get }
}

extension HelmRepository: SourceObject {
    var artifact: Artifact? {
        get { status.artifact }
        set { status.artifact = newValue }
    }
    var statusURL: String {
        get { status.url ?? "" }
        set { status.url = newValue.isEmpty ? nil : newValue }
    }
    var interval: GoDuration { requeueAfter }
}

extension HelmChart: SourceObject {
    var artifact: Artifact? {
        get { status.artifact }
        set { status.artifact = newValue }
    }
    var statusURL: String {
        get { status.url ?? "" }
        set { status.url = newValue.isEmpty ? nil : newValue }
    }
    var interval: GoDuration { requeueAfter }
}

extension SourceObject {
    /// The start of every source reconcile: the progressing status, persisted at once when a new
    /// generation is being processed or a reconcile request has not been answered yet.
    mutating func beginReconcile(_ patcher: SerialPatcher<Self>) async throws(SourceError) {
        progressiveStatus(drift: false, reason: MetaReason.progressing, message: "reconciliation in progress")
        if generation != observedGeneration {
            progressiveStatus(drift: false, reason: MetaReason.progressing,
                              message: "processing object: new generation \(observedGeneration) -> \(generation)")
            try await patcher.patch(&self)
        } else if (reconcileRequestedAt ?? "") != status.lastHandledReconcileRequest {
            try await patcher.patch(&self)
        }
    }
}

extension Conditioned {
    /// `rreconcile.ProgressiveStatus`: `Reconciling=True` with the reason and message (Stalled
    /// removed); `Ready=Unknown` with the same when `drift`, when there is no Ready condition yet,
    /// or when Ready is already Unknown.
    mutating func progressiveStatus(drift: Bool, reason: String, message: String) {
        markReconciling(reason: reason, message: message)
        if drift || condition(ConditionType.ready) == nil || condition(ConditionType.ready)?.status == .unknown {
            markUnknown(ConditionType.ready, reason: reason, message: message)
        }
    }
}

extension Optional where Wrapped == Artifact {
    /// `(*Artifact).HasRevision` on a possibly nil artifact.
    func hasRevision(_ revision: String) -> Bool { self?.revision == revision }
    /// `(*Artifact).HasDigest` on a possibly nil artifact.
    func hasDigest(_ digest: String?) -> Bool { self.map { ($0.digest ?? "") == (digest ?? "") } ?? false }
}
