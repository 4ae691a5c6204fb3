import GoCompat
import GoTemplate
import OrderedCollections

/// Value helpers shared by the function groups: argument access, Go's `strval`, and
/// reflection-like queries (`kind`, `DeepEqual`, sprig's `empty`).
extension GoValue {
    /// The payload of a `string` argument ("" otherwise).
    var str: String { if case .string(let s) = self { return s }; return "" }
    /// The payload of an integer argument (0 otherwise).
    var int64: Int64 {
        switch self {
        case .int(let i, _): return i
        case .uint(let u, _): return Int64(truncatingIfNeeded: u)
        default: return 0
        }
    }
    var intValue: Int { Int(int64) }
    var boolValue: Bool { if case .bool(let b) = self { return b }; return false }

    static func int64(_ v: Int64) -> GoValue { .int(v, .int64) }
    static func goInt(_ v: Int) -> GoValue { .int(Int64(v), .int) }
    static func float64(_ v: Double) -> GoValue { .float(v, .float64) }
    static func strings(_ items: [String]) -> GoValue { .list(items.map { .string($0) }, type: .sliceOfString) }
    static func anyList(_ items: [GoValue]) -> GoValue { .list(items, type: .sliceOfAny) }

    /// The value behind an `interface {}`: nil interfaces become `invalid`, host objects that
    /// are named slices or maps become their data.
    var concrete: GoValue {
        switch self {
        case .nilValue(let t) where t.kind == .interface: return .invalid
        case .object(let o): return o.underlying ?? self
        default: return self
        }
    }

    /// Go's `reflect.Kind.String()` of the dynamic value (`invalid` for nil interfaces).
    var kindName: String {
        guard let t = (isInterfaceNil ? nil : goType) else { return "invalid" }
        switch t.kind {
        case .pointer: return "ptr"
        case .structure: return "struct"
        case .function: return "func"
        case .channel: return "chan"
        case .reflectValue: return "struct"
        default: return "\(t.kind)"
        }
    }

    var isInterfaceNil: Bool {
        switch self {
        case .invalid: return true
        case .nilValue(let t): return t.kind == .interface
        default: return false
        }
    }

    /// Elements of a slice or array (or a named slice), nil for anything else.
    var listItems: [GoValue]? {
        switch concrete {
        case .list(let l): return l.items
        case .bytes(let b): return b.map { .uint(UInt64($0), .uint8) }
        // A nil slice (what Sprig's list functions return for "no elements") is still a slice.
        case .nilValue(let t) where t.kind == .slice: return []
        default: return nil
        }
    }

    /// Entries of a map (or a named map), nil for anything else.
    var mapEntries: OrderedDictionary<String, GoValue>? {
        if case .map(let m) = concrete { return m.entries }
        return nil
    }

    /// Sprig's `strval`: strings as-is, `[]byte` as text, errors and Stringers via their
    /// method, everything else `%v` (so the float64 1000000 is `1e+06`, nil is `<nil>`).
    var strval: String {
        switch self {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .nilValue(let t) where t.kind == .interface: return "<nil>"
        case .invalid: return "<nil>"
        default: return GoFmt.string(self)
        }
    }

    /// Sprig's `empty`: nil, false, 0, "" and zero-length collections are empty; structs never.
    var isEmptyValue: Bool {
        switch self {
        case .invalid, .nilValue: return true
        case .bool(let b): return !b
        case .int(let i, _): return i == 0
        case .uint(let u, _): return u == 0
        case .float(let f, _): return f == 0
        case .complex(let r, let i, _): return r == 0 && i == 0
        case .string(let s): return s.isEmpty
        case .bytes(let b): return b.isEmpty
        case .list(let l): return l.items.isEmpty
        case .map(let m): return m.entries.isEmpty
        case .object(let o):
            if o.isNil { return true }
            if let u = o.underlying { return u.isEmptyValue }
            return false
        case .function: return false
        }
    }
}

/// Go's `reflect.DeepEqual` over template values: types must match exactly (`4` is not `4.0`).
func deepEqual(_ a: GoValue, _ b: GoValue) -> Bool {
    let x = a.isInterfaceNil ? GoValue.invalid : a
    let y = b.isInterfaceNil ? GoValue.invalid : b
    switch (x, y) {
    case (.invalid, .invalid): return true
    case (.invalid, _), (_, .invalid): return false
    default: break
    }
    guard x.goType?.name == y.goType?.name else { return false }
    switch (x, y) {
    case (.nilValue, .nilValue): return true
    case let (.bool(p), .bool(q)): return p == q
    case let (.int(p, _), .int(q, _)): return p == q
    case let (.uint(p, _), .uint(q, _)): return p == q
    case let (.float(p, _), .float(q, _)): return p == q
    case let (.complex(p1, p2, _), .complex(q1, q2, _)): return p1 == q1 && p2 == q2
    case let (.string(p), .string(q)): return p == q
    case let (.bytes(p), .bytes(q)): return p == q
    case let (.list(p), .list(q)):
        return p.items.count == q.items.count && zip(p.items, q.items).allSatisfy { deepEqual($0, $1) }
    case let (.map(p), .map(q)):
        guard p.entries.count == q.entries.count else { return false }
        return p.entries.allSatisfy { key, value in q.entries[key].map { deepEqual(value, $0) } ?? false }
    case let (.object(p), .object(q)):
        if let u = p.underlying, let v = q.underlying { return deepEqual(u, v) }
        return GoFmt.string(x) == GoFmt.string(y) && p.fieldNames == q.fieldNames
    default: return false
    }
}
