import Foundation
import KubeModel
import StructuredData

/// The mechanics of kustomize's replacement filter: the source value (kyaml `Lookup` semantics),
/// target selection by any of a resource's ids, and writing through kyaml's `PathMatcher`
/// (`*` wildcards, list indexes, `[field=regexp]` element matches, optional creation).
enum ReplacementEngine {
    /// The source field's value, refined by the delimiter options.
    static func value(_ source: Replacements.Source, _ m: ResMap) throws(KustomizeError) -> JSONValue {
        var matches: [Int] = []
        for i in m.resources.indices where m.resources[i].allIds.contains(where: { $0.isSelected(by: source.id) }) {
            if !matches.isEmpty { throw KustomizeError(.invalid, "multiple matches for selector \(source.description)") }
            matches.append(i)
        }
        guard let s = matches.first else { throw KustomizeError(.invalid, "nothing selected by \(source.description)") }
        let fieldPath = source.fieldPath.isEmpty ? "metadata.name" : source.fieldPath
        let found = lookup(.object(m.resources[s].object), segments(fieldPath))
        guard let found, !isNilOrEmpty(found) else {
            throw KustomizeError(.invalid, "fieldPath `\(fieldPath)` is missing for replacement source \(source.id)")
        }
        guard let options = source.options, !options.delimiter.isEmpty else { return found }
        guard let text = scalarText(found) else { throw KustomizeError(.invalid, "delimiter option can only be used with scalar nodes") }
        let parts = text.components(separatedBy: options.delimiter)
        guard options.index >= 0 && options.index < parts.count else {
            throw KustomizeError(.invalid, "options.index \(options.index) is out of bounds for value \(text)")
        }
        return retype(parts[options.index], like: found)
    }

    /// Writes `value` into every selected target.
    static func apply(_ value: JSONValue, _ targets: [Replacements.Target], _ m: inout ResMap) throws(KustomizeError) {
        for target in targets {
            guard let select = target.select else { throw KustomizeError(.invalid, "target must specify resources to select") }
            let fieldPaths = target.fieldPaths.isEmpty ? ["metadata.name"] : target.fieldPaths
            for i in m.resources.indices {
                let res = m.resources[i]
                guard try matchesLabelsAndAnnotations(res, select) else { continue }
                var rejected = false
                for reject in target.reject where !reject.labelSelector.isEmpty || !reject.annotationSelector.isEmpty {
                    if try matchesLabelsAndAnnotations(res, reject) { rejected = true }
                }
                if rejected { continue }
                let ids = res.allIds
                guard ids.contains(where: { $0.isSelected(by: select.id) }) else { continue }
                let isRejected = target.reject.contains { r in !r.isIdEmpty && ids.contains { $0.isSelected(by: r.id) } }
                if isRejected { continue }
                var root = JSONValue.object(res.object)
                for fp in fieldPaths {
                    let create = target.options?.create ?? false
                    var count = 0
                    do {
                        try PathWriter(value: value, options: target.options).write(&root, segments(fp)[...], create: create, count: &count)
                    } catch {
                        throw error.prefixed(retrievalError(fp, create))
                    }
                    if count == 0 { throw KustomizeError(.invalid, retrievalError(fp, create)) }
                }
                if case .object(let o) = root { m.resources[i].object = o }
            }
        }
    }

    private static func retrievalError(_ fieldPath: String, _ create: Bool) -> String {
        create ? "unable to find or create field \(goQuote(fieldPath)) in replacement target"
            : "unable to find field \(goQuote(fieldPath)) in replacement target"
    }

    private static func matchesLabelsAndAnnotations(_ r: Resource, _ s: Replacements.IdSelector) throws(KustomizeError) -> Bool {
        for (text, map) in [(s.annotationSelector, r.annotations), (s.labelSelector, r.labels)] where !text.isEmpty {
            let selector: LabelSelector
            do { selector = try LabelSelector.parse(text) } catch { throw KustomizeError(.invalid, "\(error)") }
            if !selector.matches(map) { return false }
        }
        return true
    }

    /// kyaml's `SmarterPathSplitter` with `.`: `\.` escapes a dot, a `[…]` segment containing
    /// `=` keeps its dots, and brackets without `=` are dropped (`[0]` is `0`).
    static func segments(_ path: String) -> [String] {
        var parts: [String] = []
        for piece in path.components(separatedBy: ".") {
            if let last = parts.last, last.hasSuffix("\\") {
                parts[parts.count - 1] = String(last.dropLast()) + "." + piece
            } else {
                parts.append(piece)
            }
        }
        if parts.count > 1 && parts[0].isEmpty { parts.removeFirst() }
        var out: [String] = []
        var i = 0
        while i < parts.count {
            let elem = parts[i]
            if elem.hasPrefix("[") && !elem.hasSuffix("]") {
                var bracketed = [elem]
                while i < parts.count - 1 {
                    i += 1
                    bracketed.append(parts[i])
                    if parts[i].hasSuffix("]") { break }
                }
                let joined = bracketed.joined(separator: ".")
                out.append(joined.contains("=") ? joined : joined.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
            } else {
                out.append(elem)
            }
            i += 1
        }
        return out
    }

    /// kyaml's `Lookup` (`PathGetter` without creation): fields, list indexes, `[field=value]`
    /// exact element matches, `-` for the last element.
    static func lookup(_ node: JSONValue, _ path: [String]) -> JSONValue? {
        var current = node
        for part in path {
            switch current {
            case .object(let o):
                if Int(part) != nil || part == "-" || isListIndex(part) { return nil }
                guard let next = o[part] else { return nil }
                current = next
            case .array(let items):
                if let i = Int(part) {
                    guard i >= 0, i < items.count else { return nil }
                    current = items[i]
                } else if part == "-" {
                    guard let last = items.last else { return nil }
                    current = last
                } else if let (field, value) = splitIndex(part) {
                    let match = items.first { item in
                        field.isEmpty ? scalarText(item) == value : item[field].flatMap(scalarText) == value
                    }
                    guard let match else { return nil }
                    current = match
                } else {
                    return nil
                }
            case .null:
                return nil
            default:
                return nil
            }
        }
        return current
    }

    static func isListIndex(_ s: String) -> Bool { s.hasPrefix("[") && s.hasSuffix("]") }

    /// `[field=value]` → (field, value); `[=value]` matches primitive elements.
    static func splitIndex(_ s: String) -> (String, String)? {
        guard isListIndex(s), let eq = s.firstIndex(of: "=") else { return nil }
        return (String(s[s.index(after: s.startIndex)..<eq]), String(s[s.index(after: eq)..<s.index(before: s.endIndex)]))
    }

    /// A scalar's text as kyaml holds it; nil for maps and lists.
    static func scalarText(_ v: JSONValue) -> String? {
        switch v {
        case .object, .array: return nil
        case .null: return ""
        default: return StrategicMerge.scalarText(v)
        }
    }

    /// kyaml's `IsNilOrEmpty`: null, an empty map or an empty list.
    static func isNilOrEmpty(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .object(let o): return o.isEmpty
        case .array(let a): return a.isEmpty
        default: return false
        }
    }

    /// `text` under the YAML tag of `like` (kyaml keeps a scalar's tag when only its text changes).
    static func retype(_ text: String, like: JSONValue) -> JSONValue {
        switch like {
        case .string: return .string(text)
        case .int: if let i = Int64(text) { return .int(i) }
        case .bool: if text == "true" || text == "false" { return .bool(text == "true") }
        case .double: if let d = Double(text) { return .double(d) }
        default: break
        }
        return KYAMLScalar.resolve(text)
    }
}
