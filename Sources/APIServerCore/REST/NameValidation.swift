import KubeModel

/// Kubernetes object-name rules (RFC 1123), with the upstream error texts.
enum NameValidation {
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let labelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

    /// The problems with `name` as a DNS-1123 subdomain (empty when valid).
    static func subdomainErrors(_ name: String) -> [String] {
        var errors: [String] = []
        if name.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if name.isEmpty || !labels.allSatisfy({ isLabel($0) }) { errors.append(subdomainMessage) }
        return errors
    }

    /// The problems with `name` as a DNS-1123 label (empty when valid).
    static func labelErrors(_ name: String) -> [String] {
        var errors: [String] = []
        if name.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !isLabel(Substring(name)) { errors.append(labelMessage) }
        return errors
    }

    static func isLabel(_ s: Substring) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        return alnum(first) && alnum(last) && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Validates an object name for `type`, throwing 422 `Invalid` with upstream wording.
    static func validate(_ name: String, type: ResourceType) throws {
        let errors: [String]
        switch (type.group, type.plural) {
        case ("", "namespaces"), ("", "services"): errors = labelErrors(name)
        default:
            if name == "." || name == ".." {
                errors = ["may not be '\(name)'"]
            } else if name.contains("/") || name.contains("%") {
                errors = ["may not contain '/'"]
            } else if type.isCustom || type.group.hasPrefix("rbac.") {
                errors = name.isEmpty ? [subdomainMessage] : []
            } else {
                errors = subdomainErrors(name)
            }
        }
        guard !errors.isEmpty else { return }
        throw APIServerError.invalid(kind: type.kind, group: type.group, name: name,
                                     errors: errors.map { FieldError.invalid("metadata.name", name, $0) })
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
