/// A status that echoes the handled `reconcile.fluxcd.io/requestedAt` annotation
/// (`meta.ReconcileRequestStatus`, inlined into every reconciled kind's status).
public protocol ReconcileRequestStatus {
    /// The last `reconcile.fluxcd.io/requestedAt` value the controller handled.
    var lastHandledReconcileAt: String? { get set }
}

extension ReconcileRequestStatus {
    /// `GetLastHandledReconcileRequest()`: the handled token, `""` when none.
    public var lastHandledReconcileRequest: String { lastHandledReconcileAt ?? "" }

    /// `SetLastHandledReconcileRequest(token)`; an empty token clears the field.
    public mutating func setLastHandledReconcileRequest(_ token: String) {
        lastHandledReconcileAt = token.isEmpty ? nil : token
    }
}
