import GoCompat
import StructuredData

/// `metav1.ConditionStatus`.
public enum ConditionStatus: String, Sendable, CaseIterable {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}

/// `metav1.Condition`: one observation of an object's state.
public struct Condition: Sendable, Hashable {
    public var type: String
    public var status: ConditionStatus
    public var observedGeneration: Int64
    /// RFC 3339, whole seconds (`metav1.Time`); `""` when unset.
    public var lastTransitionTime: String
    public var reason: String
    public var message: String

    public init(
        type: String, status: ConditionStatus, reason: String, message: String = "",
        observedGeneration: Int64 = 0, lastTransitionTime: String = ""
    ) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    /// Decodes a condition; an unknown status string reads as `Unknown`.
    public init(json: JSONValue) {
        self.init(
            type: json["type"]?.stringValue ?? "",
            status: ConditionStatus(rawValue: json["status"]?.stringValue ?? "") ?? .unknown,
            reason: json["reason"]?.stringValue ?? "",
            message: json["message"]?.stringValue ?? "",
            observedGeneration: json["observedGeneration"]?.intValue ?? 0,
            lastTransitionTime: json["lastTransitionTime"]?.stringValue ?? ""
        )
    }

    /// Wire form in `metav1.Condition` field order: type, status, observedGeneration (omitted when 0),
    /// lastTransitionTime, reason, message.
    public var json: JSONValue {
        var o: JSONObject = ["type": .string(type), "status": .string(status.rawValue)]
        if observedGeneration != 0 { o["observedGeneration"] = .int(observedGeneration) }
        o["lastTransitionTime"] = lastTransitionTime.isEmpty ? .null : .string(lastTransitionTime)
        o["reason"] = .string(reason)
        o["message"] = .string(message)
        return .object(o)
    }

    /// True when status, reason and message are equal (the fields whose change is a transition).
    public func hasSameState(as other: Condition) -> Bool {
        type == other.type && status == other.status && reason == other.reason && message == other.message
    }
}

/// Flux's condition helpers (`fluxcd/pkg/runtime/conditions`) on a plain list.
public enum Conditions {
    /// The `Ready` condition type.
    public static let ready = "Ready"

    /// Sets `condition` in `list`: an existing condition of the same type keeps its
    /// `lastTransitionTime` unless status, reason or message changed (then it becomes `now`,
    /// truncated to seconds); a new condition gets `now` unless it carries a time. Messages longer
    /// than `maxMessageLength` are trimmed. The list is then sorted with `lexicographicLess`.
    public static func set(_ condition: Condition, in list: inout [Condition], now: GoTime = .now()) {
        var condition = condition
        condition.message = trimmed(condition.message)
        let stamp = GoTime(unixSeconds: now.unixSeconds).rfc3339
        if let index = list.firstIndex(where: { $0.type == condition.type }) {
            condition.lastTransitionTime = list[index].hasSameState(as: condition) && !list[index].lastTransitionTime.isEmpty
                ? list[index].lastTransitionTime : stamp
            list[index] = condition
        } else {
            if condition.lastTransitionTime.isEmpty { condition.lastTransitionTime = stamp }
            list.append(condition)
        }
        list = list.enumerated().sorted { a, b in
            if a.element.type == b.element.type { return a.offset < b.offset }
            return lexicographicLess(a.element, b.element)
        }.map(\.element)
    }

    /// Flux's condition order: `Stalled`, `Reconciling`, `Ready` first (in that order), then the
    /// others by highest `observedGeneration`, then by type.
    public static func lexicographicLess(_ i: Condition, _ j: Condition) -> Bool {
        let weights = ["Stalled": 0, "Reconciling": 1, ready: 2]
        switch (weights[i.type], weights[j.type]) {
        case let (w1?, w2?): return w1 < w2
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil):
            if i.observedGeneration == j.observedGeneration { return i.type < j.type }
            return i.observedGeneration > j.observedGeneration
        }
    }

    /// Flux trims condition messages to this many bytes (ending in `...`).
    public static let maxMessageLength = 32768

    static func trimmed(_ message: String) -> String {
        guard message.utf8.count > maxMessageLength else { return message }
        let bytes = Array(message.utf8.prefix(maxMessageLength - 3))
        return String(decoding: bytes, as: UTF8.self) + "..."
    }

    /// The condition of `type`, if present.
    public static func get(_ type: String, in list: [Condition]) -> Condition? {
        list.first { $0.type == type }
    }

    /// Removes the condition of `type`.
    public static func delete(_ type: String, from list: inout [Condition]) {
        list.removeAll { $0.type == type }
    }
}
