/// notification-controller condition reasons (`api/v1/condition_types.go`).
public enum NotificationReason {
    public static let initialized = "Initialized"
    public static let validationFailed = "ValidationFailed"
    public static let tokenNotFound = "TokenNotFound"
}
