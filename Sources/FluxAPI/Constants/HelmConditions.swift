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
