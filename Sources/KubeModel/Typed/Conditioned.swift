import GoCompat

/// A typed object with `status.conditions`, and Flux's condition verbs on it
/// (`fluxcd/pkg/runtime/conditions`). Every setter stamps `observedGeneration` with the object's
/// `metadata.generation` and keeps `lastTransitionTime` unless status, reason or message changed.
public protocol Conditioned: KubeResource {
    var conditions: [Condition] { get set }
}

extension Conditioned {
    public func condition(_ type: String) -> Condition? { Conditions.get(type, in: conditions) }
    public func isTrue(_ type: String) -> Bool { condition(type)?.status == .true }
    public func isFalse(_ type: String) -> Bool { condition(type)?.status == .false }
    public var isReady: Bool { isTrue(Conditions.ready) }
    public var isStalled: Bool { isTrue(ConditionType.stalled) }
    public var isReconciling: Bool { isTrue(ConditionType.reconciling) }

    public mutating func setCondition(_ condition: Condition, now: GoTime = .now()) {
        var condition = condition
        condition.observedGeneration = generation
        var list = conditions
        Conditions.set(condition, in: &list, now: now)
        conditions = list
    }

    public mutating func markTrue(_ type: String, reason: String, message: String, now: GoTime = .now()) {
        setCondition(Condition(type: type, status: .true, reason: reason, message: message), now: now)
    }

    public mutating func markFalse(_ type: String, reason: String, message: String, now: GoTime = .now()) {
        setCondition(Condition(type: type, status: .false, reason: reason, message: message), now: now)
    }

    public mutating func markUnknown(_ type: String, reason: String, message: String, now: GoTime = .now()) {
        setCondition(Condition(type: type, status: .unknown, reason: reason, message: message), now: now)
    }

    /// `Reconciling=True` with the reason and message; deletes `Stalled` (kstatus: one or the other).
    public mutating func markReconciling(reason: String, message: String, now: GoTime = .now()) {
        deleteCondition(ConditionType.stalled)
        markTrue(ConditionType.reconciling, reason: reason, message: message, now: now)
    }

    /// `Stalled=True` with the reason and message; deletes `Reconciling`.
    public mutating func markStalled(reason: String, message: String, now: GoTime = .now()) {
        deleteCondition(ConditionType.reconciling)
        markTrue(ConditionType.stalled, reason: reason, message: message, now: now)
    }

    public mutating func deleteCondition(_ type: String) {
        var list = conditions
        Conditions.delete(type, from: &list)
        conditions = list
    }
}

/// The kstatus condition types shared by every Flux kind.
public enum ConditionType {
    public static let ready = "Ready"
    public static let reconciling = "Reconciling"
    public static let stalled = "Stalled"
}
