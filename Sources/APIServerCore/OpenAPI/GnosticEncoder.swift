import StructuredData

/// Encodes a Swagger 2.0 document (as JSON) into the protobuf `openapi_v2.Document` of
/// google/gnostic (`openapiv2/OpenAPIv2.proto`), which kubectl and Helm request with
/// `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`.
///
/// Covers what kube-apiserver publishes: info, paths with their operations, parameters and
/// responses, and definitions with the JSON Schema keywords of Swagger 2.0. Vendor extensions
/// (`x-…`), defaults, enums and examples become `Any` values whose `yaml` is the value's JSON (JSON
/// is valid YAML). Unknown keys are skipped.
enum GnosticEncoder {
    static func document(_ doc: JSONValue) -> [UInt8] {
        var out = ProtoWriter()
        out.string(1, doc["swagger"]?.stringValue ?? "2.0")
        if let info = doc["info"] {
            var i = ProtoWriter()
            i.string(1, info["title"]?.stringValue ?? "")
            i.string(2, info["version"]?.stringValue ?? "")
            out.message(2, i)
        }
        if let paths = doc["paths"]?.objectValue {
            var p = ProtoWriter()
            for (name, item) in paths {
                var named = ProtoWriter()
                named.string(1, name)
                named.message(2, pathItem(item))
                p.message(2, named)
            }
            out.message(8, p)
        }
        if let definitions = doc["definitions"]?.objectValue {
            var d = ProtoWriter()
            for (name, value) in definitions { d.message(1, namedSchema(name, value)) }
            out.message(9, d)
        }
        return out.bytes
    }

    static func pathItem(_ item: JSONValue) -> ProtoWriter {
        var out = ProtoWriter()
        for (method, number) in [("get", 2), ("put", 3), ("post", 4), ("delete", 5), ("patch", 8)] {
            if let op = item[method] { out.message(number, operation(op)) }
        }
        for parameter in item["parameters"]?.arrayValue ?? [] { out.message(9, parametersItem(parameter)) }
        return out
    }

    static func operation(_ op: JSONValue) -> ProtoWriter {
        var out = ProtoWriter()
        for tag in op["tags"]?.arrayValue ?? [] { out.string(1, tag.stringValue ?? "") }
        if let d = op["description"]?.stringValue { out.string(3, d) }
        if let id = op["operationId"]?.stringValue { out.string(5, id) }
        for p in op["produces"]?.arrayValue ?? [] { out.string(6, p.stringValue ?? "") }
        for c in op["consumes"]?.arrayValue ?? [] { out.string(7, c.stringValue ?? "") }
        for parameter in op["parameters"]?.arrayValue ?? [] { out.message(8, parametersItem(parameter)) }
        if let responses = op["responses"]?.objectValue {
            var r = ProtoWriter()
            for (code, response) in responses {
                var body = ProtoWriter()
                body.string(1, response["description"]?.stringValue ?? "")
                if let schema = response["schema"] {
                    var item = ProtoWriter()
                    item.message(1, self.schema(schema))
                    body.message(2, item)
                }
                var value = ProtoWriter()
                value.message(1, body)
                var named = ProtoWriter()
                named.string(1, code)
                named.message(2, value)
                r.message(1, named)
            }
            out.message(9, r)
        }
        for s in op["schemes"]?.arrayValue ?? [] { out.string(10, s.stringValue ?? "") }
        vendorExtensions(op, field: 13, into: &out)
        return out
    }

    /// `ParametersItem{parameter: Parameter{body_parameter | non_body_parameter}}`.
    static func parametersItem(_ p: JSONValue) -> ProtoWriter {
        var parameter = ProtoWriter()
        let location = p["in"]?.stringValue ?? ""
        if location == "body" {
            var body = ProtoWriter()
            if let d = p["description"]?.stringValue { body.string(1, d) }
            body.string(2, p["name"]?.stringValue ?? "")
            body.string(3, location)
            if p["required"]?.boolValue == true { body.bool(4, true) }
            if let s = p["schema"] { body.message(5, schema(s)) }
            parameter.message(1, body)
        } else {
            // Query (3) and path (4) sub-schemas share the leading fields; `type` is 6 for a query
            // parameter and 5 for a path parameter.
            var sub = ProtoWriter()
            if p["required"]?.boolValue == true { sub.bool(1, true) }
            sub.string(2, location)
            if let d = p["description"]?.stringValue { sub.string(3, d) }
            sub.string(4, p["name"]?.stringValue ?? "")
            let isPath = location == "path"
            if let t = p["type"]?.stringValue { sub.string(isPath ? 5 : 6, t) }
            if let b = p["uniqueItems"]?.boolValue { sub.bool(isPath ? 19 : 20, b) }
            var nonBody = ProtoWriter()
            nonBody.message(isPath ? 4 : 3, sub)
            parameter.message(2, nonBody)
        }
        var item = ProtoWriter()
        item.message(1, parameter)
        return item
    }

    static func namedSchema(_ name: String, _ value: JSONValue) -> ProtoWriter {
        var out = ProtoWriter()
        out.string(1, name)
        out.message(2, schema(value))
        return out
    }

    static func schema(_ s: JSONValue) -> ProtoWriter {
        var out = ProtoWriter()
        guard case .object(let fields) = s else { return out }
        for (key, value) in fields {
            switch key {
            case "$ref": out.string(1, value.stringValue ?? "")
            case "format": out.string(2, value.stringValue ?? "")
            case "title": out.string(3, value.stringValue ?? "")
            case "description": out.string(4, value.stringValue ?? "")
            case "default": out.message(5, any(value))
            case "multipleOf": out.double(6, value)
            case "maximum": out.double(7, value)
            case "exclusiveMaximum": out.bool(8, value.boolValue ?? false)
            case "minimum": out.double(9, value)
            case "exclusiveMinimum": out.bool(10, value.boolValue ?? false)
            case "maxLength": out.int(11, value)
            case "minLength": out.int(12, value)
            case "pattern": out.string(13, value.stringValue ?? "")
            case "maxItems": out.int(14, value)
            case "minItems": out.int(15, value)
            case "uniqueItems": out.bool(16, value.boolValue ?? false)
            case "maxProperties": out.int(17, value)
            case "minProperties": out.int(18, value)
            case "required": for r in value.arrayValue ?? [] { out.string(19, r.stringValue ?? "") }
            case "enum": for e in value.arrayValue ?? [] { out.message(20, any(e)) }
            case "additionalProperties":
                var item = ProtoWriter()
                if case .bool(let b) = value { item.bool(2, b) } else { item.message(1, schema(value)) }
                out.message(21, item)
            case "type":
                var item = ProtoWriter()
                if case .array(let types) = value {
                    for t in types { item.string(1, t.stringValue ?? "") }
                } else {
                    item.string(1, value.stringValue ?? "")
                }
                out.message(22, item)
            case "items":
                var item = ProtoWriter()
                if case .array(let schemas) = value {
                    for element in schemas { item.message(1, schema(element)) }
                } else {
                    item.message(1, schema(value))
                }
                out.message(23, item)
            case "allOf": for element in value.arrayValue ?? [] { out.message(24, schema(element)) }
            case "properties":
                var properties = ProtoWriter()
                for (name, property) in value.objectValue ?? [:] { properties.message(1, namedSchema(name, property)) }
                out.message(25, properties)
            case "readOnly": out.bool(27, value.boolValue ?? false)
            case "example": out.message(30, any(value))
            default: break
            }
        }
        vendorExtensions(s, field: 31, into: &out)
        return out
    }

    /// The `x-…` keys of `object` as repeated `NamedAny` at `field`.
    static func vendorExtensions(_ object: JSONValue, field: Int, into out: inout ProtoWriter) {
        for (key, value) in object.objectValue ?? [:] where key.hasPrefix("x-") {
            var named = ProtoWriter()
            named.string(1, key)
            named.message(2, any(value))
            out.message(field, named)
        }
    }

    /// `Any{yaml}` holding `value`.
    static func any(_ value: JSONValue) -> ProtoWriter {
        var out = ProtoWriter()
        out.string(2, value.serialized() + "\n")
        return out
    }
}
