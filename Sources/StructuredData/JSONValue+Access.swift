/// Typed accessors and path-based reads/writes on `JSONValue`.
extension JSONValue {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The integer value of `.int`, or of a `.double` with no fractional part that fits `Int64`.
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }

    /// The numeric value of `.int` or `.double`.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The JSON type name used in error messages (`object`, `array`, `string`, `number`, `boolean`, `null`).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Object member access; `nil` when this is not an object or the key is absent.
    /// Setting on a non-object replaces it with an object; setting `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get { if case .object(let o) = self { return o[key] } else { return nil } }
        set {
            var o = objectValue ?? [:]
            o[key] = newValue
            self = .object(o)
        }
    }

    /// Array element access; `nil` when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, index >= 0, index < a.count else { return nil }
        return a[index]
    }

    /// Reads a nested value by object keys, e.g. `obj[path: ["metadata", "name"]]`.
    /// Setting creates intermediate objects (replacing non-objects); setting `nil` removes the leaf.
    public subscript(path path: [String]) -> JSONValue? {
        get {
            var current = self
            for key in path {
                guard let next = current[key] else { return nil }
                current = next
            }
            return current
        }
        set {
            guard let first = path.first else {
                self = newValue ?? .null
                return
            }
            if path.count == 1 {
                self[first] = newValue
                return
            }
            var child = self[first] ?? .object([:])
            if child.objectValue == nil { child = .object([:]) }
            child[path: Array(path.dropFirst())] = newValue
            self[first] = child
        }
    }

    /// Reads a nested value by a dotted path (`"spec.template.metadata"`); keys cannot contain dots.
    public subscript(dotted dotted: String) -> JSONValue? {
        get { self[path: dotted.split(separator: ".", omittingEmptySubsequences: true).map(String.init)] }
        set { self[path: dotted.split(separator: ".", omittingEmptySubsequences: true).map(String.init)] = newValue }
    }
}
