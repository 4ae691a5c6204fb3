/// helm-controller condition types (`api/v2beta2/condition_types.go`).
public enum HelmCondition {
    public static let released = "Released"
    public static let testSuccess = "TestSuccess"
    public static let remediated = "Remediated"
}

/// helm-controller condition reasons.
public enum HelmReason {
    public static let installSucceeded = "InstallSucceeded"
    public static let installFailed = "InstallFailed"
    public static let upgradeSucceeded = "UpgradeSucceeded"
    public static let upgradeFailed = "UpgradeFailed"
    public static let testSucceeded = "TestSucceeded"
    public static let testFailed = "TestFailed"
    public static let rollbackSucceeded = "RollbackSucceeded"
    public static let rollbackFailed = "RollbackFailed"
    public static let uninstallSucceeded = "UninstallSucceeded"
    public static let uninstallFailed = "UninstallFailed"
    public static let artifactFailed = "ArtifactFailed"
    public static let initFailed = "InitFailed"
    public static let getLastReleaseFailed = "GetLastReleaseFailed"
    public static let dependencyNotReady = "DependencyNotReady"
    public static let reconciliationSucceeded = "ReconciliationSucceeded"
    public static let reconciliationFailed = "ReconciliationFailed"
}

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

/// notification-controller condition reasons (`api/v1/condition_types.go`).
public enum NotificationReason {
    public static let initialized = "Initialized"
    public static let validationFailed = "ValidationFailed"
    public static let tokenNotFound = "TokenNotFound"
}

/// image-reflector-controller and image-automation-controller condition reasons.
public enum ImageReason {
    public static let imageURLInvalid = "ImageURLInvalid"
    public static let authenticationFailed = "AuthenticationFailed"
    public static let readOperationFailed = "ReadOperationFailed"
    public static let dependencyNotReady = "DependencyNotReady"
    public static let accessDenied = "AccessDenied"
    /// Reconciling reasons of ImageRepository/ImagePolicy.
    public static let newGeneration = "NewGeneration"
    public static let scanning = "Scanning"
    public static let accessingRepository = "AccessingRepository"
    public static let applyingPolicy = "ApplyingPolicy"
    /// Ready=False reason of image-reflector-controller for other errors.
    public static let failure = "Failure"
    /// ImageUpdateAutomation reasons.
    public static let reconciliationSucceeded = "ReconciliationSucceeded"
    public static let reconciliationFailed = "ReconciliationFailed"
    public static let gitRepositoryNotAvailable = "GitRepositoryNotAvailable"
    public static let missingUpdateStrategy = "MissingUpdateStrategy"
}
