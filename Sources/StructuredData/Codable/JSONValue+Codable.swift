import OrderedCollections

/// `JSONValue` is itself `Codable`, so typed structs can hold free-form JSON (`values`, `patches`).
/// `JSONValueDecoder`/`JSONValueEncoder` pass it through untouched (key order kept); other coders
/// go through the generic single-value/keyed/unkeyed path below.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let d = decoder as? _JSONValueDecoder {
            self = d.value
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var o: JSONObject = [:]
            for key in keyed.allKeys { o[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(o)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var a: [JSONValue] = []
            while !unkeyed.isAtEnd { a.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(a)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        if let e = encoder as? _JSONValueEncoder {
            e.storage = .value(self)
            return
        }
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .int(let i):
            var c = encoder.singleValueContainer()
            try c.encode(i)
        case .double(let d):
            var c = encoder.singleValueContainer()
            try c.encode(d)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(v) }
        case .object(let o):
            var c = encoder.container(keyedBy: AnyCodingKey.self)
            for (k, v) in o { try c.encode(v, forKey: AnyCodingKey(stringValue: k)) }
        }
    }
}
