import KubeModel

/// A resource's reconciliation status as kstatus (cli-utils v0.36 `status.Status`) reports it.
public enum ResourceStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The controller is still working on the latest spec.
    case inProgress = "InProgress"
    /// The controller gave up or the workload is broken (`Stalled=True`, crash loops, failed Jobs).
    case failed = "Failed"
    /// The latest spec is fully reconciled.
    case current = "Current"
    /// `metadata.deletionTimestamp` is set.
    case terminating = "Terminating"
    /// The object does not exist (reported by pollers, never by `compute`).
    case notFound = "NotFound"
    /// The status could not be determined (reported by pollers on errors).
    case unknown = "Unknown"

    public var description: String { rawValue }

    /// cli-utils `aggregator.AggregateStatus`: `Failed` if any is failed; else `Unknown` if any is
    /// unknown; else `desired` when all are `desired` (or the list is empty); else `InProgress`.
    public static func aggregate(_ statuses: [ResourceStatus], desired: ResourceStatus) -> ResourceStatus {
        if statuses.contains(.failed) { return .failed }
        if statuses.contains(.unknown) { return .unknown }
        return statuses.allSatisfy { $0 == desired } ? desired : .inProgress
    }
}

/// The result of computing an object's status: the status, a human message in cli-utils' exact
/// wording, and the standard kstatus conditions (`Reconciling` / `Stalled`) that describe it.
public struct StatusResult: Sendable, Equatable {
    public var status: ResourceStatus
    public var message: String
    /// `Reconciling=True` for InProgress results, `Stalled=True` for Failed ones, empty otherwise.
    /// Only `type`, `status`, `reason` and `message` are set.
    public var conditions: [Condition]

    public init(status: ResourceStatus, message: String, conditions: [Condition] = []) {
        self.status = status
        self.message = message
        self.conditions = conditions
    }

    /// A `Current` result with no conditions.
    static func current(_ message: String) -> StatusResult {
        StatusResult(status: .current, message: message)
    }

    /// An `InProgress` result with a `Reconciling=True` condition (`newInProgressStatus`).
    static func inProgress(_ reason: String, _ message: String) -> StatusResult {
        StatusResult(status: .inProgress, message: message,
                     conditions: [Condition(type: StatusConditionType.reconciling, status: .true, reason: reason, message: message)])
    }

    /// A `Failed` result with a `Stalled=True` condition (`newFailedStatus`).
    static func failed(_ reason: String, _ message: String) -> StatusResult {
        StatusResult(status: .failed, message: message,
                     conditions: [Condition(type: StatusConditionType.stalled, status: .true, reason: reason, message: message)])
    }
}

/// The standard kstatus condition types ("abnormal-true": absent means normal).
public enum StatusConditionType {
    public static let reconciling = "Reconciling"
    public static let stalled = "Stalled"
    public static let ready = "Ready"
}

/// A function that computes an object's status (cli-utils `StatusFunc`); errors make a poller
/// report `Unknown` with the error.
public typealias StatusFunction = @Sendable (KubeObject) throws(KStatusError) -> StatusResult
