import Foundation
import GoCompat
import StructuredData

/// A legacy `vars:` entry (kustomize's `types.Var`): `$(NAME)` in the var-reference fields is
/// replaced by a field of the one resource the var's `objref` names.
///
/// As upstream, the resource is picked when the kustomization that declares the var is
/// accumulated (`MergeVars` marks it with the var's name), so equal names in different bases
/// do not collide; the values are read and substituted after name references are fixed.
struct Var: Sendable {
    var name: String
    /// `objref.apiVersion`, and the inline `group`/`version`/`kind` (before `apiVersion` fills them).
    var apiVersion: String
    var inlineGvk: Gvk
    var objName: String
    var objNamespace: String
    /// `fieldref.fieldPath` as written (empty means `metadata.name`).
    var fieldPath: String

    static func decode(_ v: JSONValue) throws(KustomizeError) -> Var {
        guard case .object(let raw) = v else { throw KustomizeError(.invalid, "json: cannot unmarshal into Go value of type types.Var") }
        // encoding/json matches field names case-insensitively (`fieldpath` is `fieldPath`).
        let o = FieldDecoder.CaseInsensitiveFields(object: raw)
        let ref = FieldDecoder.CaseInsensitiveFields(object: o["objref"]?.objectValue ?? [:])
        let field = FieldDecoder.CaseInsensitiveFields(object: o["fieldref"]?.objectValue ?? [:])
        return Var(name: o["name"]?.stringValue ?? "", apiVersion: ref["apiVersion"]?.stringValue ?? "",
                   inlineGvk: Gvk(group: ref["group"]?.stringValue ?? "", version: ref["version"]?.stringValue ?? "",
                                  kind: ref["kind"]?.stringValue ?? ""),
                   objName: ref["name"]?.stringValue ?? "", objNamespace: ref["namespace"]?.stringValue ?? "",
                   fieldPath: field["fieldPath"]?.stringValue ?? "")
    }

    /// The GVK `objref` names (`Target.GVK()`: `apiVersion` overrides group and version).
    var gvk: Gvk {
        guard !apiVersion.isEmpty else { return inlineGvk }
        var g = inlineGvk
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            g.group = String(parts[0])
            g.version = String(parts[1])
        } else if parts.count == 1 {
            g.version = apiVersion
        }
        return g
    }

    var effectiveFieldPath: String { fieldPath.isEmpty ? "metadata.name" : fieldPath }

    /// Go's `%v` of the var (its objref prints through the embedded Gvk's `String`).
    func goDescription(resolvedGvk: Bool, defaulted: Bool) -> String {
        let path = defaulted ? effectiveFieldPath : fieldPath
        return "{\(name) \((resolvedGvk ? gvk : inlineGvk).description) {\(path)}}"
    }

    /// kustomize's `ResAccumulator.MergeVars`: marks the one resource each var names, then adds
    /// the vars to the set (a name seen before is an error).
    static func merge(_ incoming: [Var], into ra: inout Accumulator) throws(KustomizeError) {
        for v in incoming {
            let target = ResId(gvk: v.gvk, name: v.objName, namespace: v.objNamespace)
            let exact = !target.namespace.isEmpty || target.gvk.isClusterScoped
            let matched = ra.resMap.resources.indices.filter { i in
                ra.resMap.resources[i].allIds.contains { id in
                    exact ? target.equals(id) : (id.name == target.name && id.gvk == target.gvk)
                }
            }
            if matched.count > 1 {
                throw KustomizeError(.conflict, "found \(matched.count) resId matches for var \(v.goDescription(resolvedGvk: true, defaulted: false)) (unable to disambiguate)")
            }
            if let i = matched.first { ra.resMap.resources[i].refVarNames.append(v.name) }
        }
        for v in incoming { try ra.addVar(v) }
    }

    /// Replaces `$(NAME)` references in the var-reference fields of every resource
    /// (kustomize's `ResolveVars`).
    static func resolve(_ vars: [Var], _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        guard !vars.isEmpty else { return }
        var values: [String: JSONValue] = [:]
        for v in vars.sorted(by: { $0.name < $1.name }) {
            guard let holder = m.resources.first(where: { $0.refVarNames.contains(v.name) }) else {
                throw KustomizeError(.invalid, "var '\(v.goDescription(resolvedGvk: true, defaulted: true))' cannot be mapped to a field in the set of known resources")
            }
            guard let value = fieldValue(.object(holder.object), v.effectiveFieldPath) else {
                throw KustomizeError(.invalid, "field specified in var '\(v.goDescription(resolvedGvk: true, defaulted: true))' not found in corresponding resource")
            }
            values[v.name] = value
        }
        for i in m.resources.indices {
            var r = m.resources[i]
            for fs in specs {
                try fs.apply(to: &r) { (node: inout JSONValue) throws(KustomizeError) in
                    try substitute(&node, values)
                }
            }
            m.resources[i] = r
        }
    }

    /// kyaml's `GetFieldValue`: a `.`-separated path where `name[3]` indexes a list and
    /// `[key=value]` picks a list element.
    static func fieldValue(_ root: JSONValue, _ path: String) -> JSONValue? {
        var fields: [String] = []
        for part in ReplacementEngine.segments(path) {
            if part.hasSuffix("]"), let open = part.lastIndex(of: "["),
               let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]), index >= 0 {
                let head = String(part[..<open])
                if !head.isEmpty { fields.append(head) }
                fields.append(String(index))
            } else {
                fields.append(part)
            }
        }
        return ReplacementEngine.lookup(root, fields)
    }

    /// refvar's filter: string scalars, string values of a map, or a list of strings.
    private static func substitute(_ node: inout JSONValue, _ values: [String: JSONValue]) throws(KustomizeError) {
        switch node {
        case .null: return
        case .string(let s): node = replace(s, values)
        case .object(var o):
            for (k, item) in o {
                if case .string(let s) = item { o[k] = replace(s, values) }
            }
            node = .object(o)
        case .array(var items):
            for i in items.indices {
                guard case .string(let s) = items[i] else { throw KustomizeError(.invalid, "invalid value type expect a string") }
                items[i] = replace(s, values)
            }
            node = .array(items)
        default: return
        }
    }

    /// refvar's `DoReplacements`: `$(NAME)` is replaced by the var's value (the whole string
    /// keeps the value's type), `$$` is a literal `$`, unknown names and non-scalar values stay.
    static func replace(_ input: String, _ values: [String: JSONValue]) -> JSONValue {
        func mapped(_ key: String) -> JSONValue? {
            guard let v = values[key] else { return nil }
            switch v {
            case .string, .int, .double, .bool: return v
            default: return nil
            }
        }
        let bytes = Array(input.utf8)
        var out: [UInt8] = []
        var checkpoint = 0
        var cursor = 0
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "$") && cursor + 1 < bytes.count {
                out += bytes[checkpoint..<cursor]
                let rest = bytes[(cursor + 1)...]
                var advance = 1
                switch rest.first {
                case UInt8(ascii: "$"):
                    out.append(UInt8(ascii: "$"))
                case UInt8(ascii: "("):
                    if let close = rest.firstIndex(of: UInt8(ascii: ")")) {
                        let key = String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self)
                        advance = close - cursor
                        if let value = mapped(key) {
                            if bytes.count == close + 1 && cursor == 0 { return value }
                            out += Array(goFormat(value).utf8)
                        } else {
                            out += Array("$(\(key))".utf8)
                        }
                    } else {
                        out += Array("$(".utf8)
                    }
                default:
                    out.append(UInt8(ascii: "$"))
                    if let c = rest.first { out.append(c) }
                }
                cursor += advance
                checkpoint = cursor + 1
            }
            cursor += 1
        }
        out += bytes[min(checkpoint, bytes.count)...]
        return .string(String(decoding: out, as: UTF8.self))
    }

    /// Go's `%v` of a scalar.
    private static func goFormat(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d): return GoFloat.format(d, "g")
        default: return ""
        }
    }
}
