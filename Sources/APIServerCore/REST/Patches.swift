import StructuredData

/// Minimal patch helpers for the API server (RFC 7386 merge patch, RFC 6902 JSON patch, and a
/// strategic-merge approximation). Kept private to APIServerCore until StructuredData has them.
enum Patches {
    /// RFC 7386: objects merge recursively, `null` deletes, everything else replaces.
    static func merge(_ target: JSONValue, _ patch: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        var result: JSONObject = target.objectValue ?? [:]
        for (key, value) in patchObject {
            if case .null = value {
                result[key] = nil
            } else {
                result[key] = merge(result[key] ?? .null, value)
            }
        }
        return .object(result)
    }

    /// A strategic merge patch approximated as a merge patch: directive keys (`$patch`,
    /// `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…`) are dropped, lists replace.
    static func strategicMerge(_ target: JSONValue, _ patch: JSONValue) -> JSONValue {
        merge(target, stripDirectives(patch))
    }

    static func stripDirectives(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var out: JSONObject = [:]
            for (k, v) in o where !k.hasPrefix("$") { out[k] = stripDirectives(v) }
            return .object(out)
        case .array(let a):
            return .array(a.compactMap { item in
                if item["$patch"]?.stringValue == "delete" { return nil }
                return stripDirectives(item)
            })
        default:
            return value
        }
    }

    /// RFC 6902. Throws a message for an invalid operation, a bad path or a failed `test`.
    static func jsonPatch(_ document: JSONValue, _ patch: JSONValue) throws(PatchFailure) -> JSONValue {
        guard let operations = patch.arrayValue else { throw PatchFailure("json: cannot unmarshal \(patch.typeName) into Go value of type jsonpatch.Patch") }
        var doc = document
        for op in operations {
            guard let kind = op["op"]?.stringValue else { throw PatchFailure("Unexpected kind: unknown") }
            guard let path = op["path"]?.stringValue else { throw PatchFailure("missing path") }
            let pointer = try pointerTokens(path)
            switch kind {
            case "add":
                guard let value = op["value"] else { throw PatchFailure("missing value") }
                doc = try apply(doc, pointer[...], .add(value))
            case "remove":
                doc = try apply(doc, pointer[...], .remove)
            case "replace":
                guard let value = op["value"] else { throw PatchFailure("missing value") }
                doc = try apply(doc, pointer[...], .replace(value))
            case "move", "copy":
                guard let from = op["from"]?.stringValue else { throw PatchFailure("missing from") }
                let fromTokens = try pointerTokens(from)
                guard let value = lookup(doc, fromTokens[...]) else { throw PatchFailure("doc is missing from path: \(from)") }
                if kind == "move" { doc = try apply(doc, fromTokens[...], .remove) }
                doc = try apply(doc, pointer[...], .add(value))
            case "test":
                guard lookup(doc, pointer[...]) == (op["value"] ?? .null) else { throw PatchFailure("testing value \(path) failed") }
            default:
                throw PatchFailure("Unexpected kind: \(kind)")
            }
        }
        return doc
    }

    struct PatchFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    enum Operation { case add(JSONValue), remove, replace(JSONValue) }

    static func pointerTokens(_ pointer: String) throws(PatchFailure) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw PatchFailure("invalid JSON pointer: \(pointer)") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func lookup(_ doc: JSONValue, _ tokens: ArraySlice<String>) -> JSONValue? {
        guard let first = tokens.first else { return doc }
        switch doc {
        case .object(let o): return o[first].flatMap { lookup($0, tokens.dropFirst()) }
        case .array(let a):
            guard let i = Int(first), i >= 0, i < a.count else { return nil }
            return lookup(a[i], tokens.dropFirst())
        default: return nil
        }
    }

    static func apply(_ doc: JSONValue, _ tokens: ArraySlice<String>, _ op: Operation) throws(PatchFailure) -> JSONValue {
        guard let first = tokens.first else {
            switch op {
            case .add(let v), .replace(let v): return v
            case .remove: throw PatchFailure("cannot remove the whole document")
            }
        }
        let last = tokens.count == 1
        switch doc {
        case .object(var o):
            if last {
                switch op {
                case .add(let v): o[first] = v
                case .replace(let v):
                    guard o[first] != nil else { throw PatchFailure("replace operation does not apply: doc is missing key: /\(tokens.joined(separator: "/"))") }
                    o[first] = v
                case .remove:
                    guard o[first] != nil else { throw PatchFailure("remove operation does not apply: doc is missing path: /\(tokens.joined(separator: "/"))") }
                    o[first] = nil
                }
            } else {
                guard let child = o[first] else { throw PatchFailure("doc is missing path: /\(tokens.joined(separator: "/"))") }
                o[first] = try apply(child, tokens.dropFirst(), op)
            }
            return .object(o)
        case .array(var a):
            let index: Int
            if first == "-" { index = a.count } else {
                guard let i = Int(first), i >= 0 else { throw PatchFailure("invalid array index: \(first)") }
                index = i
            }
            if last {
                switch op {
                case .add(let v):
                    guard index <= a.count else { throw PatchFailure("add operation does not apply: index out of range") }
                    a.insert(v, at: index)
                case .replace(let v):
                    guard index < a.count else { throw PatchFailure("replace operation does not apply: index out of range") }
                    a[index] = v
                case .remove:
                    guard index < a.count else { throw PatchFailure("remove operation does not apply: index out of range") }
                    a.remove(at: index)
                }
            } else {
                guard index < a.count else { throw PatchFailure("doc is missing path: index out of range") }
                a[index] = try apply(a[index], tokens.dropFirst(), op)
            }
            return .array(a)
        default:
            throw PatchFailure("doc is missing path: /\(tokens.joined(separator: "/"))")
        }
    }
}
