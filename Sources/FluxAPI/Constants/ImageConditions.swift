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
