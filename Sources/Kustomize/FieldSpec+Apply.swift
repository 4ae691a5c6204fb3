import StructuredData

extension FieldSpec {
    /// The path's segments, split at `/` except where escaped as `\/`.
    var segments: [String] { Self.split(path) }

    static func split(_ path: String) -> [String] {
        var out: [String] = []
        var current = ""
        var escaped = false
        for c in path {
            if escaped {
                if c != "/" { current.append("\\") }
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "/" {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        out.append(current)
        return out
    }

    /// Whether this spec's GVK selects the resource's current GVK.
    func matches(_ r: Resource) -> Bool {
        if !gvk.kind.isEmpty, gvk.kind != r.kind { return false }
        let rg = r.gvk
        if !gvk.group.isEmpty, gvk.group != rg.group { return false }
        if !gvk.version.isEmpty, gvk.version != rg.version { return false }
        return true
    }

    /// Applies `set` to every value this spec reaches in `r` (kustomize's fieldspec filter):
    /// sequences on the way are walked element by element; when `create` is on and `createLeaf`
    /// is given, missing maps on the way and the missing leaf are created.
    func apply(to r: inout Resource, createLeaf: JSONValue? = nil,
               _ set: (inout JSONValue) throws(KustomizeError) -> Void) throws(KustomizeError) {
        guard matches(r) else { return }
        var root = JSONValue.object(r.object)
        do {
            try Self.walk(&root, segments[...], create: create ? createLeaf : nil, set)
        } catch {
            throw error.prefixed("considering field '\(path)' of object \(r.curId)")
        }
        if case .object(let o) = root { r.object = o }
    }

    static func walk(_ node: inout JSONValue, _ path: ArraySlice<String>, create: JSONValue?,
                     _ set: (inout JSONValue) throws(KustomizeError) -> Void) throws(KustomizeError) {
        guard let head = path.first else {
            try set(&node)
            return
        }
        switch node {
        case .null: return
        case .array(var items):
            for i in items.indices { try walk(&items[i], path, create: create, set) }
            node = .array(items)
        case .object(var o):
            var name = head
            var isSeq = false
            if name.hasSuffix("[]") { name.removeLast(2); isSeq = true }
            if name.isEmpty { throw KustomizeError(.invalid, "cannot set or create an empty field name") }
            var child: JSONValue
            if let existing = o[name] {
                child = existing
                if case .null = existing, let create, !isSeq {
                    child = path.count == 1 ? create : .object([:])
                }
            } else if let create, !isSeq {
                child = path.count == 1 ? create : .object([:])
            } else {
                return
            }
            o[name] = nil
            node = .object(o)
            try walk(&child, path.dropFirst(), create: create, set)
            o[name] = child
            node = .object(o)
        default:
            throw KustomizeError(.invalid, "expected sequence or mapping node")
        }
    }
}
