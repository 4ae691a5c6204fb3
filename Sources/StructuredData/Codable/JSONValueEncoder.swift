import OrderedCollections

/// Encodes `Encodable` Swift types into `JSONValue`, keeping the order in which members are encoded
/// (declaration order for synthesized `Codable`, like Go's struct field order).
///
/// Contract:
/// - `nil` optionals are omitted (`encodeIfPresent`), which models Go's `omitempty` on pointer and
///   optional fields; non-optional values are always written.
/// - `[String: V]` dictionaries are written with keys sorted, as Go's `encoding/json` writes maps.
/// - `UnknownFields` members are written into the enclosing object, after the modelled members.
/// - `JSONValue` values are written as they are. Non-finite doubles are an error.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws(CodingFailure) -> JSONValue {
        if let v = value as? JSONValue { return v }
        let encoder = _JSONValueEncoder(codingPath: [])
        do {
            try value.encode(to: encoder)
        } catch {
            throw CodingFailure.from(error)
        }
        return encoder.storage.resolved
    }
}

/// The value being built: a finished value, or a container still being filled.
enum _EncodingNode {
    case empty
    case value(JSONValue)
    case object(_ObjectBox)
    case array(_ArrayBox)

    var resolved: JSONValue {
        switch self {
        case .empty: return .object([:])
        case .value(let v): return v
        case .object(let box): return box.resolved
        case .array(let box): return .array(box.items.map(\.resolved))
        }
    }
}

final class _ObjectBox {
    var members: [(String, _EncodingNode)] = []
    var index: [String: Int] = [:]
    var sortKeys = false

    func set(_ key: String, _ node: _EncodingNode) {
        if let i = index[key] {
            members[i].1 = node
        } else {
            index[key] = members.count
            members.append((key, node))
        }
    }

    var resolved: JSONValue {
        var o = JSONObject(minimumCapacity: members.count)
        let ordered = sortKeys ? members.sorted { $0.0 < $1.0 } : members
        for (k, v) in ordered { o[k] = v.resolved }
        return .object(o)
    }
}

final class _ArrayBox {
    var items: [_EncodingNode] = []
}

final class _JSONValueEncoder: Encoder {
    var storage: _EncodingNode = .empty
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: _ObjectBox
        if case .object(let existing) = storage { box = existing } else {
            box = _ObjectBox()
            storage = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: _ArrayBox
        if case .array(let existing) = storage { box = existing } else {
            box = _ArrayBox()
            storage = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(encoder: self) }

    /// Encodes `value` into a node, with fast paths for scalars and `JSONValue`.
    static func node<T: Encodable>(_ value: T, _ path: [any CodingKey]) throws -> _EncodingNode {
        switch value {
        case let v as JSONValue: return .value(v)
        case let s as String: return .value(.string(s))
        case let b as Bool: return .value(.bool(b))
        case let i as Int: return .value(.int(Int64(i)))
        case let i as Int64: return .value(.int(i))
        case let i as Int32: return .value(.int(Int64(i)))
        case let d as Double: return .value(try double(d, path))
        default:
            let e = _JSONValueEncoder(codingPath: path)
            try value.encode(to: e)
            if value is any _SortedKeysMarker, case .object(let box) = e.storage { box.sortKeys = true }
            if case .empty = e.storage { return .value(.object([:])) }
            return e.storage
        }
    }

    static func double(_ d: Double, _ path: [any CodingKey]) throws -> JSONValue {
        guard d.isFinite else { throw CodingFailure(path, "unsupported value: \(d)") }
        return .double(d)
    }
}

/// Dictionaries with string keys are encoded with sorted keys (Go's map encoding).
protocol _SortedKeysMarker {}
extension Dictionary: _SortedKeysMarker where Key == String {}
