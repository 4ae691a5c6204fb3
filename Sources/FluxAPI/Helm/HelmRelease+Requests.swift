extension HelmRelease {
    /// `ShouldHandleForceRequest(obj)`: records a `reconcile.fluxcd.io/forceAt` value in
    /// `status.lastHandledForceAt`, and returns true when that value equals
    /// `reconcile.fluxcd.io/requestedAt`, the reconcile request is not handled yet, and the force
    /// value was not handled before.
    public mutating func shouldHandleForceRequest() -> Bool {
        handleRequest(FluxAnnotations.forceRequestedAt, \.lastHandledForceAt)
    }

    /// `ShouldHandleResetRequest(obj)`: as `shouldHandleForceRequest` for
    /// `reconcile.fluxcd.io/resetAt` and `status.lastHandledResetAt`.
    public mutating func shouldHandleResetRequest() -> Bool {
        handleRequest(FluxAnnotations.resetRequestedAt, \.lastHandledResetAt)
    }

    private mutating func handleRequest(_ annotation: String, _ lastHandled: WritableKeyPath<HelmReleaseStatus, String?>) -> Bool {
        guard let requestAt = metadata.annotation(annotation) else { return false }
        let previous = status[keyPath: lastHandled] ?? ""
        status[keyPath: lastHandled] = requestAt.isEmpty ? nil : requestAt
        guard let reconcileAt = metadata.annotation(FluxAnnotations.reconcileRequestedAt), requestAt == reconcileAt else {
            return false
        }
        return status.lastHandledReconcileRequest != reconcileAt && previous != requestAt
    }
}
