/// kstatus condition types shared by every Flux kind (`fluxcd/pkg/apis/meta`).
public enum MetaCondition {
    public static let ready = "Ready"
    /// Negative polarity; present only while True.
    public static let stalled = "Stalled"
    /// Negative polarity; present only while True.
    public static let reconciling = "Reconciling"
}

/// Condition reasons shared by every Flux kind (`fluxcd/pkg/apis/meta`, `apis/acl`).
public enum MetaReason {
    public static let succeeded = "Succeeded"
    public static let failed = "Failed"
    public static let progressing = "Progressing"
    public static let progressingWithRetry = "ProgressingWithRetry"
    public static let suspended = "Suspended"
    public static let dependencyNotReady = "DependencyNotReady"
    public static let invalidPath = "InvalidPath"
    public static let invalidURL = "InvalidURL"
    public static let insecureConnectionsDisallowed = "InsecureConnectionsDisallowed"
    public static let unsupportedConnectionType = "UnsupportedConnectionType"
    /// `acl.AccessDeniedReason` (also the `AccessDenied` condition type).
    public static let accessDenied = "AccessDenied"
}
