import ControllerRuntime
import FluxAPI
import KubeModel

extension ReleaseRequest {
    /// `summarize`: mirrors the most important of the summary conditions (Remediated, TestSuccess
    /// when tests are enabled and not ignored, Released) into Ready with the object's generation;
    /// a mirrored Remediated makes Ready False; Ready True clears Stalled. TestSuccess is removed
    /// when tests are disabled.
    func summarize() {
        let test = object.test
        let testsEnabled = test.enable ?? false
        let summary = testsEnabled && !(test.ignoreFailures ?? false)
            ? [HelmCondition.remediated, HelmCondition.testSuccess, HelmCondition.released]
            : [HelmCondition.remediated, HelmCondition.released]
        if !testsEnabled { object.deleteCondition(HelmCondition.testSuccess) }
        var conditions = object.conditions
        guard !conditions.isEmpty else { return }
        // Go's sort.SliceStable with upstream's comparator: for fewer than 20 elements it is this
        // insertion sort, and the comparator is not a strict order, so the algorithm matters.
        func less(_ a: Condition, _ b: Condition) -> Bool {
            guard let i = summary.firstIndex(of: a.type) else { return false }
            guard let j = summary.firstIndex(of: b.type) else { return true }
            return a.observedGeneration >= b.observedGeneration && i < j
        }
        if conditions.count > 1 {
            for i in 1..<conditions.count {
                var j = i
                while j > 0 && less(conditions[j], conditions[j - 1]) {
                    conditions.swapAt(j, j - 1)
                    j -= 1
                }
            }
        }
        let top = conditions[0]
        var status = top.status
        if top.type == HelmCondition.remediated { status = .false }
        if status == .true { object.deleteCondition(MetaCondition.stalled) }
        object.setCondition(Condition(type: MetaCondition.ready, status: status, reason: top.reason, message: top.message))
    }

    /// Replaces condition `old` with `new` (same status semantics), as `replaceCondition` does.
    func replaceCondition(_ old: String, with new: String, reason: String, message: String, status: ConditionStatus) {
        object.deleteCondition(old)
        object.setCondition(Condition(type: new, status: status, reason: reason, message: message))
    }
}

/// Event helpers (`eventMessageWithLog`, `eventMeta`).
enum HelmEvents {
    /// `msg`, plus `\n\nLast Helm logs:\n\n<lines>` when the buffer holds lines.
    static func withLog(_ message: String, _ buffer: LogBuffer?) -> String {
        guard let buffer, buffer.count > 0 else { return message }
        return message + "\n\nLast Helm logs:\n\n" + buffer.description
    }

    /// The event metadata: `helm.toolkit.fluxcd.io/revision` and `…/token`, when non-empty.
    static func metadata(revision: String, token: String) -> [String: String] {
        var m: [String: String] = [:]
        if !revision.isEmpty { m[FluxGroups.helm + "/revision"] = revision }
        if !token.isEmpty { m[FluxGroups.helm + "/token"] = token }
        return m
    }
}
