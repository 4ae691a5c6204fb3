import GoCompat
import Foundation
import StructuredData

/// The decode step kube-apiserver runs on built-in kinds: a field of the wrong JSON type is a 400
/// `BadRequest` with Go's `encoding/json` message (`ConfigMap in version "v1" cannot be handled
/// as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type
/// map[string]string`), instead of being stored and breaking readers later.
enum BuiltinTypeCheck {
    /// The expected shape of one field.
    enum Shape {
        case string, int, bool, object, array
        /// A map whose values are strings (`map[string]string`, `map[string][]uint8`).
        case stringMap
        case stringArray
    }

    /// A field: its JSON path, the Go struct that holds it, its Go type and shape.
    struct Field {
        var path: [String]
        var goStruct: String
        var goType: String
        var shape: Shape
        /// Values are base64 (Secret `data`, ConfigMap `binaryData`).
        var base64 = false
    }

    static let metadata: [Field] = [
        Field(path: ["metadata", "name"], goStruct: "ObjectMeta", goType: "string", shape: .string),
        Field(path: ["metadata", "generateName"], goStruct: "ObjectMeta", goType: "string", shape: .string),
        Field(path: ["metadata", "namespace"], goStruct: "ObjectMeta", goType: "string", shape: .string),
        Field(path: ["metadata", "labels"], goStruct: "ObjectMeta", goType: "map[string]string", shape: .stringMap),
        Field(path: ["metadata", "annotations"], goStruct: "ObjectMeta", goType: "map[string]string", shape: .stringMap),
        Field(path: ["metadata", "finalizers"], goStruct: "ObjectMeta", goType: "[]string", shape: .stringArray),
        Field(path: ["metadata", "ownerReferences"], goStruct: "ObjectMeta", goType: "[]v1.OwnerReference", shape: .array),
    ]

    static func fields(kind: String) -> [Field] {
        var out: [Field] = [Field(path: ["metadata"], goStruct: kind, goType: "v1.ObjectMeta", shape: .object)] + metadata
        switch kind {
        case "ConfigMap":
            out += [Field(path: ["data"], goStruct: "ConfigMap", goType: "map[string]string", shape: .stringMap),
                    Field(path: ["binaryData"], goStruct: "ConfigMap", goType: "map[string][]uint8", shape: .stringMap, base64: true),
                    Field(path: ["immutable"], goStruct: "ConfigMap", goType: "bool", shape: .bool)]
        case "Secret":
            out += [Field(path: ["data"], goStruct: "Secret", goType: "map[string][]uint8", shape: .stringMap, base64: true),
                    Field(path: ["stringData"], goStruct: "Secret", goType: "map[string]string", shape: .stringMap),
                    Field(path: ["type"], goStruct: "Secret", goType: "v1.SecretType", shape: .string),
                    Field(path: ["immutable"], goStruct: "Secret", goType: "bool", shape: .bool)]
        case "Deployment", "StatefulSet", "ReplicaSet":
            out += [Field(path: ["spec"], goStruct: kind, goType: "v1.\(kind)Spec", shape: .object),
                    Field(path: ["spec", "replicas"], goStruct: "\(kind)Spec", goType: "int32", shape: .int),
                    Field(path: ["spec", "template"], goStruct: "\(kind)Spec", goType: "v1.PodTemplateSpec", shape: .object)]
        case "Service":
            out += [Field(path: ["spec"], goStruct: "Service", goType: "v1.ServiceSpec", shape: .object),
                    Field(path: ["spec", "type"], goStruct: "ServiceSpec", goType: "v1.ServiceType", shape: .string),
                    Field(path: ["spec", "ports"], goStruct: "ServiceSpec", goType: "[]v1.ServicePort", shape: .array),
                    Field(path: ["spec", "selector"], goStruct: "ServiceSpec", goType: "map[string]string", shape: .stringMap)]
        case "Pod":
            out += [Field(path: ["spec"], goStruct: "Pod", goType: "v1.PodSpec", shape: .object),
                    Field(path: ["spec", "containers"], goStruct: "PodSpec", goType: "[]v1.Container", shape: .array)]
        default:
            break
        }
        return out
    }

    /// Go's name of a JSON value's type in unmarshal errors.
    static func jsonType(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Checks the fields of a built-in object; throws the decode error of the first mismatch.
    static func check(_ object: JSONValue, type: ResourceType) throws(APIServerError) {
        for field in fields(kind: type.kind) {
            guard let value = object[path: field.path], value != .null else { continue }
            let dotted = field.path.joined(separator: ".")
            func fail(_ found: JSONValue, goType: String) -> APIServerError {
                .badRequest("\(type.kind) in version \(GoQuote.quote(type.version)) cannot be handled as a \(type.kind): json: cannot unmarshal \(jsonType(found)) into Go struct field \(field.goStruct).\(dotted) of type \(goType)")
            }
            switch field.shape {
            case .string: if value.stringValue == nil { throw fail(value, goType: field.goType) }
            case .int: if value.intValue == nil { throw fail(value, goType: field.goType) }
            case .bool: if value.boolValue == nil { throw fail(value, goType: field.goType) }
            case .object: if value.objectValue == nil { throw fail(value, goType: field.goType) }
            case .array: if value.arrayValue == nil { throw fail(value, goType: field.goType) }
            case .stringArray:
                guard let items = value.arrayValue else { throw fail(value, goType: field.goType) }
                if let bad = items.first(where: { $0.stringValue == nil && $0 != .null }) { throw fail(bad, goType: "string") }
            case .stringMap:
                guard let map = value.objectValue else { throw fail(value, goType: field.goType) }
                for (_, item) in map where item != .null {
                    guard let text = item.stringValue else { throw fail(item, goType: field.base64 ? "[]uint8" : "string") }
                    if field.base64, let offset = invalidBase64Offset(text) {
                        throw .badRequest("\(type.kind) in version \(GoQuote.quote(type.version)) cannot be handled as a \(type.kind): illegal base64 data at input byte \(offset)")
                    }
                }
            }
        }
    }

    /// The offset Go's base64 decoder reports for invalid standard base64, or nil when valid.
    static func invalidBase64Offset(_ text: String) -> Int? {
        if Data(base64Encoded: text) != nil { return nil }
        let bytes = Array(text.utf8)
        func valid(_ b: UInt8) -> Bool {
            (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 43 || b == 47
        }
        if let i = bytes.firstIndex(where: { !valid($0) && $0 != 61 }) { return i }
        if let pad = bytes.firstIndex(of: 61) { return pad }
        return bytes.count - bytes.count % 4
    }
}
