import KubeModel
import StructuredData

/// `ValidateObjectMeta`'s label and annotation rules: label keys are qualified names (optional
/// DNS-subdomain prefix ≤ 253, name ≤ 63), label values ≤ 63 characters of the label alphabet,
/// annotation keys qualified names, and all annotations together ≤ 256 KiB.
enum MetadataValidation {
    static let totalAnnotationSizeLimit = 256 * 1024
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let qualifiedNameMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '\(qualifiedNameFormat)')"
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(\(qualifiedNameFormat))?')"
    static let prefixMessage = "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    static func isQualifiedPart(_ s: Substring) -> Bool {
        let bytes = Array(s.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 45 || $0 == 95 || $0 == 46 }
    }

    /// `validation.IsQualifiedName`: the problems with a label or annotation key.
    static func keyErrors(_ key: String) -> [String] {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        var name = Substring(key)
        var errors: [String] = []
        switch parts.count {
        case 1: break
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                if prefix.utf8.count > 253 { errors.append("prefix part must be no more than 253 characters") }
                if NameValidation.subdomainErrors(String(prefix)).contains(NameValidation.subdomainMessage) { errors.append(prefixMessage) }
            }
        default:
            return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '\(qualifiedNameFormat)') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !name.isEmpty && !isQualifiedPart(name) { errors.append(qualifiedNameMessage) }
        return errors
    }

    /// The field errors of an object's labels and annotations.
    static func errors(_ object: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        for (key, value) in object["metadata"]?["labels"]?.objectValue ?? [:] {
            for message in keyErrors(key) { errors.append(.invalid("metadata.labels", key, message)) }
            let text = value.stringValue ?? ""
            if text.utf8.count > 63 { errors.append(.invalid("metadata.labels", text, "must be no more than 63 characters")) }
            if !text.isEmpty && !isQualifiedPart(Substring(text)) { errors.append(.invalid("metadata.labels", text, labelValueMessage)) }
        }
        var total = 0
        for (key, value) in object["metadata"]?["annotations"]?.objectValue ?? [:] {
            for message in keyErrors(key.lowercased()) { errors.append(.invalid("metadata.annotations", key, message)) }
            total += key.utf8.count + (value.stringValue?.utf8.count ?? 0)
        }
        if total > totalAnnotationSizeLimit {
            errors.append(FieldError(type: .tooLong, field: "metadata.annotations", renderedValue: nil,
                                     detail: "must have at most \(totalAnnotationSizeLimit) bytes"))
        }
        return errors
    }
}
