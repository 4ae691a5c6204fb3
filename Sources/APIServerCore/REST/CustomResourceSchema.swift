import KubeModel
import StructuredData

/// Structural-schema processing of custom resources: `default` values, pruning of unknown fields
/// (except under `x-kubernetes-preserve-unknown-fields`), and validation of types, `required`,
/// `enum`, `nullable`, `x-kubernetes-int-or-string` and the value constraints of `SchemaConstraints`.
enum CustomResourceSchema {
    /// Processes a whole custom resource; `apiVersion`, `kind` and `metadata` are left alone.
    static func process(_ object: JSONValue, schema: JSONValue, errors: inout [FieldError]) -> JSONValue {
        guard case .object(var root) = object else { return object }
        let properties = schema["properties"]?.objectValue ?? [:]
        let preserve = schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
        for (key, value) in root where !["apiVersion", "kind", "metadata"].contains(key) {
            if let sub = properties[key] {
                root[key] = walk(value, schema: sub, path: key, errors: &errors)
            } else if !preserve {
                root[key] = nil
            }
        }
        for (key, sub) in properties where root[key] == nil && !["apiVersion", "kind", "metadata"].contains(key) {
            if let value = sub["default"] { root[key] = walk(value, schema: sub, path: key, errors: &errors) }
        }
        checkRequired(.object(root), schema: schema, path: "", errors: &errors, skip: ["apiVersion", "kind", "metadata"])
        return .object(root)
    }

    static func walk(_ value: JSONValue, schema: JSONValue, path: String, errors: inout [FieldError]) -> JSONValue {
        if case .null = value, schema["nullable"]?.boolValue == true { return value }
        let type = schema["type"]?.stringValue ?? ""
        let intOrString = schema["x-kubernetes-int-or-string"]?.boolValue == true
        if intOrString {
            if !matchesType(value, "integer") && !matchesType(value, "string") {
                errors.append(FieldError(type: .typeInvalid, field: path, renderedValue: "\"\(value.typeName)\"",
                                         detail: "\(path) in body must be of type integer,string: \"\(value.typeName)\""))
                return value
            }
        } else if !type.isEmpty && !matchesType(value, type) {
            errors.append(FieldError(type: .typeInvalid, field: path, renderedValue: "\"\(value.typeName)\"",
                                  detail: "\(path) in body must be of type \(type): \"\(value.typeName)\""))
            return value
        }
        SchemaConstraints.check(value, schema: schema, path: path, errors: &errors)
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.map { $0.serialized() }.joined(separator: ", ")
            errors.append(FieldError(type: .notSupported, field: path, renderedValue: value.serialized(),
                                  detail: "supported values: \(list)"))
        }
        switch value {
        case .object(var object):
            let preserve = schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
            if let properties = schema["properties"]?.objectValue {
                for (key, child) in object {
                    if let sub = properties[key] {
                        object[key] = walk(child, schema: sub, path: "\(path).\(key)", errors: &errors)
                    } else if !preserve {
                        object[key] = nil
                    }
                }
                for (key, sub) in properties where object[key] == nil {
                    if let value = sub["default"] { object[key] = walk(value, schema: sub, path: "\(path).\(key)", errors: &errors) }
                }
            } else if let additional = schema["additionalProperties"], case .object = additional {
                for (key, child) in object {
                    object[key] = walk(child, schema: additional, path: "\(path).\(key)", errors: &errors)
                }
            } else if !preserve && type == "object" && schema["additionalProperties"]?.boolValue != true {
                object = [:]
            }
            let result = JSONValue.object(object)
            checkRequired(result, schema: schema, path: path, errors: &errors, skip: [])
            return result
        case .array(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .array(items.enumerated().map { walk($1, schema: itemSchema, path: "\(path)[\($0)]", errors: &errors) })
        default:
            return value
        }
    }

    static func checkRequired(_ value: JSONValue, schema: JSONValue, path: String, errors: inout [FieldError], skip: Set<String>) {
        for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !skip.contains(required) {
            if value[required] == nil {
                let field = path.isEmpty ? required : "\(path).\(required)"
                errors.append(.required(field))
            }
        }
    }

    static func matchesType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
             ("object", .object), ("array", .array):
            return true
        case ("integer", .double(let d)):
            return d.rounded() == d
        default:
            return false
        }
    }
}
