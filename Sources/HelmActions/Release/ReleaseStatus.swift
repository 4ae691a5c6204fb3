/// A release's status (`pkg/release/status.go`), stored as its raw string in JSON and labels.
public enum ReleaseStatus: String, Sendable, CaseIterable, Codable {
    case unknown
    case deployed
    case uninstalled
    case superseded
    case failed
    case uninstalling
    case pendingInstall = "pending-install"
    case pendingUpgrade = "pending-upgrade"
    case pendingRollback = "pending-rollback"

    /// True for the three `pending-*` statuses, which lock a release against further actions.
    public var isPending: Bool {
        self == .pendingInstall || self == .pendingUpgrade || self == .pendingRollback
    }
}
