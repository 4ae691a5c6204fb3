import StructuredData

/// Label- and field-selector matching for list and watch.
///
/// Interim implementation private to APIServerCore (the shared `LabelSelector`/`FieldSelector`
/// of KubeModel replace it once available); it follows `apimachinery/pkg/labels` and `fields`.
struct ObjectMatcher: Sendable {
    enum Requirement: Sendable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case notExists(String)
    }
    var labelRequirements: [Requirement] = []
    var fieldRequirements: [(path: String, value: String, equal: Bool)] = []

    /// Parses `labelSelector` and `fieldSelector`; 400 `BadRequest` when malformed or when a
    /// field label is not supported by `type`.
    init(labelSelector: String?, fieldSelector: String?, type: ResourceType) throws {
        if let s = labelSelector, !s.isEmpty { labelRequirements = try Self.parseLabels(s) }
        if let s = fieldSelector, !s.isEmpty {
            for term in s.split(separator: ",") {
                let text = String(term)
                let (op, equal): (String, Bool) = text.contains("!=") ? ("!=", false) : (text.contains("==") ? ("==", true) : ("=", true))
                let parts = text.split(separator: op, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw APIServerError.badRequest("invalid selector: '\(s)'; can't understand '\(text)'") }
                let field = parts[0].trimmingSpaces
                let supported = field == "metadata.name" || (type.namespaced && field == "metadata.namespace")
                    || type.extraFieldLabels.contains(field)
                guard supported else { throw APIServerError.badRequest("field label not supported: \(field)") }
                fieldRequirements.append((field, parts[1].trimmingSpaces, equal))
            }
        }
    }

    /// True when the object satisfies every requirement.
    func matches(_ object: JSONValue) -> Bool {
        if !labelRequirements.isEmpty {
            let labels = object.labels
            for r in labelRequirements {
                switch r {
                case .equals(let k, let v): if labels[k] != v { return false }
                case .notEquals(let k, let v): if labels[k] == v { return false }
                case .isIn(let k, let vs): guard let v = labels[k], vs.contains(v) else { return false }
                case .notIn(let k, let vs): if let v = labels[k], vs.contains(v) { return false }
                case .exists(let k): if labels[k] == nil { return false }
                case .notExists(let k): if labels[k] != nil { return false }
                }
            }
        }
        for r in fieldRequirements {
            let value = Self.fieldValue(object, r.path)
            if (value == r.value) != r.equal { return false }
        }
        return true
    }

    var isEmpty: Bool { labelRequirements.isEmpty && fieldRequirements.isEmpty }

    static func fieldValue(_ object: JSONValue, _ path: String) -> String {
        let effective = path == "source" ? "source.component" : path
        switch object[dotted: effective] {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .bool(let b)?: return String(b)
        default: return ""
        }
    }

    static func parseLabels(_ selector: String) throws -> [Requirement] {
        var out: [Requirement] = []
        var terms: [String] = []
        var depth = 0
        var current = ""
        for ch in selector {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if ch == "," && depth == 0 { terms.append(current); current = "" } else { current.append(ch) }
        }
        terms.append(current)
        for raw in terms {
            let term = raw.trimmingSpaces
            guard !term.isEmpty else { throw APIServerError.badRequest("unable to parse requirement: found '', expected: identifier") }
            if let r = try setRequirement(term, " notin ", negate: true) ?? setRequirement(term, " in ", negate: false) {
                out.append(r)
            } else if term.contains("!=") {
                let p = term.split(separator: "!=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                try checkKey(p[0]); out.append(.notEquals(p[0], p[1]))
            } else if term.contains("=") {
                let op = term.contains("==") ? "==" : "="
                let p = term.split(separator: op, maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                try checkKey(p[0]); out.append(.equals(p[0], p[1]))
            } else if term.hasPrefix("!") {
                let k = String(term.dropFirst()).trimmingSpaces
                try checkKey(k); out.append(.notExists(k))
            } else {
                try checkKey(term); out.append(.exists(term))
            }
        }
        return out
    }

    static func setRequirement(_ term: String, _ op: String, negate: Bool) throws -> Requirement? {
        let parts = term.split(separator: op, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let key = String(parts[0]).trimmingSpaces
        var rest = String(parts[1]).trimmingSpaces
        guard rest.hasPrefix("("), rest.hasSuffix(")") else {
            throw APIServerError.badRequest("unable to parse requirement: found '\(rest)', expected: '('")
        }
        rest = String(rest.dropFirst().dropLast())
        let values = Set(rest.split(separator: ",").map { String($0).trimmingSpaces })
        try checkKey(key)
        return negate ? .notIn(key, values) : .isIn(key, values)
    }

    static func checkKey(_ key: String) throws {
        let ok = !key.isEmpty && key.utf8.count <= 316 && key.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
        if !ok { throw APIServerError.badRequest("unable to parse requirement: invalid label key \"\(key)\"") }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
