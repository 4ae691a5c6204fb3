import GoCompat
import StructuredData

extension JSONValue {
    /// The word Go's encoding/json uses for this JSON value in type errors.
    var goJSONTypeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// A scalar as `sigs.k8s.io/yaml` stringifies it for a string field (`1.10` → `"1.1"`).
    var yamlScalarString: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return GoFloat.format(d, "g", precision: -1, bitSize: 64)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}

/// Decodes Chart.yaml fields with encoding/json's type rules and error wording.
struct FieldReader {
    let file: String
    let type: String

    private func mismatch(_ value: JSONValue, _ field: String, _ goType: String) -> HelmError {
        HelmError(.chart, "cannot load \(file): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(value.goJSONTypeName) into Go struct field \(type.split(separator: ".").last ?? "").\(field) of type \(goType)")
    }

    func string(_ value: JSONValue, _ field: String) throws(HelmError) -> String {
        if case .null = value { return "" }
        guard let s = value.yamlScalarString else { throw mismatch(value, field, "string") }
        return s
    }

    func bool(_ value: JSONValue, _ field: String) throws(HelmError) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        default: throw mismatch(value, field, "bool")
        }
    }

    func strings(_ value: JSONValue, _ field: String) throws(HelmError) -> [String] {
        switch value {
        case .null: return []
        case .array(let items):
            var result: [String] = []
            for item in items { result.append(try string(item, field)) }
            return result
        default: throw mismatch(value, field, "[]string")
        }
    }

    func stringMap(_ value: JSONValue, _ field: String) throws(HelmError) -> [(key: String, value: String)] {
        switch value {
        case .null: return []
        case .object(let object):
            var result: [(key: String, value: String)] = []
            for (key, item) in object { result.append((key, try string(item, field))) }
            return result
        default: throw mismatch(value, field, "map[string]string")
        }
    }

    func maintainers(_ value: JSONValue) throws(HelmError) -> [ChartMaintainer] {
        guard case .array(let items) = value else {
            if case .null = value { return [] }
            throw mismatch(value, "maintainers", "[]*chart.Maintainer")
        }
        var result: [ChartMaintainer] = []
        for item in items {
            var maintainer = ChartMaintainer()
            if case .object(let object) = item {
                let inner = FieldReader(file: file, type: "chart.Maintainer")
                if let v = object["name"] { maintainer.name = try inner.string(v, "name") }
                if let v = object["email"] { maintainer.email = try inner.string(v, "email") }
                if let v = object["url"] { maintainer.url = try inner.string(v, "url") }
            } else if !item.isNull {
                throw mismatch(item, "maintainers", "chart.Maintainer")
            }
            result.append(maintainer)
        }
        return result
    }

    func dependencies(_ value: JSONValue) throws(HelmError) -> [ChartDependency] {
        guard case .array(let items) = value else {
            if case .null = value { return [] }
            throw mismatch(value, "dependencies", "[]*chart.Dependency")
        }
        var result: [ChartDependency] = []
        let inner = FieldReader(file: file, type: "chart.Dependency")
        for item in items {
            var dep = ChartDependency()
            guard case .object(let object) = item else {
                if item.isNull { result.append(dep); continue }
                throw mismatch(item, "dependencies", "chart.Dependency")
            }
            for (key, field) in object {
                switch key {
                case "name": dep.name = try inner.string(field, key)
                case "version": dep.version = try inner.string(field, key)
                case "repository": dep.repository = try inner.string(field, key)
                case "condition": dep.condition = try inner.string(field, key)
                case "tags": dep.tags = try inner.strings(field, key)
                case "enabled": dep.enabled = try inner.bool(field, key)
                case "alias": dep.alias = try inner.string(field, key)
                case "import-values":
                    if case .array(let values) = field { dep.importValues = values }
                    else if !field.isNull { throw inner.mismatch(field, "import-values", "[]interface {}") }
                default: continue
                }
            }
            result.append(dep)
        }
        return result
    }
}
