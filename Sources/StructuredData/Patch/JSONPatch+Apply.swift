extension JSONPatch {
    static func conflict(_ message: String) -> StructuredDataError {
        StructuredDataError(.patchConflict, message)
    }

    static func apply(_ op: Operation, to doc: inout JSONValue) throws(StructuredDataError) {
        switch op {
        case let .add(path, value):
            try add(value, at: path, in: &doc, op: "add")
        case let .remove(path):
            _ = try remove(at: path, in: &doc, op: "remove")
        case let .replace(path, value):
            if path.isRoot { doc = value; return }
            let found = try doc.modifyParent(of: path) { (container: inout JSONValue, key: String) throws(StructuredDataError) in
                switch container {
                case .object(var o):
                    guard o[key] != nil else {
                        throw conflict("replace operation does not apply: doc is missing key: \(path): missing value")
                    }
                    o[key] = value
                    container = .object(o)
                case .array(var a):
                    guard let i = JSONPointer.index(key), i < a.count else {
                        throw conflict("replace operation does not apply: doc is missing key: \(path): missing value")
                    }
                    a[i] = value
                    container = .array(a)
                default: break
                }
            }
            if !found { throw conflict("replace operation does not apply: doc is missing path: \(path): missing value") }
        case let .move(from, path):
            if from == path { return }
            if path.hasPrefix(from) {
                throw StructuredDataError(.invalidPatch, "move operation does not apply: path \(path) is a child of from \(from)")
            }
            guard doc[pointer: from] != nil else {
                throw conflict("move operation does not apply: doc is missing from path: \(from): missing value")
            }
            let value = try remove(at: from, in: &doc, op: "move")
            try add(value, at: path, in: &doc, op: "move")
        case let .copy(from, path):
            guard let value = doc[pointer: from] else {
                throw conflict("copy operation does not apply: doc is missing from path: \(from): missing value")
            }
            try add(value, at: path, in: &doc, op: "copy")
        case let .test(path, value):
            if !path.isRoot {
                switch doc[pointer: path.parent] {
                case .object?, .array?: break
                default: throw conflict("test operation does not apply: is missing path: \(path): missing value")
                }
            }
            guard let current = doc[pointer: path], current.isEqualAsJSON(to: value) else {
                if doc[pointer: path] == nil, value.isNull, doc[pointer: path.parent]?.objectValue != nil {
                    return  // evanphx/json-patch: testing a missing member against null succeeds
                }
                throw StructuredDataError(.testFailed, "testing value \(path) failed: test failed")
            }
        }
    }

    /// RFC 6902 `add`: sets an object member, inserts into an array (`-` appends), or replaces the root.
    static func add(_ value: JSONValue, at path: JSONPointer, in doc: inout JSONValue, op: String) throws(StructuredDataError) {
        if path.isRoot { doc = value; return }
        let found = try doc.modifyParent(of: path) { (container: inout JSONValue, key: String) throws(StructuredDataError) in
            switch container {
            case .object(var o):
                o[key] = value
                container = .object(o)
            case .array(var a):
                if key == "-" {
                    a.append(value)
                } else {
                    guard let i = JSONPointer.index(key), i <= a.count else {
                        throw conflict("error in \(op) for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced")
                    }
                    a.insert(value, at: i)
                }
                container = .array(a)
            default: break
            }
        }
        if !found { throw conflict("\(op) operation does not apply: doc is missing path: \"\(path)\": missing value") }
    }

    /// RFC 6902 `remove`; returns the removed value.
    static func remove(at path: JSONPointer, in doc: inout JSONValue, op: String) throws(StructuredDataError) -> JSONValue {
        if path.isRoot {
            let old = doc
            doc = .null
            return old
        }
        var removed: JSONValue = .null
        let found = try doc.modifyParent(of: path) { (container: inout JSONValue, key: String) throws(StructuredDataError) in
            switch container {
            case .object(var o):
                guard let old = o.removeValue(forKey: key) else {
                    throw conflict("error in \(op) for path: '\(path)': Unable to remove nonexistent key: \(key): missing value")
                }
                removed = old
                container = .object(o)
            case .array(var a):
                guard let i = JSONPointer.index(key), i < a.count else {
                    throw conflict("error in \(op) for path: '\(path)': Unable to access invalid index: \(key): invalid index referenced")
                }
                removed = a.remove(at: i)
                container = .array(a)
            default: break
            }
        }
        if !found { throw conflict("\(op) operation does not apply: doc is missing path: \"\(path)\": missing value") }
        return removed
    }
}

extension JSONValue {
    /// JSON equality where numbers compare by value (`1 == 1.0`) and object key order is ignored.
    public func isEqualAsJSON(to other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.int(a), .double(b)): return Double(a) == b
        case let (.double(a), .int(b)): return a == Double(b)
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEqualAsJSON(to: $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (k, v) in a {
                guard let w = b[k], v.isEqualAsJSON(to: w) else { return false }
            }
            return true
        default: return self == other
        }
    }
}
