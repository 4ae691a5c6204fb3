import Foundation
import StructuredData

/// kustomize's ReplacementTransformer: copies one source field into target fields selected by
/// GVK/name/namespace (and label/annotation selectors), with `delimiter`/`index`/`create` options.
enum ReplacementEngine {
    static func apply(_ r: Replacements.Replacement, _ m: inout ResMap) throws(KustomizeError) {
        let src = r.source
        let sourceId = id(src)
        let matches = m.resources.indices.filter { i in
            m.resources[i].curId.isSelected(by: sourceId) || m.resources[i].orgId.isSelected(by: sourceId)
        }
        if matches.count > 1 { throw KustomizeError(.invalid, "multiple matches for selector \(sourceId)") }
        guard let s = matches.first else { throw KustomizeError(.invalid, "nothing selected by \(sourceId)") }
        let fieldPath = src["fieldPath"]?.stringValue ?? "metadata.name"
        guard var value = lookup(.object(m.resources[s].object), segments(fieldPath)) else {
            throw KustomizeError(.invalid, "fieldPath `\(fieldPath)` is missing for replacement source \(sourceId)")
        }
        if let opts = src["options"]?.objectValue, let delimiter = opts["delimiter"]?.stringValue, !delimiter.isEmpty,
           case .string(let text) = value {
            let parts = text.components(separatedBy: delimiter)
            let index = Int(opts["index"]?.intValue ?? 0)
            value = .string(index >= 0 && index < parts.count ? parts[index] : "")
        }
        for target in r.targets {
            let select = target["select"]?.objectValue ?? [:]
            let selector = id(select)
            let rejects = (target["reject"]?.arrayValue ?? []).compactMap(\.objectValue).map(id)
            let opts = target["options"]?.objectValue ?? [:]
            let create = opts["create"]?.boolValue ?? false
            for i in m.resources.indices {
                let res = m.resources[i]
                guard res.curId.isSelected(by: selector) || res.orgId.isSelected(by: selector) else { continue }
                if rejects.contains(where: { res.curId.isSelected(by: $0) }) { continue }
                var root = JSONValue.object(res.object)
                for path in (target["fieldPaths"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    try set(&root, segments(path)[...], value: value, opts: opts, create: create)
                }
                if case .object(let o) = root { m.resources[i].object = o }
            }
        }
    }

    private static func id(_ o: JSONObject) -> ResId {
        ResId(gvk: Gvk(group: o["group"]?.stringValue ?? "", version: o["version"]?.stringValue ?? "", kind: o["kind"]?.stringValue ?? ""),
              name: o["name"]?.stringValue ?? "", namespace: o["namespace"]?.stringValue ?? "")
    }

    /// kyaml field path segments: `.`-separated, `[k=v]` element selectors, `\.` escapes.
    static func segments(_ path: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var depth = 0
        var escaped = false
        for c in path {
            if escaped { cur.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == "." && depth == 0 { out.append(cur); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur)
        return out.filter { !$0.isEmpty }
    }

    static func lookup(_ node: JSONValue, _ path: [String]) -> JSONValue? {
        guard let head = path.first else { return node }
        switch node {
        case .object(let o): return o[head].flatMap { lookup($0, Array(path.dropFirst())) }
        case .array(let items):
            if let i = Int(head), i >= 0, i < items.count { return lookup(items[i], Array(path.dropFirst())) }
            if let (k, v) = selector(head), let item = items.first(where: { StrategicMerge.scalarText($0[k]) == v }) {
                return lookup(item, Array(path.dropFirst()))
            }
            return nil
        default: return nil
        }
    }

    private static func selector(_ s: String) -> (String, String)? {
        guard s.hasPrefix("["), s.hasSuffix("]"), let eq = s.firstIndex(of: "=") else { return nil }
        return (String(s[s.index(after: s.startIndex)..<eq]), String(s[s.index(after: eq)..<s.index(before: s.endIndex)]))
    }

    private static func set(_ node: inout JSONValue, _ path: ArraySlice<String>, value: JSONValue, opts: JSONObject,
                            create: Bool) throws(KustomizeError) {
        guard let head = path.first else {
            if let delimiter = opts["delimiter"]?.stringValue, !delimiter.isEmpty, case .string(let current) = node {
                var parts = current.components(separatedBy: delimiter)
                let index = Int(opts["index"]?.intValue ?? 0)
                let text = StrategicMerge.scalarText(value)
                if index >= 0 && index < parts.count { parts[index] = text } else if index >= parts.count { parts.append(text) } else { parts.insert(text, at: 0) }
                node = .string(parts.joined(separator: delimiter))
            } else {
                node = value
            }
            return
        }
        switch node {
        case .object(var o):
            if head == "*" {
                for k in Array(o.keys) { if var c = o[k] { try set(&c, path.dropFirst(), value: value, opts: opts, create: create); o[k] = c } }
            } else if var child = o[head] {
                try set(&child, path.dropFirst(), value: value, opts: opts, create: create)
                o[head] = child
            } else if create {
                var child: JSONValue = path.count > 1 ? .object([:]) : .null
                try set(&child, path.dropFirst(), value: value, opts: opts, create: create)
                o[head] = child
            } else {
                return
            }
            node = .object(o)
        case .array(var items):
            if head == "*" {
                for i in items.indices { try set(&items[i], path.dropFirst(), value: value, opts: opts, create: create) }
            } else if let i = Int(head), i >= 0, i < items.count {
                try set(&items[i], path.dropFirst(), value: value, opts: opts, create: create)
            } else if let (k, v) = selector(head) {
                var found = false
                for i in items.indices where StrategicMerge.scalarText(items[i][k]) == v {
                    found = true
                    try set(&items[i], path.dropFirst(), value: value, opts: opts, create: create)
                }
                if !found && create {
                    var item: JSONValue = .object([k: .string(v)])
                    try set(&item, path.dropFirst(), value: value, opts: opts, create: create)
                    items.append(item)
                }
            }
            node = .array(items)
        default:
            return
        }
    }
}
