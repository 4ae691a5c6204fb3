import FluxAPI
import StructuredData

/// Derives a CRD's structural schema from the Swift types of `FluxAPI`.
///
/// How: the type is decoded once from a *reflecting* decoder that answers every request with a
/// placeholder and records what was asked. Synthesized `Codable` asks for each stored property in
/// declaration order with `decode` (a required property) or `decodeIfPresent` (an optional one),
/// naming the property's type; the reflector recurses into that type. The mapping is:
///
/// | Swift | schema |
/// |---|---|
/// | `String`, `Bool` | `type: string`, `type: boolean` |
/// | `Int` / `Int32` / `Int64` | `type: integer` (Go `int`) / plus `format: int32` / `int64` |
/// | a `FluxEnum` | `type: string` with `enum` in case order |
/// | `[T]`, `[String: T]` | `type: array` with `items`, `type: object` with `additionalProperties` |
/// | a struct | `type: object` with `properties` and sorted `required` |
/// | a `SchemaProviding` type (`JSONValue`, `ObjectMeta`, `Condition`) | its fixed schema |
///
/// `UnknownFields` adds nothing. A `SchemaDescribed` struct then adds its `PropertyRule`s
/// (patterns, lengths, defaults, `format: date-time`, descriptions) to the named properties.
public enum SchemaReflection {
    /// The schema of `type`.
    /// - Throws: `FluxCRDError` when the type decodes in a way the reflector cannot follow (an
    ///   unkeyed container of its own, nesting deeper than 64 levels) or has a rule for a property
    ///   it does not declare.
    public static func schema<T: Decodable>(of type: T.Type) throws(FluxCRDError) -> JSONSchemaProps {
        do {
            return try Reflector().schema(of: type)
        } catch let error as FluxCRDError {
            throw error
        } catch {
            throw FluxCRDError("\(T.self)", "\(error)")
        }
    }
}

/// A type whose schema is fixed rather than reflected.
public protocol SchemaProviding {
    /// The schema.
    static var openAPISchema: JSONSchemaProps { get }
    /// Any value of the type, returned to the decoding code during reflection.
    static var schemaPlaceholder: Self { get }
}

protocol ReflectableArray {
    static var elementType: any Decodable.Type { get }
    static var emptyValue: Self { get }
}

extension Array: ReflectableArray where Element: Decodable {
    static var elementType: any Decodable.Type { Element.self }
    static var emptyValue: Self { [] }
}

protocol ReflectableDictionary {
    static var valueType: any Decodable.Type { get }
    static var emptyValue: Self { get }
}

extension Dictionary: ReflectableDictionary where Key == String, Value: Decodable {
    static var valueType: any Decodable.Type { Value.self }
    static var emptyValue: Self { [:] }
}

/// Walks types; one instance per `SchemaReflection.schema(of:)` call.
final class Reflector {
    private var depth = 0
    static let maxDepth = 64

    func schema<T: Decodable>(of type: T.Type) throws -> JSONSchemaProps { try describe(type).schema }

    /// The schema of `T` and a placeholder value of it.
    func describe<T: Decodable>(_ type: T.Type) throws -> (schema: JSONSchemaProps, value: T) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw FluxCRDError("\(T.self)", "types nest deeper than \(Self.maxDepth) levels") }

        if let provider = T.self as? any SchemaProviding.Type {
            return (provider.openAPISchema, try cast(provider.schemaPlaceholder, T.self))
        }
        if let scalar = try Self.scalar(T.self) { return scalar }
        if let enumeration = T.self as? any FluxEnum.Type {
            var s = JSONSchemaProps.string
            s.enumValues = enumeration.allowedValues.map { .string($0) }
            return (s, try cast(Self.firstCase(of: enumeration), T.self))
        }
        if let array = T.self as? any ReflectableArray.Type {
            var s = JSONSchemaProps(type: "array")
            s.items = try schema(of: array.elementType)
            return (s, try cast(array.emptyValue, T.self))
        }
        if let map = T.self as? any ReflectableDictionary.Type {
            var s = JSONSchemaProps.object
            s.additionalProperties = try schema(of: map.valueType)
            return (s, try cast(map.emptyValue, T.self))
        }
        let decoder = ReflectingDecoder(reflector: self)
        let value = try T(from: decoder)
        if var object = decoder.object {
            if let described = T.self as? any SchemaDescribed.Type {
                try Self.apply(described, to: &object, in: "\(T.self)")
            }
            return (object, value)
        }
        if let single = decoder.single { return (single, value) }
        throw FluxCRDError("\(T.self)", "decodes no value the reflector can describe")
    }

    private static func scalar<T>(_ type: T.Type) throws -> (schema: JSONSchemaProps, value: T)? {
        switch type {
        case is String.Type: return (.string, try cast("", T.self))
        case is Bool.Type: return (JSONSchemaProps(type: "boolean"), try cast(false, T.self))
        case is Int.Type: return (JSONSchemaProps(type: "integer"), try cast(0, T.self))
        case is Int64.Type: return (JSONSchemaProps(type: "integer", format: "int64"), try cast(Int64(0), T.self))
        case is Int32.Type: return (JSONSchemaProps(type: "integer", format: "int32"), try cast(Int32(0), T.self))
        case is Double.Type: return (JSONSchemaProps(type: "number"), try cast(0.0, T.self))
        default: return nil
        }
    }

    private static func firstCase<E: FluxEnum>(of type: E.Type) throws -> E {
        guard let first = E.allCases.first else { throw FluxCRDError("\(E.self)", "enumeration has no cases") }
        return first
    }

    private static func apply(_ described: any SchemaDescribed.Type, to object: inout JSONSchemaProps, in typeName: String) throws {
        if let text = described.schemaDescription { object.description = text }
        for (name, rule) in described.propertyRules {
            guard var property = object.properties[name] else {
                throw FluxCRDError("\(typeName).\(name)", "rule for a property the type does not declare")
            }
            rule.apply(to: &property)
            object.properties[name] = property
        }
    }
}

/// `value as? T`, or an error naming both types.
func cast<T>(_ value: Any, _ type: T.Type) throws -> T {
    guard let typed = value as? T else { throw FluxCRDError("\(T.self)", "placeholder of type \(Swift.type(of: value))") }
    return typed
}
