import Foundation
import StructuredData

/// A legacy `vars:` entry: `$(NAME)` in the var-reference fields is replaced by a field of a
/// resource.
struct Var: Sendable {
    var name: String
    var objRef: ResId
    var fieldPath: String

    static func decode(_ v: JSONValue) throws(KustomizeError) -> Var {
        guard case .object(let o) = v, let name = o["name"]?.stringValue else {
            throw KustomizeError(.invalid, "var is missing a name")
        }
        let ref = o["objref"]?.objectValue ?? [:]
        var gvk = Gvk(apiVersion: ref["apiVersion"]?.stringValue ?? "", kind: ref["kind"]?.stringValue ?? "")
        if let g = ref["group"]?.stringValue { gvk.group = g }
        if let ver = ref["version"]?.stringValue { gvk.version = ver }
        let id = ResId(gvk: gvk, name: ref["name"]?.stringValue ?? "", namespace: ref["namespace"]?.stringValue ?? "")
        let path = o["fieldref"]?["fieldpath"]?.stringValue ?? o["fieldref"]?["fieldPath"]?.stringValue ?? "metadata.name"
        return Var(name: name, objRef: id, fieldPath: path.isEmpty ? "metadata.name" : path)
    }

    /// Replaces `$(NAME)` references in the var-reference fields of every resource.
    static func resolve(_ vars: [Var], _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        guard !vars.isEmpty else { return }
        var values: [String: JSONValue] = [:]
        for v in vars {
            let matches = m.resources.indices.filter { i in
                m.resources[i].allIds.contains { id in
                    (v.objRef.name.isEmpty || id.name == v.objRef.name)
                        && (v.objRef.namespace.isEmpty || id.namespace == v.objRef.namespace || id.isNsEquals(v.objRef))
                        && id.gvk.isSelected(by: v.objRef.gvk)
                }
            }
            if matches.count > 1 {
                let ids = matches.map { m.resources[$0].curId.description }.joined(separator: " ")
                throw KustomizeError(.conflict, "found \(matches.count) resId matches for var \(v.name) (unable to disambiguate between [\(ids)])")
            }
            guard let i = matches.first else {
                throw KustomizeError(.invalid, "var '\(v.name)' cannot be mapped to a field in the set of known resources")
            }
            guard let value = lookup(.object(m.resources[i].object), v.fieldPath) else {
                throw KustomizeError(.invalid, "field specified in var '\(v.name)' not found in corresponding resource")
            }
            values[v.name] = value
        }
        for i in m.resources.indices {
            var r = m.resources[i]
            for fs in specs {
                try fs.apply(to: &r) { (v: inout JSONValue) throws(KustomizeError) in
                    v = substitute(v, values)
                }
            }
            m.resources[i] = r
        }
    }

    static func lookup(_ root: JSONValue, _ path: String) -> JSONValue? {
        var node: JSONValue? = root
        for part in path.split(separator: ".") {
            var key = String(part)
            var index: Int?
            if let open = key.firstIndex(of: "["), key.hasSuffix("]") {
                index = Int(key[key.index(after: open)..<key.index(before: key.endIndex)])
                key = String(key[..<open])
            }
            node = node?[key]
            if let index { node = node?[index] }
        }
        return node
    }

    private static func substitute(_ v: JSONValue, _ values: [String: JSONValue]) -> JSONValue {
        switch v {
        case .string(let s):
            // A whole-string reference keeps the referred value's type.
            if s.hasPrefix("$("), s.hasSuffix(")"), let whole = values[String(s.dropFirst(2).dropLast())] { return whole }
            var out = s
            for (name, value) in values {
                let text = StrategicMerge.scalarText(value)
                out = out.replacingOccurrences(of: "$(" + name + ")", with: text)
            }
            return .string(out)
        case .array(let items): return .array(items.map { substitute($0, values) })
        case .object(var o):
            for (k, item) in o { o[k] = substitute(item, values) }
            return .object(o)
        default: return v
        }
    }
}
