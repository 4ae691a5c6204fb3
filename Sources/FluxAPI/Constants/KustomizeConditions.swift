/// kustomize-controller condition types (`api/v1/condition_types.go`).
public enum KustomizeCondition {
    /// Present only when health checks apply.
    public static let healthy = "Healthy"
}

/// kustomize-controller condition reasons.
public enum KustomizeReason {
    public static let pruneFailed = "PruneFailed"
    public static let artifactFailed = "ArtifactFailed"
    public static let buildFailed = "BuildFailed"
    public static let healthCheckFailed = "HealthCheckFailed"
    public static let dependencyNotReady = "DependencyNotReady"
    public static let reconciliationSucceeded = "ReconciliationSucceeded"
    public static let reconciliationFailed = "ReconciliationFailed"
    public static let accessDenied = "AccessDenied"
}
