/// A Kubernetes label selector (`labels.Selector`): an AND of requirements.
///
/// Build one from a string with `parse(_:)` (the `labels.Parse` grammar: `k=v`, `k==v`, `k!=v`,
/// `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`, `k<1`), or from a `metav1.LabelSelector`
/// object with `init(labelSelector:)`. Requirements are kept sorted by key, as upstream does,
/// so `description` is canonical.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// `selection.Operator`; raw values are the upstream operator strings.
    public enum Operator: String, Sendable, CaseIterable {
        case doesNotExist = "!"
        case equals = "="
        case doubleEquals = "=="
        case `in` = "in"
        case notEquals = "!="
        case notIn = "notin"
        case exists = "exists"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    /// One requirement: a key, an operator and its values.
    public struct Requirement: Sendable, Equatable, CustomStringConvertible {
        public let key: String
        public let op: Operator
        /// The values as given (parsed selectors hold them sorted and de-duplicated).
        public let values: [String]

        /// Builds a requirement, validating it as `labels.NewRequirement` does.
        /// - Throws: `KubeModelError.invalidLabelSelector` with the upstream message.
        public init(key: String, op: Operator, values: [String]) throws(KubeModelError) {
            try self.init(key: key, op: op, values: values, path: nil)
        }

        init(key: String, op: Operator, values: [String], path: String?) throws(KubeModelError) {
            let errors = LabelValidation.requirementErrors(key: key, op: op, values: values, path: path)
            if let message = errors.aggregateMessage { throw .invalidLabelSelector(message) }
            self.key = key
            self.op = op
            self.values = values
        }

        /// `Requirement.Matches`.
        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .in, .equals, .doubleEquals:
                guard let value else { return false }
                return values.contains(value)
            case .notIn, .notEquals:
                guard let value else { return true }
                return !values.contains(value)
            case .exists:
                return value != nil
            case .doesNotExist:
                return value == nil
            case .greaterThan, .lessThan:
                guard let value, let actual = Int64(value), values.count == 1, let bound = Int64(values[0])
                else { return false }
                return op == .greaterThan ? actual > bound : actual < bound
            }
        }

        /// `Requirement.String()`: `k=v`, `k in (a,b)`, `!k`, … with values sorted.
        public var description: String {
            var s = op == .doesNotExist ? "!" : ""
            s += key
            switch op {
            case .equals: s += "="
            case .doubleEquals: s += "=="
            case .notEquals: s += "!="
            case .in: s += " in "
            case .notIn: s += " notin "
            case .greaterThan: s += ">"
            case .lessThan: s += "<"
            case .exists, .doesNotExist: return s
            }
            let joined = values.count == 1 ? values[0] : values.sorted().joined(separator: ",")
            if op == .in || op == .notIn { return s + "(" + joined + ")" }
            return s + joined
        }
    }

    /// The requirements, sorted by key.
    public private(set) var requirements: [Requirement]
    /// True for `labels.Nothing()` (a nil `metav1.LabelSelector`), which matches no label set.
    public private(set) var selectsNothing: Bool

    /// Builds a selector from requirements (sorted by key, stably).
    public init(requirements: [Requirement]) {
        self.requirements = Self.sortedByKey(requirements)
        self.selectsNothing = false
    }

    /// Matches every label set (`labels.Everything()`).
    public static let everything = LabelSelector(requirements: [])
    /// Matches no label set (`labels.Nothing()`, a nil `metav1.LabelSelector`).
    public static let nothing: LabelSelector = {
        var s = LabelSelector(requirements: [])
        s.selectsNothing = true
        return s
    }()

    /// True when the selector has no requirements and so matches everything.
    public var isEmpty: Bool { requirements.isEmpty && !selectsNothing }

    /// Adds requirements (`Selector.Add`), keeping them sorted by key.
    public func adding(_ more: [Requirement]) -> LabelSelector {
        var copy = self
        copy.requirements = Self.sortedByKey(requirements + more)
        return copy
    }

    /// True when every requirement matches `labels`.
    public func matches(_ labels: [String: String]) -> Bool {
        if selectsNothing { return false }
        return requirements.allSatisfy { $0.matches(labels) }
    }

    /// The canonical string form (requirements joined by `,`); `""` for everything and nothing.
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }

    private static func sortedByKey(_ requirements: [Requirement]) -> [Requirement] {
        requirements.enumerated()
            .sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
            .map(\.element)
    }
}
