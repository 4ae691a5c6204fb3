import KubeModel

/// The conditions a reconciler owns and summarizes into `Ready` (source-controller's
/// `summarize.Conditions`), with the merge of `fluxcd/pkg/runtime/conditions` `SetSummary`.
struct ReadySummary: Sendable {
    var target = ConditionType.ready
    /// Conditions this controller writes.
    var owned: [String]
    /// Conditions summarized into `target`, in priority order for the reason and message.
    var summarize: [String]
    /// The summarized conditions that are abnormal when True.
    var negativePolarity: [String]

    /// The summary condition of `conditions`, or nil when none of `summarize` is present
    /// (`summary` + `merge`, without generation filtering):
    /// 1. group the conditions in scope by status and polarity, in order of appearance;
    /// 2. the top group by priority: True/negative, False/positive, True/positive,
    ///    False/negative, Unknown;
    /// 3. its first condition in `summarize` order gives reason and message;
    /// 4. its status, inverted when the group's polarity differs from the target's.
    func merge(_ conditions: [Condition]) -> Condition? {
        struct Group {
            var status: ConditionStatus
            var negative: Bool
            var members: [Condition]
            var priority: Int {
                switch status {
                case .true: return negative ? 0 : 2
                case .false: return negative ? 3 : 1
                case .unknown: return 4
                }
            }
        }
        var groups: [Group] = []
        for condition in conditions where condition.type != target && summarize.contains(condition.type) {
            let negative = negativePolarity.contains(condition.type)
            if let index = groups.firstIndex(where: { $0.status == condition.status && $0.negative == negative }) {
                groups[index].members.append(condition)
            } else {
                groups.append(Group(status: condition.status, negative: negative, members: [condition]))
            }
        }
        // Go's sort.Sort of a handful of groups is an insertion sort: stable, like Swift's.
        guard var top = groups.sorted(by: { $0.priority < $1.priority }).first else { return nil }
        top.members.sort { a, b in a.type != b.type && Conditions.lexicographicLess(a, b) }
        var first = top.members[0]
        if top.members.count > 1, let preferred = summarize.lazy.compactMap({ type in top.members.first { $0.type == type } }).first {
            first = preferred
        }
        let targetNegative = negativePolarity.contains(target)
        let status: ConditionStatus
        switch top.status {
        case .true: status = top.negative != targetNegative ? .false : .true
        case .false: status = top.negative != targetNegative ? .true : .false
        case .unknown: status = .unknown
        }
        return Condition(type: target, status: status, reason: first.reason, message: first.message)
    }
}
