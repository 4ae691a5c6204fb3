import GoCompat
import StructuredData

/// Conditions in `status.conditions`, with Flux's verbs. Every setter stamps
/// `observedGeneration` with the object's `metadata.generation`, as Flux's `conditions.Set` does.
extension KubeObject {
    /// `status.conditions`; setting an empty list removes the field.
    public var conditions: [Condition] {
        get { (raw[path: ["status", "conditions"]]?.arrayValue ?? []).map(Condition.init(json:)) }
        set { raw[path: ["status", "conditions"]] = newValue.isEmpty ? nil : .array(newValue.map(\.json)) }
    }

    /// The condition of `type`, if any (the first of that type; only it is decoded).
    public func condition(_ type: String) -> Condition? {
        guard let entry = raw[path: ["status", "conditions"]]?.arrayValue?.first(where: { $0["type"]?.stringValue == type }) else {
            return nil
        }
        return Condition(json: entry)
    }

    /// True when the condition of `type` exists with status `True`.
    public func isTrue(_ type: String) -> Bool { condition(type)?.status == .true }
    /// True when the condition of `type` exists with status `False`.
    public func isFalse(_ type: String) -> Bool { condition(type)?.status == .false }
    /// True when the condition of `type` is missing or `Unknown`.
    public func isUnknown(_ type: String) -> Bool { (condition(type)?.status ?? .unknown) == .unknown }

    /// Sets a condition (see `Conditions.set`).
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

    /// Removes the condition of `type`.
    public mutating func deleteCondition(_ type: String) {
        var list = conditions
        Conditions.delete(type, from: &list)
        conditions = list
    }
}
