import StructuredData

/// What a Swift type cannot say about one property of a Flux API struct: the kubebuilder
/// validation and default markers on the Go field (`+kubebuilder:validation:Pattern`, `MinLength`,
/// `+kubebuilder:default`, …), and optionally its description.
///
/// Types, `required`, enums, `format: int64` and nested objects come from the Swift type itself
/// (see `SchemaReflection`); a rule only adds to them.
public struct PropertyRule: Sendable, Hashable {
    public var description: String?
    public var format: String?
    public var pattern: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Int64?
    public var maximum: Int64?
    public var minItems: Int?
    public var maxItems: Int?
    public var defaultValue: JSONValue?
    public var nullable: Bool?
    public var intOrString: Bool?
    public var listType: String?
    public var listMapKeys: [String]?

    public init() {}

    /// Copies every keyword this rule sets onto `schema`.
    public func apply(to schema: inout JSONSchemaProps) {
        if let description { schema.description = description }
        if let format { schema.format = format }
        if let pattern { schema.pattern = pattern }
        if let minLength { schema.minLength = minLength }
        if let maxLength { schema.maxLength = maxLength }
        if let minimum { schema.minimum = minimum }
        if let maximum { schema.maximum = maximum }
        if let minItems { schema.minItems = minItems }
        if let maxItems { schema.maxItems = maxItems }
        if let defaultValue { schema.defaultValue = defaultValue }
        if let nullable { schema.nullable = nullable }
        if let intOrString {
            schema.intOrString = intOrString
            schema.type = nil
        }
        if let listType { schema.listType = listType }
        if let listMapKeys { schema.listMapKeys = listMapKeys }
    }
}

extension PropertyRule {
    /// The pattern of every `metav1.Duration` interval in Flux: `^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$`.
    public static let durationPattern = #"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$"#
    /// The pattern of timeouts (no hours): `^([0-9]+(\.[0-9]+)?(ms|s|m))+$`.
    public static let timeoutPattern = #"^([0-9]+(\.[0-9]+)?(ms|s|m))+$"#

    /// A Go duration with hours allowed (intervals).
    public static var duration: PropertyRule { pattern(durationPattern) }
    /// A Go duration without hours (timeouts).
    public static var timeout: PropertyRule { pattern(timeoutPattern) }
    /// A `metav1.Time`: `format: date-time`.
    public static var dateTime: PropertyRule {
        var r = PropertyRule()
        r.format = "date-time"
        return r
    }

    public static func pattern(_ p: String) -> PropertyRule { PropertyRule().pattern(p) }
    public static func length(_ r: ClosedRange<Int>) -> PropertyRule { PropertyRule().length(r) }
    public static func maxLength(_ n: Int) -> PropertyRule { PropertyRule().maxLength(n) }
    public static func minLength(_ n: Int) -> PropertyRule { PropertyRule().minLength(n) }
    public static func minimum(_ n: Int64) -> PropertyRule { PropertyRule().minimum(n) }
    public static func maximum(_ n: Int64) -> PropertyRule { PropertyRule().maximum(n) }
    public static func maxItems(_ n: Int) -> PropertyRule { PropertyRule().maxItems(n) }
    public static func defaulting(_ v: JSONValue) -> PropertyRule { PropertyRule().defaulting(v) }
    public static func describing(_ text: String) -> PropertyRule { PropertyRule().describing(text) }

    public func pattern(_ p: String) -> PropertyRule { with { $0.pattern = p } }
    /// `minLength` and `maxLength` at once.
    public func length(_ r: ClosedRange<Int>) -> PropertyRule { with { $0.minLength = r.lowerBound; $0.maxLength = r.upperBound } }
    public func maxLength(_ n: Int) -> PropertyRule { with { $0.maxLength = n } }
    public func minLength(_ n: Int) -> PropertyRule { with { $0.minLength = n } }
    public func minimum(_ n: Int64) -> PropertyRule { with { $0.minimum = n } }
    public func maximum(_ n: Int64) -> PropertyRule { with { $0.maximum = n } }
    public func maxItems(_ n: Int) -> PropertyRule { with { $0.maxItems = n } }
    /// `+kubebuilder:default`.
    public func defaulting(_ v: JSONValue) -> PropertyRule { with { $0.defaultValue = v } }
    public func describing(_ text: String) -> PropertyRule { with { $0.description = text } }

    private func with(_ change: (inout PropertyRule) -> Void) -> PropertyRule {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A Flux API struct with validation or default markers on some of its properties.
public protocol SchemaDescribed {
    /// Rules keyed by JSON property name.
    static var propertyRules: [String: PropertyRule] { get }
    /// The description of the object itself, if any.
    static var schemaDescription: String? { get }
}

extension SchemaDescribed {
    public static var schemaDescription: String? { nil }
}
