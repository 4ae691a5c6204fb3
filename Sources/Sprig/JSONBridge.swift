import Foundation
import GoCompat
import GoTemplate
import OrderedCollections
import StructuredData

/// A host object with its own JSON form (Go's `json.Marshaler`), such as `time.Time`.
protocol JSONMarshaling {
    var jsonValue: JSONValue { get }
}

/// Conversions between template values and `JSONValue`, as Go's `encoding/json` performs them.
public enum JSONBridge {
    /// `json.Marshal`'s view of a template value. Throws Go's text for NaN/Inf and functions.
    public static func json(from value: GoValue) throws(SprigError) -> JSONValue {
        switch value {
        case .invalid, .nilValue: return .null
        case .bool(let b): return .bool(b)
        case .int(let i, _): return .int(i)
        case .uint(let u, _): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .double(Double(u))
        case .float(let f, _):
            guard f.isFinite else { throw SprigError("json: unsupported value: \(GoFloat.format(f, "g", precision: -1))") }
            if f == f.rounded(), abs(f) < 1e15 { return .double(f) }
            return .double(f)
        case .complex(_, _, let t): throw SprigError("json: unsupported type: \(t.name)")
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(Base64.encode(b))
        case .list(let l):
            if l.type.elem?.kind == .uint8 {
                return .string(Base64.encode(l.items.map { UInt8(truncatingIfNeeded: $0.int64) }))
            }
            var out: [JSONValue] = []
            for item in l.items { out.append(try json(from: item)) }
            return .array(out)
        case .map(let m):
            var out = JSONObject()
            for (k, v) in m.entries { out[k] = try json(from: v) }
            return .object(out)
        case .object(let o):
            if let marshaling = o as? JSONMarshaling { return marshaling.jsonValue }
            if o.isNil { return .null }
            if let u = o.underlying { return try json(from: u) }
            var out = JSONObject()
            for name in o.fieldNames { out[name] = try json(from: o.field(name) ?? .invalid) }
            return .object(out)
        case .function(let f): throw SprigError("json: unsupported type: \(f.type.name)")
        }
    }

    /// `json.Unmarshal` into `interface {}`: objects become `map[string]interface {}`, arrays
    /// `[]interface {}`, and every number a float64.
    public static func goValue(from json: JSONValue) -> GoValue {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .float64(Double(i))
        case .double(let d): return .float64(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(goValue(from:)), type: .sliceOfAny)
        case .object(let o):
            var entries = OrderedDictionary<String, GoValue>()
            for (k, v) in o { entries[k] = goValue(from: v) }
            return .map(entries, type: .mapStringAny)
        }
    }

    /// Go's `json.Marshal` text (sorted keys, HTML escaped unless `escapeHTML` is false).
    public static func marshal(_ value: GoValue, escapeHTML: Bool = true, indent: String? = nil) throws(SprigError) -> String {
        try json(from: value).serialized(JSONWriteOptions(sortedKeys: true, escapeHTML: escapeHTML, indent: indent))
    }

    /// `json.Unmarshal` of text into `interface {}`, with Go's error text.
    public static func unmarshal(_ text: String) throws(SprigError) -> GoValue {
        do {
            return goValue(from: try JSONParser.parse(text))
        } catch {
            throw SprigError(goJSONMessage(error.message))
        }
    }

    /// Drops the offset suffix StructuredData adds; Go's messages have none.
    static func goJSONMessage(_ message: String) -> String {
        if let range = message.range(of: " (at offset ", options: .backwards), message.hasSuffix(")") {
            return String(message[..<range.lowerBound])
        }
        return message
    }
}
