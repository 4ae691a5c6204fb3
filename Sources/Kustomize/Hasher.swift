import Crypto
import StructuredData

/// Kustomize's name-suffix hash of a generated ConfigMap or Secret.
enum NameHasher {
    /// The 10-character suffix: hex SHA-256 of the Go JSON encoding of
    /// `{kind, name, data[, binaryData]}` (Secret: `{kind, type, name, data[, stringData]}`),
    /// with `0 1 3 a e` replaced by `g h k m t`.
    static func hash(_ r: Resource) -> String {
        var m = JSONObject()
        func value(_ v: JSONValue?) -> JSONValue {
            guard let v, !v.isNull else { return .string("") }
            return v
        }
        if r.kind == "ConfigMap" {
            m["kind"] = "ConfigMap"
            // kustomize looks the name up as the single key "metadata/name", which never exists.
            m["name"] = ""
            m["data"] = value(r.object["data"])
            if case .object = r.object["binaryData"] { m["binaryData"] = r.object["binaryData"] }
        } else if r.kind == "Secret" {
            m["kind"] = "Secret"
            m["type"] = value(r.object["type"])
            m["name"] = ""
            m["data"] = value(r.object["data"])
            if case .object = r.object["stringData"] { m["stringData"] = r.object["stringData"] }
        } else {
            m = r.object
        }
        let json = JSONValue.object(m).serializedBytes(.goMap)
        return encode(hex(Array(SHA256.hash(data: json))))
    }

    /// Hash of a sorted list of strings (kustomize's `SortArrayAndComputeHash`).
    static func hash(strings: [String]) -> String {
        let json = JSONValue.array(strings.sorted().map { .string($0) }).serializedBytes(.goMap)
        return encode(hex(Array(SHA256.hash(data: json))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }

    private static func encode(_ hex: String) -> String {
        String(hex.prefix(10).map { c -> Character in
            switch c {
            case "0": return "g"
            case "1": return "h"
            case "3": return "k"
            case "a": return "m"
            case "e": return "t"
            default: return c
            }
        })
    }
}
