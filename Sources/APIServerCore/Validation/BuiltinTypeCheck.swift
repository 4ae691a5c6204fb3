import GoCompat
import Foundation
import StructuredData

/// The decode step kube-apiserver runs on built-in kinds: a field of the wrong JSON type is a 400
/// `BadRequest` with Go's `encoding/json` message (`ConfigMap in version "v1" cannot be handled
/// as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type
/// map[string]string`), instead of being stored and breaking readers later.
///
/// Every field the built-in schemas (`BuiltinSchemas`, also served at `/openapi/v2`) describe is
/// checked, in document order, as Go's decoder meets it: the first mismatch is the error. Go
/// names the innermost struct holding the field and the field's full path of JSON names (list
/// indexes and map keys left out); an element of a list or a value of a map is reported with
/// the element's type. `null` decodes to the zero value anywhere. Fields the schemas leave
/// free-form, unknown fields, and the custom decoders of quantities, int-or-strings and times
/// are not checked here.
enum BuiltinTypeCheck {
    /// Checks a built-in object; throws the decode error of the first mismatch. Kinds without a
    /// schema pass.
    static func check(_ object: JSONValue, type: ResourceType) throws(APIServerError) {
        guard !type.isCustom else { return }
        let name = BuiltinSchemas.package(group: type.group, version: type.version) + "." + type.kind
        guard let fields = SchemaIndex.fields[name] else { return }
        let walker = Walker(kind: type.kind, version: type.version)
        try walker.object(object, fields: fields, goStruct: type.kind, path: [])
    }

    struct Walker {
        let kind: String
        let version: String

        func fail(_ found: String, _ goStruct: String, _ path: [String], _ goType: String) -> APIServerError {
            .badRequest("\(kind) in version \(GoQuote.quote(version)) cannot be handled as a \(kind): json: cannot unmarshal \(found) into Go struct field \(goStruct).\(path.joined(separator: ".")) of type \(goType)")
        }

        func object(_ value: JSONValue, fields: [String: SchemaType], goStruct: String, path: [String]) throws(APIServerError) {
            guard case .object(let members) = value else { return }
            for (key, member) in members {
                guard let type = fields[key], member != .null else { continue }
                try self.value(member, type: type, goStruct: goStruct, field: key, path: path + [key])
            }
        }

        /// Checks `value` against `type`, the declared type of the field `field` of `goStruct`.
        func value(_ value: JSONValue, type: SchemaType, goStruct: String, field: String, path: [String]) throws(APIServerError) {
            if value == .null { return }
            let goType = SchemaIndex.goName(type, goStruct: goStruct, field: field)
            switch type {
            case .string:
                if value.stringValue == nil { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
            case .byte:
                guard let text = value.stringValue else { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
                if let offset = BuiltinTypeCheck.invalidBase64Offset(text) {
                    throw .badRequest("\(kind) in version \(GoQuote.quote(version)) cannot be handled as a \(kind): illegal base64 data at input byte \(offset)")
                }
            case .boolean:
                if value.boolValue == nil { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
            case .int32, .int64:
                switch value {
                case .int(let i):
                    if case .int32 = type, i < Int64(Int32.min) || i > Int64(Int32.max) { throw fail("number \(i)", goStruct, path, goType) }
                case .double(let d):
                    throw fail("number " + (GoFloat.jsonString(d) ?? "\(d)"), goStruct, path, goType)
                default:
                    throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType)
                }
            case .double:
                switch value {
                case .int, .double: break
                default: throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType)
                }
            case .ref(let name):
                guard let fields = SchemaIndex.fields[name] else { return }  // primitives with their own decoders, free-form
                guard value.objectValue != nil else { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
                try object(value, fields: fields, goStruct: SchemaIndex.shortName(name), path: path)
            case .array(let element):
                guard let items = value.arrayValue else { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
                for item in items { try self.value(item, type: element, goStruct: goStruct, field: field, path: path) }
            case .map(let element):
                guard let entries = value.objectValue else { throw fail(BuiltinTypeCheck.jsonType(value), goStruct, path, goType) }
                for (_, entry) in entries { try self.value(entry, type: element, goStruct: goStruct, field: field, path: path) }
            case .object, .any:
                return
            }
        }
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

/// The built-in schemas as the type check reads them: each object definition's fields by name,
/// and the Go names of their types.
enum SchemaIndex {
    /// Object definitions by full name: field name → declared type.
    static let fields: [String: [String: SchemaType]] = {
        var out: [String: [String: SchemaType]] = [:]
        for definition in BuiltinSchemas.all {
            guard case .object(let list) = definition.body else { continue }
            out[definition.name] = Dictionary(list.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        }
        return out
    }()

    /// `io.k8s.api.core.v1.PodSpec` → `PodSpec`.
    static func shortName(_ definition: String) -> String {
        definition.split(separator: ".").last.map(String.init) ?? definition
    }

    /// Go's `reflect.Type.String()` of a field's type: `v1.PodSpec`, `[]v1.Container`,
    /// `map[string]string`, `int32`; string fields of a named type (`v1.ServiceType`) where
    /// `namedStrings` knows them.
    static func goName(_ type: SchemaType, goStruct: String, field: String) -> String {
        switch type {
        case .string: return namedStrings[goStruct + "." + field] ?? "string"
        case .boolean: return "bool"
        case .int32: return "int32"
        case .int64: return "int64"
        case .double: return "float64"
        case .byte: return "[]uint8"
        case .ref(let name):
            let parts = name.split(separator: ".")
            return parts.count >= 2 ? "\(parts[parts.count - 2]).\(parts[parts.count - 1])" : name
        case .array(let element): return "[]" + goName(element, goStruct: goStruct, field: field)
        case .map(let element): return "map[string]" + goName(element, goStruct: goStruct, field: field)
        case .object, .any: return "interface {}"
        }
    }

    /// String fields whose Go type is a named string type, by `Struct.field`.
    static let namedStrings: [String: String] = [
        "Secret.type": "v1.SecretType",
        "ServiceSpec.type": "v1.ServiceType",
        "ServiceSpec.sessionAffinity": "v1.ServiceAffinity",
        "ServiceSpec.externalTrafficPolicy": "v1.ServiceExternalTrafficPolicy",
        "ServicePort.protocol": "v1.Protocol",
        "ContainerPort.protocol": "v1.Protocol",
        "Container.imagePullPolicy": "v1.PullPolicy",
        "Container.terminationMessagePolicy": "v1.TerminationMessagePolicy",
        "PodSpec.restartPolicy": "v1.RestartPolicy",
        "PodSpec.dnsPolicy": "v1.DNSPolicy",
        "PodSpec.preemptionPolicy": "v1.PreemptionPolicy",
        "PodStatus.phase": "v1.PodPhase",
        "DeploymentStrategy.type": "v1.DeploymentStrategyType",
        "StatefulSetSpec.podManagementPolicy": "v1.PodManagementPolicyType",
        "NamespaceStatus.phase": "v1.NamespacePhase",
        "Toleration.operator": "v1.TolerationOperator",
        "NodeSelectorRequirement.operator": "v1.NodeSelectorOperator",
        "Toleration.effect": "v1.TaintEffect",
        "DeploymentCondition.status": "v1.ConditionStatus",
        "ReplicaSetCondition.status": "v1.ConditionStatus",
        "PodCondition.status": "v1.ConditionStatus",
        "JobCondition.status": "v1.ConditionStatus",
        "NetworkPolicyPort.protocol": "v1.Protocol",
        "HorizontalPodAutoscalerCondition.status": "v1.ConditionStatus",
    ]
}
