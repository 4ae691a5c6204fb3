/// Label key/value validation with the messages of `k8s.io/apimachinery/pkg/util/validation`
/// (`IsQualifiedName`, `IsValidLabelValue`, `IsDNS1123Subdomain`) and `labels.NewRequirement`.
enum LabelValidation {
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueFormat = "(" + qualifiedNameFormat + ")?"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let dns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"

    /// `validation.RegexError`.
    static func regexError(_ message: String, _ format: String, _ examples: [String]) -> String {
        if examples.isEmpty { return message + " (regex used for validation is '" + format + "')" }
        var s = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { s += " or " }
            s += "'" + example + "', "
        }
        return s + "regex used for validation is '" + format + "')"
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` against the whole string.
    static func isQualifiedNamePart(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, let last = bytes.last, isAlnum(first), isAlnum(last) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    /// Matches the RFC 1123 subdomain regex against the whole string.
    static func isDNS1123Subdomain(_ s: String) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            func ok(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }
            return ok(first) && ok(last) && bytes.allSatisfy { ok($0) || $0 == 0x2D }
        }
    }

    /// `validation.IsQualifiedName`.
    static func qualifiedNameErrors(_ value: String) -> [String] {
        var errors: [String] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                if prefix.utf8.count > 253 { errors.append("prefix part must be no more than 253 characters") }
                if !isDNS1123Subdomain(prefix) {
                    errors.append("prefix part " + regexError(dns1123SubdomainMessage, dns1123SubdomainFormat, ["example.com"]))
                }
            }
        default:
            return ["a qualified name "
                + regexError(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"])
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !isQualifiedNamePart(name) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"]))
        }
        return errors
    }

    /// `validation.IsValidLabelValue`.
    static func labelValueErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !value.isEmpty && !isQualifiedNamePart(value) {
            errors.append(regexError(labelValueMessage, labelValueFormat, ["MyValue", "my_value", "12345"]))
        }
        return errors
    }

    /// The key error of `validateLabelKey` at `path` (`<nil>` when the parser has no path).
    static func keyError(_ key: String, path: String) -> FieldError? {
        let errors = qualifiedNameErrors(key)
        if errors.isEmpty { return nil }
        return .invalid(path, key, errors.joined(separator: "; "))
    }

    /// Every error `labels.NewRequirement` reports, with field paths under `path`
    /// (`key`, `values[i][key]`, … when `path` is nil).
    static func requirementErrors(key: String, op: LabelSelector.Operator, values: [String], path: String?)
        -> [FieldError]
    {
        func child(_ name: String) -> String { path.map { "\($0).\(name)" } ?? name }
        var errors: [FieldError] = []
        if let e = keyError(key, path: child("key")) { errors.append(e) }
        let valuePath = child("values")
        let rendered = goStringSliceLiteral(values.isEmpty ? nil : values)
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                errors.append(.invalid(valuePath, rendered: rendered, "for 'in', 'notin' operators, values set can't be empty"))
            }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 {
                errors.append(.invalid(valuePath, rendered: rendered, "exact-match compatibility requires one single value"))
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                errors.append(.invalid(valuePath, rendered: rendered, "values set must be empty for exists and does not exist"))
            }
        case .greaterThan, .lessThan:
            if values.count != 1 {
                errors.append(.invalid(valuePath, rendered: rendered, "for 'Gt', 'Lt' operators, exactly one value is required"))
            }
            for (i, v) in values.enumerated() where Int64(v) == nil {
                errors.append(.invalid("\(valuePath)[\(i)]", v, "for 'Gt', 'Lt' operators, the value must be an integer"))
            }
        }
        for (i, v) in values.enumerated() {
            let messages = labelValueErrors(v)
            if !messages.isEmpty {
                errors.append(.invalid("\(valuePath)[\(i)][\(key)]", v, messages.joined(separator: "; ")))
            }
        }
        return errors
    }
}
