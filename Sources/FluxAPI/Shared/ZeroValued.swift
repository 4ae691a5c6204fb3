import StructuredData

/// A value with a Go zero value: what a Go struct field holds when its JSON member is absent.
public protocol ZeroInitializable {
    /// The zero value.
    init()
}

/// A struct-typed field that Go always has (`Spec FooSpec json:"spec,omitempty"`): it reads as its
/// zero value when the JSON member is absent, and is written back only when it was present in the
/// decoded JSON or assigned since. Decode→encode is therefore lossless both for objects without a
/// `status` and for objects with `status: {}`.
@propertyWrapper
public struct ZeroValued<Value: ZeroInitializable & Codable & Sendable & Hashable>: Sendable, Hashable {
    private var stored: Value?

    /// Absent: reads as `Value()`, not encoded.
    public init() { stored = nil }

    /// Present with `wrappedValue`.
    public init(wrappedValue: Value) { stored = wrappedValue }

    public var wrappedValue: Value {
        get { stored ?? Value() }
        set { stored = newValue }
    }

    /// `$field.isPresent`: whether the member was decoded or assigned.
    public var projectedValue: ZeroValued<Value> { self }

    /// Whether the member was decoded or assigned.
    public var isPresent: Bool { stored != nil }
}

extension ZeroValued: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        stored = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let stored { try container.encode(stored) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// An absent (or `null`) member decodes as an absent `ZeroValued`.
    public func decode<V>(_ type: ZeroValued<V>.Type, forKey key: Key) throws -> ZeroValued<V> {
        guard let value = try decodeIfPresent(V.self, forKey: key) else { return ZeroValued() }
        return ZeroValued(wrappedValue: value)
    }
}

extension KeyedEncodingContainer {
    /// An absent `ZeroValued` is omitted.
    public mutating func encode<V>(_ value: ZeroValued<V>, forKey key: Key) throws {
        guard value.isPresent else { return }
        try encode(value.wrappedValue, forKey: key)
    }
}
