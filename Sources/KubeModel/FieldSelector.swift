/// A Kubernetes field selector (`fields.Selector`): an AND of `field=value` / `field!=value` terms.
///
/// `parse(_:)` follows `fields.ParseSelector`: terms split on unescaped `,`, sorted, each split at
/// the first `!=`, `==` or `=`; values unescape `\\`, `\,`, `\=`.
public struct FieldSelector: Sendable, Equatable, CustomStringConvertible {
    /// A term's operator.
    public enum Operator: String, Sendable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
    }

    /// One term: field, operator and unescaped value.
    public struct Requirement: Sendable, Equatable {
        public var field: String
        public var op: Operator
        public var value: String

        public init(field: String, op: Operator, value: String) {
            self.field = field
            self.op = op
            self.value = value
        }
    }

    public private(set) var requirements: [Requirement]

    public init(requirements: [Requirement]) { self.requirements = requirements }

    /// Matches everything.
    public static let everything = FieldSelector(requirements: [])

    public var isEmpty: Bool { requirements.isEmpty }

    /// Parses as `fields.ParseSelector`.
    /// - Throws: `KubeModelError.invalidFieldSelector`, e.g.
    ///   `invalid selector: 'a'; can't understand 'a'` or
    ///   `invalid field selector: invalid escape sequence: \x`.
    public static func parse(_ text: String) throws(KubeModelError) -> FieldSelector {
        var requirements: [Requirement] = []
        for term in splitTerms(text).sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where !term.isEmpty {
            guard let (field, op, rawValue) = splitTerm(term) else {
                throw .invalidFieldSelector("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            requirements.append(Requirement(field: field, op: op, value: try unescape(rawValue)))
        }
        return FieldSelector(requirements: requirements)
    }

    /// True when every term holds; a missing field reads as `""`, as upstream `fields.Set.Get`.
    public func matches(_ lookup: (String) -> String?) -> Bool {
        requirements.allSatisfy { r in
            let actual = lookup(r.field) ?? ""
            return r.op == .notEquals ? actual != r.value : actual == r.value
        }
    }

    /// Canonical form: `field=value` / `field!=value` (values escaped), joined by `,`.
    public var description: String {
        requirements.map { r in
            r.field + (r.op == .notEquals ? "!=" : "=") + Self.escape(r.value)
        }.joined(separator: ",")
    }

    /// `fields.EscapeValue`.
    public static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            if c == "\\" || c == "," || c == "=" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func splitTerms(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var terms: [String] = []
        var current = ""
        var inSlash = false
        for c in text.unicodeScalars {
            if inSlash {
                inSlash = false
            } else if c == "\\" {
                inSlash = true
            } else if c == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.unicodeScalars.append(c)
        }
        terms.append(current)
        return terms
    }

    static func splitTerm(_ term: String) -> (String, Operator, String)? {
        let scalars = Array(term.unicodeScalars)
        for i in scalars.indices {
            for op in [Operator.notEquals, .doubleEquals, .equals] {
                let opScalars = Array(op.rawValue.unicodeScalars)
                if scalars[i...].starts(with: opScalars) {
                    var field = String.UnicodeScalarView()
                    field.append(contentsOf: scalars[..<i])
                    var value = String.UnicodeScalarView()
                    value.append(contentsOf: scalars[(i + opScalars.count)...])
                    return (String(field), op, String(value))
                }
            }
        }
        return nil
    }

    /// `fields.UnescapeValue`.
    static func unescape(_ s: String) throws(KubeModelError) -> String {
        var out = ""
        var inSlash = false
        for c in s.unicodeScalars {
            if inSlash {
                guard c == "\\" || c == "," || c == "=" else {
                    throw .invalidFieldSelector("invalid field selector: invalid escape sequence: \\\(c)")
                }
                out.unicodeScalars.append(c)
                inSlash = false
                continue
            }
            switch c {
            case "\\": inSlash = true
            case ",", "=":
                throw .invalidFieldSelector("invalid field selector: unescaped character in value: \(c.value)")
            default: out.unicodeScalars.append(c)
            }
        }
        if inSlash { throw .invalidFieldSelector("invalid field selector: invalid escape sequence: \\") }
        return out
    }
}
