import FluxAPI
import StructuredData

/// The decoder `Reflector` hands to a type's `init(from:)`: keyed requests record properties,
/// single-value requests record a scalar schema; every request is answered with a placeholder.
final class ReflectingDecoder: Decoder {
    let reflector: Reflector
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Set once the type asked for a keyed container.
    var object: JSONSchemaProps?
    /// Set once the type decoded a single value.
    var single: JSONSchemaProps?

    init(reflector: Reflector) { self.reflector = reflector }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if object == nil { object = .object }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw FluxCRDError("unkeyed container", "types that decode arrays by hand are not supported; use [T]")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    /// Records property `name`.
    func record(_ name: String, _ schema: JSONSchemaProps, required: Bool) {
        var o = object ?? .object
        o.properties[name] = schema
        if required, !o.required.contains(name) { o.required.append(name) }
        object = o
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ReflectingDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { false }
        func decodeNil(forKey key: Key) throws -> Bool { true }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if T.self == UnknownFields.self { return try cast(UnknownFields(), T.self) }
            let (schema, value) = try decoder.reflector.describe(T.self)
            decoder.record(key.stringValue, schema, required: true)
            return value
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            if T.self == UnknownFields.self { return try cast(UnknownFields(), T.self) }
            decoder.record(key.stringValue, try decoder.reflector.schema(of: T.self), required: false)
            return nil
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type, key) }

        // The typed requirements funnel into the generic ones (labels differ so these are not recursive).
        private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T { try decode(type, forKey: key) }
        private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? { try decodeIfPresent(type, forKey: key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw FluxCRDError(key.stringValue, "nested containers are not supported; declare a struct")
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw FluxCRDError(key.stringValue, "nested containers are not supported; declare [T]")
        }

        func superDecoder() throws -> any Decoder { throw FluxCRDError("super", "superDecoder is not supported") }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw FluxCRDError(key.stringValue, "superDecoder is not supported") }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: ReflectingDecoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try decoder.reflector.describe(T.self)
            decoder.single = schema
            return value
        }

        func decode(_ type: Bool.Type) throws -> Bool { try decode(type, ()) }
        func decode(_ type: String.Type) throws -> String { try decode(type, ()) }
        func decode(_ type: Double.Type) throws -> Double { try decode(type, ()) }
        func decode(_ type: Float.Type) throws -> Float { throw FluxCRDError("Float", "not supported") }
        func decode(_ type: Int.Type) throws -> Int { try decode(type, ()) }
        func decode(_ type: Int8.Type) throws -> Int8 { throw FluxCRDError("Int8", "not supported") }
        func decode(_ type: Int16.Type) throws -> Int16 { throw FluxCRDError("Int16", "not supported") }
        func decode(_ type: Int32.Type) throws -> Int32 { try decode(type, ()) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decode(type, ()) }
        func decode(_ type: UInt.Type) throws -> UInt { throw FluxCRDError("UInt", "not supported") }
        func decode(_ type: UInt8.Type) throws -> UInt8 { throw FluxCRDError("UInt8", "not supported") }
        func decode(_ type: UInt16.Type) throws -> UInt16 { throw FluxCRDError("UInt16", "not supported") }
        func decode(_ type: UInt32.Type) throws -> UInt32 { throw FluxCRDError("UInt32", "not supported") }
        func decode(_ type: UInt64.Type) throws -> UInt64 { throw FluxCRDError("UInt64", "not supported") }

        private func decode<T: Decodable>(_ type: T.Type, _: Void) throws -> T { try decode(type) }
    }
}
