import ControllerRuntime

/// The one error type of `SourceController`: a reconcile failure with the condition reason it
/// carries and what to do about it (source-controller's `internal/error`: `Generic`, `Stalling`,
/// `Waiting`, plus plain errors that only reach the runtime).
///
/// Contract: `message` is the text that goes into conditions and events unchanged; `reason` is the
/// condition/event reason. `event` is the event type the summarizer records (nil records none),
/// `log` asks for a log line, `ignore` marks a no-op failure that still counts as a success.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An ordinary failure: retried with backoff (`serror.Generic`).
        case generic
        /// Needs a spec change; not retried, the object is marked Stalled (`serror.Stalling`).
        case stalling
        /// Waits for something else; requeued after the delay without backoff (`serror.Waiting`).
        case waiting(requeueAfter: Duration)
        /// Any other error (`fmt.Errorf` upstream): retried, no event.
        case plain
    }

    public var kind: Kind
    public var reason: String
    public var message: String
    /// The event the summarizer records for this error (`Config.Event`); nil is `EventTypeNone`.
    public var event: EventType?
    /// Whether the summarizer logs it (`Config.Log`).
    public var log: Bool
    /// Normal events become notifications only with this set (`Config.Notification`).
    public var notification: Bool
    /// A no-op failure (`Config.Ignore`, generic only).
    public var ignore = false
    /// A status patch answered 404 (ignored for objects being deleted).
    var patchNotFound = false

    public var description: String { message }

    /// `serror.NewGeneric`: a Warning event with a notification, not logged by the summarizer.
    public static func generic(_ message: String, reason: String) -> SourceError {
        SourceError(kind: .generic, reason: reason, message: message, event: .warning, log: false, notification: true)
    }

    /// `serror.NewStalling`: a logged Warning event with a notification.
    public static func stalling(_ message: String, reason: String) -> SourceError {
        SourceError(kind: .stalling, reason: reason, message: message, event: .warning, log: true, notification: true)
    }

    /// `serror.NewWaiting`: a logged Normal event without a notification.
    public static func waiting(_ message: String, reason: String, requeueAfter: Duration = .zero) -> SourceError {
        SourceError(kind: .waiting(requeueAfter: requeueAfter), reason: reason, message: message, event: .normal, log: true,
                    notification: false)
    }

    /// A plain error: no reason, no event.
    public static func plain(_ message: String) -> SourceError {
        SourceError(kind: .plain, reason: "", message: message, event: nil, log: false, notification: false)
    }

    /// Options the command line validates before the controllers start.
    static func invalidOption(_ message: String) -> SourceError { plain(message) }
}
