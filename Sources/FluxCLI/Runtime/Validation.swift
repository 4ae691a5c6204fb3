/// The apimachinery validations flux applies to names, namespaces and labels.
enum Validation {
    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }
    private static func isAlnum(_ b: UInt8) -> Bool { isLowerAlnum(b) || (b >= 0x41 && b <= 0x5A) }

    /// `validation.IsDNS1123Label`: at most 63 lower-case alphanumerics or `-`, alphanumeric at both ends.
    static func isDNS1123Label(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard !b.isEmpty, b.count <= 63, let first = b.first, let last = b.last,
              isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return b.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    /// flux's `validateObjectName`: `^[a-z0-9]([a-z0-9\-]){0,61}[a-z0-9]$`.
    static func isObjectName(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 2, b.count <= 63, let first = b.first, let last = b.last,
              isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return b.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    private static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    private static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"

    private static func isQualifiedPart(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, isAlnum(first), isAlnum(last) else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    /// `validation.IsQualifiedName` errors (simplified to the name-part rules).
    static func qualifiedNameErrors(_ value: String) -> [String] {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let name = parts.last ?? ""
        var errors: [String] = []
        if parts.count > 2 {
            return ["a qualified name " + regex(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"])
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !name.isEmpty && !isQualifiedPart(name) {
            errors.append("name part " + regex(qualifiedNameMessage, qualifiedNameFormat, ["MyName", "my.name", "123-abc"]))
        }
        if parts.count == 2 && parts[0].isEmpty { errors.append("prefix part must be non-empty") }
        return errors
    }

    /// `validation.IsValidLabelValue` errors.
    static func labelValueErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 63 { errors.append("must be no more than 63 characters") }
        if !value.isEmpty && !isQualifiedPart(Substring(value)) {
            errors.append(regex("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                                "(" + qualifiedNameFormat + ")?", ["MyValue", "my_value", "12345"]))
        }
        return errors
    }

    private static func regex(_ message: String, _ format: String, _ examples: [String]) -> String {
        var s = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { s += " or " }
            s += "'" + example + "', "
        }
        return s + "regex used for validation is '" + format + "')"
    }
}
