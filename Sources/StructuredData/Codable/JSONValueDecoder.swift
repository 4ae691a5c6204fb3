import OrderedCollections

/// Decodes `Decodable` Swift types from `JSONValue` with Go `encoding/json`-like rules.
///
/// Contract:
/// - Objects decode into keyed types; unknown members are ignored unless the type declares
///   `UnknownFields` (then they are kept, see `UnknownFields`). `JSONValue` properties receive the
///   value as is.
/// - A missing member or `null` decodes as `nil` for optionals; for a non-optional it is an error
///   (`required field is missing`).
/// - Integers accept JSON integers and floats with no fraction that fit the type; floats accept any
///   number; strings and booleans accept only their own JSON type.
/// - Every failure is thrown as one `CodingFailure` naming the JSON path of the offending value.
public struct JSONValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(CodingFailure) -> T {
        if T.self == JSONValue.self, let v = value as? T { return v }
        do {
            return try T(from: _JSONValueDecoder(value: value, codingPath: []))
        } catch {
            throw CodingFailure.from(error)
        }
    }
}

final class _JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let o) = value else { throw CodingFailure(codingPath, "expected object, found \(value.typeName)") }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: o, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = value else { throw CodingFailure(codingPath, "expected array, found \(value.typeName)") }
        return UnkeyedContainer(array: a, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

    // MARK: scalars

    func mismatch(_ expected: String, _ v: JSONValue, _ path: [any CodingKey]) -> CodingFailure {
        CodingFailure(path, "expected \(expected), found \(v.typeName)")
    }

    func string(_ v: JSONValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let s) = v else { throw mismatch("string", v, path) }
        return s
    }

    func bool(_ v: JSONValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let b) = v else { throw mismatch("boolean", v, path) }
        return b
    }

    func double(_ v: JSONValue, _ path: [any CodingKey]) throws -> Double {
        guard let d = v.doubleValue else { throw mismatch("number", v, path) }
        return d
    }

    func integer<I: FixedWidthInteger>(_ v: JSONValue, _ path: [any CodingKey]) throws -> I {
        guard let i = v.intValue else {
            if case .double(let d) = v { throw CodingFailure(path, "expected integer, found \(d)") }
            throw mismatch("integer", v, path)
        }
        guard let exact = I(exactly: i) else { throw CodingFailure(path, "integer \(i) out of range for \(I.self)") }
        return exact
    }

    /// Decodes any `Decodable` from `v` at `path`, with fast paths for scalars and `JSONValue`.
    func decode<T: Decodable>(_ type: T.Type, _ v: JSONValue, _ path: [any CodingKey]) throws -> T {
        switch type {
        case is JSONValue.Type: return v as! T
        case is String.Type: return try string(v, path) as! T
        case is Bool.Type: return try bool(v, path) as! T
        case is Int.Type: return try integer(v, path) as Int as! T
        case is Int64.Type: return try integer(v, path) as Int64 as! T
        case is Int32.Type: return try integer(v, path) as Int32 as! T
        case is Double.Type: return try double(v, path) as! T
        default:
            if case .null = v, !(T.self is any _OptionalMarker.Type) {
                throw CodingFailure(path, "required field is missing")
            }
            return try T(from: _JSONValueDecoder(value: v, codingPath: path))
        }
    }
}

/// Lets the decoder tell optional types apart from others at run time.
protocol _OptionalMarker {}
extension Optional: _OptionalMarker {}

/// Keys read so far, shared by copies of one keyed container (for `UnknownFields`).
final class _AccessedKeys {
    var keys: Set<String> = []
}
