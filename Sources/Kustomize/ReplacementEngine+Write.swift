import StructuredData

/// kyaml's `PathMatcher` walking a replacement target, with `setFieldValue` at each match.
struct PathWriter {
    let value: JSONValue
    let options: Replacements.FieldOptions?

    private enum Kind { case scalar, map, seq }

    private var valueKind: Kind {
        switch value {
        case .object: return .map
        case .array: return .seq
        default: return .scalar
        }
    }

    /// kyaml's `getPathPartKind`: what to create for a missing node followed by `next`.
    private func empty(before next: String?) -> JSONValue {
        guard let next else {
            switch valueKind {
            case .map: return .object([:])
            case .seq: return .array([])
            case .scalar: return .null
            }
        }
        if ReplacementEngine.isListIndex(next) || Int(next) != nil { return .array([]) }
        return .object([:])
    }

    /// Writes at every node `path` matches under `node`; `count` is the number of matches.
    func write(_ node: inout JSONValue, _ path: ArraySlice<String>, create: Bool, count: inout Int) throws(KustomizeError) {
        guard let head = path.first else {
            try set(&node)
            count += 1
            return
        }
        let rest = path.dropFirst()
        if let index = Int(head) {
            guard case .array(var items) = node else { throw wrongKind(node, expected: "SequenceNode") }
            if items.count == index && create { items.append(empty(before: rest.first)) }
            guard index >= 0, index < items.count else {
                throw KustomizeError(.invalid, "index \(index) specified but only \(items.count) elements found")
            }
            try write(&items[index], rest, create: create, count: &count)
            node = .array(items)
        } else if ReplacementEngine.isListIndex(head) {
            guard let (field, pattern) = ReplacementEngine.splitIndex(head) else {
                throw KustomizeError(.invalid, "\(head) is not a valid index name and value pair")
            }
            try writeElements(&node, field: field, pattern: pattern, rest, create: create, count: &count)
        } else if head == "*" {
            guard case .array(var items) = node else { throw wrongKind(node, expected: "SequenceNode") }
            for i in items.indices { try write(&items[i], rest, create: create, count: &count) }
            node = .array(items)
        } else {
            var o: JSONObject
            switch node {
            case .object(let existing): o = existing
            case .null: o = [:]
            default: throw wrongKind(node, expected: "MappingNode")
            }
            var child: JSONValue
            if let existing = o[head] {
                child = existing
            } else if create {
                child = empty(before: rest.first)
            } else {
                return
            }
            try write(&child, rest, create: create, count: &count)
            o[head] = child
            node = .object(o)
        }
    }

    /// `[field=regexp]`: elements whose field (or, without a field, whose own value) matches the
    /// unanchored regular expression; with `create`, a missing element is appended first.
    private func writeElements(_ node: inout JSONValue, field: String, pattern: String, _ rest: ArraySlice<String>,
                               create: Bool, count: inout Int) throws(KustomizeError) {
        guard case .array(var items) = node else { throw wrongKind(node, expected: "SequenceNode") }
        let regex: Regex<AnyRegexOutput>
        do { regex = try Regex(pattern) } catch {
            throw KustomizeError(.invalid, "error parsing regexp: invalid pattern: `\(pattern)`")
        }
        func matches(_ item: JSONValue) -> Bool {
            let subject = field.isEmpty ? item : (item.objectValue?[field] ?? .null)
            if field.isEmpty == false, item.objectValue?[field] == nil { return false }
            guard let text = ReplacementEngine.scalarText(subject) else { return false }
            return (try? regex.firstMatch(in: text.trimmingCharacters(in: .whitespacesAndNewlines))) != nil
        }
        var matched = false
        for i in items.indices where matches(items[i]) {
            matched = true
            if field.isEmpty {
                try write(&items[i], [][...], create: create, count: &count)
            } else {
                try write(&items[i], rest, create: create, count: &count)
            }
        }
        if !matched && create {
            items.append(field.isEmpty ? .string(pattern) : .object([field: .string(pattern)]))
            node = .array(items)
            try writeElements(&node, field: field, pattern: pattern, rest, create: create, count: &count)
            return
        }
        node = .array(items)
    }

    /// kustomize's `setFieldValue`: a scalar target keeps its type and takes the value's text
    /// (after the delimiter option); a map or list target is replaced.
    private func set(_ target: inout JSONValue) throws(KustomizeError) {
        var newText = ReplacementEngine.scalarText(value)
        if let options, !options.delimiter.isEmpty {
            guard let current = ReplacementEngine.scalarText(target) else {
                throw KustomizeError(.invalid, "delimiter option can only be used with scalar nodes")
            }
            var parts = current.components(separatedBy: options.delimiter)
            let v = newText ?? ""
            if options.index < 0 {
                parts.insert(v, at: 0)
            } else if options.index >= parts.count {
                parts.append(v)
            } else {
                parts[options.index] = v
            }
            newText = parts.joined(separator: options.delimiter)
        }
        switch target {
        case .object, .array:
            target = value
        default:
            target = ReplacementEngine.retype(newText ?? "", like: target)
        }
    }

    private func wrongKind(_ node: JSONValue, expected: String) -> KustomizeError {
        let got: String
        switch node {
        case .object: got = "MappingNode"
        case .array: got = "SequenceNode"
        default: got = "ScalarNode"
        }
        return KustomizeError(.invalid, "wrong node kind: expected \(expected) but got \(got)")
    }
}
