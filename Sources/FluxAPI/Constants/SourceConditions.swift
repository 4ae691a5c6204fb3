/// source-controller condition types (`api/v1/condition_types.go`, `v1beta2`).
public enum SourceCondition {
    /// True while the artifact is stored.
    public static let artifactInStorage = "ArtifactInStorage"
    /// Negative polarity; reason `NewRevision`.
    public static let artifactOutdated = "ArtifactOutdated"
    /// Bipolar; present only when verification is configured.
    public static let sourceVerified = "SourceVerified"
    public static let fetchFailed = "FetchFailed"
    public static let buildFailed = "BuildFailed"
    public static let storageOperationFailed = "StorageOperationFailed"
    /// GitRepository only.
    public static let includeUnavailable = "IncludeUnavailable"
}

/// source-controller condition reasons.
public enum SourceReason {
    public static let urlInvalid = "URLInvalid"
    public static let authenticationFailed = "AuthenticationFailed"
    public static let verificationError = "VerificationError"
    public static let directoryCreationFailed = "DirectoryCreationFailed"
    public static let statOperationFailed = "StatOperationFailed"
    public static let readOperationFailed = "ReadOperationFailed"
    public static let acquireLockFailed = "AcquireLockFailed"
    public static let invalidPath = "InvalidPath"
    public static let archiveOperationFailed = "ArchiveOperationFailed"
    public static let symlinkUpdateFailed = "SymlinkUpdateFailed"
    public static let artifactUpToDate = "ArtifactUpToDate"
    public static let cacheOperationFailed = "CacheOperationFailed"
    public static let patchOperationFailed = "PatchOperationFailed"
    /// `ArtifactOutdated` reason.
    public static let newRevision = "NewRevision"
    public static let gitOperationFailed = "GitOperationFailed"
    public static let gitOperationSucceeded = "GitOperationSucceeded"
    public static let indexationFailed = "IndexationFailed"
    public static let chartPullSucceeded = "ChartPullSucceeded"
    public static let chartPackageSucceeded = "ChartPackageSucceeded"
    public static let invalidChartReference = "InvalidChartReference"
    public static let bucketOperationFailed = "BucketOperationFailed"
    public static let bucketOperationSucceeded = "BucketOperationSucceeded"
    public static let ociArtifactPullFailed = "OCIArtifactPullFailed"
    public static let ociArtifactLayerOperationFailed = "OCIArtifactLayerOperationFailed"
}
