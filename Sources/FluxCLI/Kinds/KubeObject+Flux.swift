import FluxAPI
import KubeModel
import StructuredData

/// Reading the fields flux's commands use from any Flux object, without decoding its type.
extension KubeObject {
    /// `spec.suspend` (false when absent).
    var isSuspendedSpec: Bool { raw[path: ["spec", "suspend"]]?.boolValue ?? false }

    /// `status.observedGeneration` (0 when absent).
    var observedGenerationStatus: Int64 { raw[path: ["status", "observedGeneration"]]?.intValue ?? 0 }

    /// `status.lastHandledReconcileAt`.
    var lastHandledReconcileAt: String { raw[path: ["status", "lastHandledReconcileAt"]]?.stringValue ?? "" }

    /// `status.artifact.revision`, nil without an artifact.
    var artifactRevision: String? {
        guard raw[path: ["status", "artifact"]]?.objectValue != nil else { return nil }
        return raw[path: ["status", "artifact", "revision"]]?.stringValue ?? ""
    }

    /// `status.lastAppliedRevision`.
    var lastAppliedRevision: String { raw[path: ["status", "lastAppliedRevision"]]?.stringValue ?? "" }

    /// The `Ready` condition.
    var readyCondition: Condition? { condition(MetaCondition.ready) }

    /// `field` as a string (`spec.sourceRef.name`), empty when absent.
    func string(at field: [String]) -> String { raw[path: field]?.stringValue ?? "" }
}

/// flux's get-table helpers.
enum Summary {
    /// `statusAndMessage`: the Ready condition's status and message, else `False` and
    /// `waiting to be reconciled`.
    static func statusAndMessage(_ object: KubeObject) -> (String, String) {
        if let ready = object.readyCondition { return (ready.status.rawValue, ready.message) }
        return ("False", "waiting to be reconciled")
    }

    /// `cases.Title(strconv.FormatBool(b))`.
    static func title(_ b: Bool) -> String { b ? "True" : "False" }

    /// `utils.TruncateHex`: every run of 40–128 lower-case hex digits between word boundaries is
    /// shortened to its first 8.
    static func truncateHex(_ s: String) -> String {
        if s.isEmpty { return "" }
        let chars = Array(s)
        var out = ""
        var i = 0
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        func isHex(_ c: Character) -> Bool { ("0"..."9").contains(c) || ("a"..."f").contains(c) }
        while i < chars.count {
            let atBoundary = i == 0 || !isWord(chars[i - 1])
            if atBoundary && isHex(chars[i]) {
                var j = i
                while j < chars.count && isHex(chars[j]) { j += 1 }
                let length = j - i
                let endBoundary = j == chars.count || !isWord(chars[j])
                if length >= 40 && length <= 128 && endBoundary {
                    out += String(chars[i..<(i + 8)])
                    i = j
                    continue
                }
                if length > 128 && endBoundary {
                    // Go's regexp finds the leftmost match; a run longer than 128 has no boundary inside.
                    out += String(chars[i..<j])
                    i = j
                    continue
                }
                out += String(chars[i..<j])
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// `statusMatches`: the last condition whose type equals `type` (case-insensitively) has the status.
    static func statusMatches(_ object: KubeObject, type: String, status: String) -> Bool {
        guard let c = object.conditions.last(where: { $0.type.lowercased() == type.lowercased() }) else { return false }
        return c.status.rawValue.lowercased() == status.lowercased()
    }
}
