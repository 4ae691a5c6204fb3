/// A host value that templates see as a Go struct, pointer or named type with methods, such as
/// Helm's `.Files`, `.Capabilities` and `.Chart`.
///
/// Contract: `field(_:)` returns nil when the type has no such field; templates then report
/// `can't evaluate field X in type T` (unlike maps, where a missing key yields no value).
/// `method(_:)` returns a bound function; methods take precedence over fields and over the
/// underlying map's keys. A type that is a named slice or map (Helm's `Files`,
/// `chartutil.Capabilities.APIVersions`) exposes its data through `underlying`, which
/// `index`, `len`, `range`, comparison and printing use. fmt prints the result of an `Error`
/// or `String` method when the object has one (error first, as Go does).
public protocol GoObject: Sendable {
    /// The Go type, e.g. `*chartutil.Capabilities`.
    var goType: GoType { get }
    /// True for a nil pointer (falsy in `if`; methods may still be called on it).
    var isNil: Bool { get }
    /// The exported field `name`, or nil when the struct has no such field.
    func field(_ name: String) -> GoValue?
    /// Field names in declaration order, for `%v` printing (`{a b}`).
    var fieldNames: [String] { get }
    /// The method `name` bound to this value, or nil.
    func method(_ name: String) -> GoFunction?
    /// For named slices or maps: the data itself.
    var underlying: GoValue? { get }
}

extension GoObject {
    public var isNil: Bool { false }
    public func field(_ name: String) -> GoValue? { nil }
    public var fieldNames: [String] { [] }
    public func method(_ name: String) -> GoFunction? { nil }
    public var underlying: GoValue? { nil }
}

/// A Go function or method callable from templates: a function-map entry, a bound method, or a
/// function-valued field used with `call`.
///
/// Parameters are Go types; the executor converts arguments exactly as Go's `text/template`
/// does before calling `body` (literal constants only to matching kinds, other values by Go
/// assignability, nil only to nilable types, missing values to the zero of nilable types), so
/// `body` receives values already checked against `parameters` (and `variadic` for the rest).
/// A parameter of type `GoType.reflectValue` receives the value untouched (even `invalid`).
/// `body` returns the result; throwing makes execution fail with
/// `error calling NAME: <message>` (Go's `(value, error)` form).
public struct GoFunction: Sendable {
    public let name: String
    public let parameters: [GoType]
    /// The element type of a trailing `...T` parameter, or nil.
    public let variadic: GoType?
    /// The Go function type (for `%T` and `typeOf`).
    public let type: GoType
    public let body: @Sendable (_ args: [GoValue], _ context: GoCallContext) throws -> GoValue

    public init(_ name: String, parameters: [GoType], variadic: GoType? = nil,
                result: GoType? = .any, returnsError: Bool = false,
                body: @escaping @Sendable (_ args: [GoValue], _ context: GoCallContext) throws -> GoValue) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.type = .function(parameters: parameters, variadic: variadic, result: result, returnsError: returnsError)
        self.body = body
    }

    /// Number of fixed parameters (Go's `NumIn`, minus the variadic slice).
    public var fixedCount: Int { parameters.count }
}
