/// A Go type as `text/template` sees it: a name (`int`, `[]interface {}`, `chartutil.Values`,
/// `*template.T`) plus the kind and element types that drive assignability, zero values,
/// indexing and printing. Immutable and cheap to share.
public final class GoType: Sendable, CustomStringConvertible, Hashable {
    /// Go's `reflect.Kind`, reduced to what templates can observe. `reflectValue` is the
    /// parameter type of builtins that receive any value untouched (Go's `reflect.Value`).
    public enum Kind: Sendable, Equatable {
        case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr
        case float32, float64, complex64, complex128, string
        case interface, slice, array, map, pointer, function, structure, channel
        case reflectValue
    }

    /// The Go spelling of the type, as `%T` prints it.
    public let name: String
    public let kind: Kind
    /// Element type of slices, arrays, maps, pointers and channels.
    public let elem: GoType?
    /// Key type of maps.
    public let key: GoType?
    /// True for declared types (`chartutil.Values`) and predeclared ones (`int`, `string`).
    public let isNamed: Bool
    /// The name of the underlying type (equal to `name` for unnamed types).
    public let underlyingName: String
    /// Methods an interface type requires (empty for `interface {}`).
    public let interfaceMethods: [String]

    public init(name: String, kind: Kind, elem: GoType? = nil, key: GoType? = nil,
                isNamed: Bool = false, underlyingName: String? = nil, interfaceMethods: [String] = []) {
        self.name = name
        self.kind = kind
        self.elem = elem
        self.key = key
        self.isNamed = isNamed
        self.underlyingName = underlyingName ?? name
        self.interfaceMethods = interfaceMethods
    }

    public var description: String { name }
    public static func == (a: GoType, b: GoType) -> Bool { a === b || a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    // MARK: Well-known types

    public static let bool = GoType(name: "bool", kind: .bool, isNamed: true)
    public static let int = GoType(name: "int", kind: .int, isNamed: true)
    public static let int8 = GoType(name: "int8", kind: .int8, isNamed: true)
    public static let int16 = GoType(name: "int16", kind: .int16, isNamed: true)
    public static let int32 = GoType(name: "int32", kind: .int32, isNamed: true)
    public static let int64 = GoType(name: "int64", kind: .int64, isNamed: true)
    public static let uint = GoType(name: "uint", kind: .uint, isNamed: true)
    public static let uint8 = GoType(name: "uint8", kind: .uint8, isNamed: true)
    public static let uint16 = GoType(name: "uint16", kind: .uint16, isNamed: true)
    public static let uint32 = GoType(name: "uint32", kind: .uint32, isNamed: true)
    public static let uint64 = GoType(name: "uint64", kind: .uint64, isNamed: true)
    public static let uintptr = GoType(name: "uintptr", kind: .uintptr, isNamed: true)
    public static let float32 = GoType(name: "float32", kind: .float32, isNamed: true)
    public static let float64 = GoType(name: "float64", kind: .float64, isNamed: true)
    public static let complex128 = GoType(name: "complex128", kind: .complex128, isNamed: true)
    public static let string = GoType(name: "string", kind: .string, isNamed: true)
    /// `interface {}` (Go's `any`).
    public static let any = GoType(name: "interface {}", kind: .interface)
    /// `error`.
    public static let error = GoType(name: "error", kind: .interface, isNamed: true, interfaceMethods: ["Error"])
    /// `fmt.Stringer`.
    public static let stringer = GoType(name: "fmt.Stringer", kind: .interface, isNamed: true, interfaceMethods: ["String"])
    /// Go's `reflect.Value`: the parameter type of builtins that take any value untouched.
    public static let reflectValue = GoType(name: "reflect.Value", kind: .reflectValue, isNamed: true)
    public static let bytes = GoType.slice(of: .uint8)
    public static let sliceOfAny = GoType.slice(of: .any)
    public static let sliceOfString = GoType.slice(of: .string)
    public static let sliceOfInt = GoType.slice(of: .int)
    public static let mapStringAny = GoType.map(key: .string, elem: .any)
    public static let mapStringString = GoType.map(key: .string, elem: .string)

    /// `[]elem`.
    public static func slice(of elem: GoType) -> GoType {
        GoType(name: "[]" + elem.name, kind: .slice, elem: elem)
    }
    /// `[n]elem`.
    public static func array(of elem: GoType, count: Int) -> GoType {
        GoType(name: "[\(count)]" + elem.name, kind: .array, elem: elem)
    }
    /// `map[key]elem`.
    public static func map(key: GoType, elem: GoType) -> GoType {
        GoType(name: "map[\(key.name)]\(elem.name)", kind: .map, elem: elem, key: key)
    }
    /// `*elem`.
    public static func pointer(to elem: GoType) -> GoType {
        GoType(name: "*" + elem.name, kind: .pointer, elem: elem)
    }
    /// A declared type `name` whose underlying type is `underlying` (`chartutil.Values`).
    public static func named(_ name: String, underlying: GoType) -> GoType {
        GoType(name: name, kind: underlying.kind, elem: underlying.elem, key: underlying.key,
               isNamed: true, underlyingName: underlying.underlyingName,
               interfaceMethods: underlying.interfaceMethods)
    }
    /// A declared struct type, e.g. `template.T`.
    public static func structure(_ name: String) -> GoType {
        GoType(name: name, kind: .structure, isNamed: true)
    }
    /// A function type such as `func(string, ...int) string`.
    public static func function(parameters: [GoType], variadic: GoType?, result: GoType?, returnsError: Bool) -> GoType {
        var params = parameters.map(\.name)
        if let variadic { params.append("..." + variadic.name) }
        var text = "func(" + params.joined(separator: ", ") + ")"
        switch (result, returnsError) {
        case (let r?, true): text += " (\(r.name), error)"
        case (let r?, false): text += " " + r.name
        case (nil, true): text += " error"
        case (nil, false): break
        }
        return GoType(name: text, kind: .function)
    }

    /// Kinds whose values can be nil (Go's `canBeNil`, with `reflect.Value` included).
    public var canBeNil: Bool {
        switch kind {
        case .channel, .function, .interface, .map, .pointer, .slice, .reflectValue: return true
        default: return false
        }
    }

    public var isSignedInt: Bool {
        switch kind { case .int, .int8, .int16, .int32, .int64: return true; default: return false }
    }
    public var isUnsignedInt: Bool {
        switch kind { case .uint, .uint8, .uint16, .uint32, .uint64, .uintptr: return true; default: return false }
    }
    public var isFloat: Bool { kind == .float32 || kind == .float64 }
    public var isComplex: Bool { kind == .complex64 || kind == .complex128 }
    /// An interface type with no methods (`interface {}`).
    public var isEmptyInterface: Bool { kind == .interface && interfaceMethods.isEmpty }
}
