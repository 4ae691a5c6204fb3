import Foundation
import OrderedCollections

/// A value as Go's `text/template` sees it, without reflection: every case carries enough type
/// information to reproduce Go's printing, comparison, assignability and `%T`.
///
/// - `invalid` is Go's zero `reflect.Value` ("no value": a missing map key, a nil interface
///   that was unwrapped); it prints `<no value>`.
/// - `nilValue(type)` is a nil of a nilable type (`interface {}`, a pointer, a slice, a map).
///   A nil `interface {}` in a collection prints `<nil>`.
public enum GoValue: Sendable {
    case invalid
    case nilValue(GoType)
    case bool(Bool)
    case int(Int64, GoType)
    case uint(UInt64, GoType)
    case float(Double, GoType)
    case complex(Double, Double, GoType)
    case string(String)
    case bytes([UInt8])
    case list(GoList)
    case map(GoMap)
    case object(any GoObject)
    case function(GoFunction)

    /// A nil `interface {}`.
    public static let null = GoValue.nilValue(.any)

    /// An `int`.
    public static func of(_ v: Int) -> GoValue { .int(Int64(v), .int) }
    /// A `float64`.
    public static func of(_ v: Double) -> GoValue { .float(v, .float64) }
    /// A `string`.
    public static func of(_ v: String) -> GoValue { .string(v) }
    /// A `bool`.
    public static func of(_ v: Bool) -> GoValue { .bool(v) }
    /// A `[]interface {}`.
    public static func list(_ items: [GoValue], type: GoType = .sliceOfAny) -> GoValue {
        .list(GoList(type: type, items: items))
    }
    /// A `map[string]interface {}` (or another string-keyed map type).
    public static func map(_ entries: OrderedDictionary<String, GoValue>, type: GoType = .mapStringAny) -> GoValue {
        .map(GoMap(type: type, entries: entries))
    }

    /// The dynamic Go type (`%T`); nil for `invalid`.
    public var goType: GoType? {
        switch self {
        case .invalid: return nil
        case .nilValue(let t): return t
        case .bool: return .bool
        case .int(_, let t), .uint(_, let t), .float(_, let t), .complex(_, _, let t): return t
        case .string: return .string
        case .bytes: return .bytes
        case .list(let l): return l.type
        case .map(let m): return m.type
        case .object(let o): return o.goType
        case .function(let f): return f.type
        }
    }

    /// Go's `%T` text: the type name, or `<nil>` for no value or a nil interface.
    public var typeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .nilValue(let t) where t.kind == .interface: return "<nil>"
        default: return goType?.name ?? "<nil>"
        }
    }

    public var isInvalid: Bool { if case .invalid = self { return true }; return false }

    /// True for `invalid` and for nil values of any type.
    public var isNil: Bool {
        switch self {
        case .invalid, .nilValue: return true
        case .object(let o): return o.isNil
        default: return false
        }
    }

    /// Go's `reflect.ValueOf(v.Interface())` after a pipeline stage: a nil `interface {}`
    /// becomes no value.
    var unwrapped: GoValue {
        if case .nilValue(let t) = self, t.kind == .interface { return .invalid }
        return self
    }

    /// A host object's underlying data (a named slice or map with methods), else self.
    var resolved: GoValue {
        if case .object(let o) = self, let u = o.underlying { return u }
        return self
    }

    /// Go's `isTrue`: nil for values that have no truth (none here besides invalid kinds).
    public var truth: Bool {
        switch self {
        case .invalid, .nilValue: return false
        case .bool(let b): return b
        case .int(let i, _): return i != 0
        case .uint(let u, _): return u != 0
        case .float(let f, _): return f != 0
        case .complex(let r, let i, _): return r != 0 || i != 0
        case .string(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .map(let m): return !m.entries.isEmpty
        case .object(let o):
            if o.isNil { return false }
            if let u = o.underlying { return u.truth }
            return true
        case .function: return true
        }
    }

    /// The zero value of `type` (what `missingkey=zero` and `index` on a missing key yield).
    public static func zero(of type: GoType) -> GoValue {
        switch type.kind {
        case .bool: return .bool(false)
        case .int, .int8, .int16, .int32, .int64: return .int(0, type)
        case .uint, .uint8, .uint16, .uint32, .uint64, .uintptr: return .uint(0, type)
        case .float32, .float64: return .float(0, type)
        case .complex64, .complex128: return .complex(0, 0, type)
        case .string: return .string("")
        case .reflectValue: return .invalid
        default: return .nilValue(type)
        }
    }
}

/// A Go slice or array value with its static type (`[]interface {}`, `[]string`, `[3]int`).
public struct GoList: Sendable {
    public var type: GoType
    public var items: [GoValue]
    public init(type: GoType = .sliceOfAny, items: [GoValue]) {
        self.type = type
        self.items = items
    }
}

/// A Go map with string keys, kept in insertion order (Go prints and ranges it sorted).
///
/// Like a Go map it is a reference: copies of a `GoMap` share their entries, so a function
/// that updates `entries` (sprig's `set`, `unset`, `merge`) is seen through every variable
/// holding the map. `init` always creates a new, unshared map.
public struct GoMap: Sendable {
    public var type: GoType
    private let storage: GoMapStorage
    public init(type: GoType = .mapStringAny, entries: OrderedDictionary<String, GoValue>) {
        self.type = type
        self.storage = GoMapStorage(entries)
    }
    /// The entries; setting them updates the map shared by every copy.
    public var entries: OrderedDictionary<String, GoValue> {
        get { storage.value }
        nonmutating set { storage.value = newValue }
    }
    /// Whether two values are the same Go map (share their entries).
    public func isSameMap(as other: GoMap) -> Bool { storage === other.storage }
    /// The element type (for zero values of missing keys).
    public var elementType: GoType { type.elem ?? .any }
    /// Keys in Go's `fmtsort` order (byte order for strings).
    public var sortedKeys: [String] {
        entries.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}

/// The shared, lock-protected entries of a `GoMap`.
final class GoMapStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: OrderedDictionary<String, GoValue>
    init(_ entries: OrderedDictionary<String, GoValue>) { self.entries = entries }
    var value: OrderedDictionary<String, GoValue> {
        get { lock.lock(); defer { lock.unlock() }; return entries }
        set { lock.lock(); defer { lock.unlock() }; entries = newValue }
    }
}
