import StructuredData

/// The REST paths of one served type, as kube-apiserver lists them in its OpenAPI documents:
/// the collection and the object path (plus the all-namespaces list for namespaced types), with
/// one operation per verb. Every operation carries `x-kubernetes-action` and
/// `x-kubernetes-group-version-kind`; writes accept `dryRun` and `fieldManager`. That is what
/// kubectl reads from them: `explain` finds a resource's kind, 1.20's `diff`/`--dry-run=server`
/// check for `dryRun` on PATCH. `fieldValidation` is deliberately not listed: with it, kubectl
/// and Helm would skip their client-side schema validation and rely on server-side strict
/// decoding, which this server does not do for built-in kinds.
enum OpenAPIPaths {
    /// The paths of `type`, whose definition is `definition` (nil when it has none).
    static func paths(_ type: ResourceType, definition: String?, _ dialect: SchemaDialect) -> [(String, JSONValue)] {
        let prefix = type.group.isEmpty ? "/api/\(type.version)" : "/apis/\(type.group)/\(type.version)"
        let scope = type.namespaced ? "Namespaced" : ""
        let base = type.namespaced ? "\(prefix)/namespaces/{namespace}/\(type.plural)" : "\(prefix)/\(type.plural)"
        let names = OperationNames(type: type)
        let gvk = SchemaGVK(group: type.group, version: type.version, kind: type.kind).json
        let pathParameters = (type.namespaced ? [pathParameter("namespace", "object name and auth scope, such as for teams and projects", dialect)] : [])
        let list = definition.map { $0 + "List" }
        func op(_ verb: String, _ action: String, _ description: String, _ query: [String], body: String?, response: String?) -> JSONValue {
            operation(id: "\(verb)\(names.group)\(names.version)\(scope)\(type.kind)", tag: names.tag, action: action, gvk: gvk,
                      description: description, query: query, body: body, response: response,
                      strategicMerge: !type.isCustom, dialect)
        }
        let writes = ["dryRun", "fieldManager"]
        var collection: JSONObject = [
            "get": op("list", "list", "list or watch objects of kind \(type.kind)", ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "watch"], body: nil, response: list),
            "post": op("create", "post", "create a \(type.kind)", writes, body: definition, response: definition),
            "delete": op("deletecollection", "deletecollection", "delete collection of \(type.kind)", ["labelSelector", "fieldSelector", "dryRun"], body: nil, response: BuiltinSchemas.metaPackage + "Status"),
        ]
        if !pathParameters.isEmpty { collection["parameters"] = .array(pathParameters) }
        var item: JSONObject = [
            "get": op("read", "get", "read the specified \(type.kind)", [], body: nil, response: definition),
            "put": op("replace", "put", "replace the specified \(type.kind)", writes, body: definition, response: definition),
            "patch": op("patch", "patch", "partially update the specified \(type.kind)", writes + ["force"], body: BuiltinSchemas.metaPackage + "Patch", response: definition),
            "delete": op("delete", "delete", "delete a \(type.kind)", ["dryRun", "gracePeriodSeconds", "propagationPolicy"], body: nil, response: BuiltinSchemas.metaPackage + "Status"),
        ]
        item["parameters"] = .array([pathParameter("name", "name of the \(type.kind)", dialect)] + pathParameters)
        var out: [(String, JSONValue)] = [(base, .object(collection)), (base + "/{name}", .object(item))]
        if type.namespaced {
            let all: JSONObject = ["get": operation(
                id: "list\(names.group)\(names.version)\(type.kind)ForAllNamespaces", tag: names.tag, action: "list", gvk: gvk,
                description: "list or watch objects of kind \(type.kind)", query: ["labelSelector", "fieldSelector", "limit", "continue"],
                body: nil, response: list, strategicMerge: false, dialect)]
            out.append(("\(prefix)/\(type.plural)", .object(all)))
        }
        return out
    }

    /// CamelCase pieces of operation IDs (`Apps`, `V1`) and the tag (`apps_v1`).
    struct OperationNames {
        var group: String
        var version: String
        var tag: String

        init(type: ResourceType) {
            var g = type.group.isEmpty ? "core" : type.group
            if g.hasSuffix(".k8s.io") { g = String(g.dropLast(".k8s.io".count)) }
            let parts = g.split(separator: ".")
            group = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            version = type.version.prefix(1).uppercased() + type.version.dropFirst()
            tag = parts.joined(separator: "_") + "_" + type.version
        }
    }

    static let queryDescriptions: [String: String] = [
        "dryRun": "When present, the request is validated but not persisted. The only valid value is `All`.",
        "fieldManager": "The name of the actor making the change, recorded in managedFields.",
        "force": "For apply requests: take ownership of fields owned by other managers.",
        "labelSelector": "Restrict the returned objects by their labels.",
        "fieldSelector": "Restrict the returned objects by their fields.",
        "limit": "The most objects to return in one page.",
        "continue": "The token of the page to return, from a previous list.",
        "resourceVersion": "The resource version the list must be at least as recent as.",
        "watch": "Stream changes instead of listing.",
        "gracePeriodSeconds": "Seconds before the object is deleted.",
        "propagationPolicy": "How dependents are garbage collected: `Orphan`, `Background` or `Foreground`.",
    ]

    static func queryParameter(_ name: String, _ dialect: SchemaDialect) -> JSONValue {
        let type: JSONValue = ["limit", "gracePeriodSeconds"].contains(name) ? "integer" : (["force", "watch"].contains(name) ? "boolean" : "string")
        let description = JSONValue.string(queryDescriptions[name] ?? name)
        if dialect == .v2 {
            return ["uniqueItems": true, "type": type, "description": description, "name": .string(name), "in": "query"]
        }
        return ["name": .string(name), "in": "query", "description": description, "schema": ["type": type, "uniqueItems": true]]
    }

    static func pathParameter(_ name: String, _ description: String, _ dialect: SchemaDialect) -> JSONValue {
        if dialect == .v2 {
            return ["uniqueItems": true, "type": "string", "description": .string(description), "name": .string(name), "in": "path", "required": true]
        }
        return ["name": .string(name), "in": "path", "description": .string(description), "required": true,
                "schema": ["type": "string", "uniqueItems": true]]
    }

    /// One operation. `strategicMerge`: whether a PATCH accepts strategic merge patches (built-in
    /// kinds only; kubectl's client-side apply sends one exactly when the PATCH lists it).
    static func operation(id: String, tag: String, action: String, gvk: JSONValue, description: String, query: [String],
                          body: String?, response: String?, strategicMerge: Bool, _ dialect: SchemaDialect) -> JSONValue {
        var op: JSONObject = ["tags": [.string(tag)], "description": .string(description), "operationId": .string(id)]
        var parameters = query.map { queryParameter($0, dialect) }
        let ref: (String) -> JSONValue = { ["$ref": .string(dialect.refPrefix + $0)] }
        let patchTypes: [JSONValue] = ["application/json-patch+json", "application/merge-patch+json"]
            + (strategicMerge ? ["application/strategic-merge-patch+json"] : []) + ["application/apply-patch+yaml"]
        let produces: [JSONValue] = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"]
        if dialect == .v2 {
            if let body { parameters.insert(["in": "body", "name": "body", "required": true, "schema": ref(body)], at: 0) }
            op["consumes"] = action == "patch" ? .array(patchTypes) : ["*/*"]
            op["produces"] = .array(produces)
            op["schemes"] = ["https"]
            var ok: JSONObject = ["description": "OK"]
            if let response { ok["schema"] = ref(response) }
            op["responses"] = ["200": .object(ok), "401": ["description": "Unauthorized"]]
        } else {
            if let body {
                let types: [JSONValue] = action == "patch" ? patchTypes : ["*/*"]
                var content: JSONObject = [:]
                for t in types { content[t.stringValue ?? ""] = ["schema": ref(body)] }
                op["requestBody"] = ["content": .object(content), "required": true]
            }
            var ok: JSONObject = ["description": "OK"]
            if let response {
                var content: JSONObject = [:]
                for t in produces { content[t.stringValue ?? ""] = ["schema": ref(response)] }
                ok["content"] = .object(content)
            }
            op["responses"] = ["200": .object(ok), "401": ["description": "Unauthorized"]]
        }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        op["x-kubernetes-action"] = .string(action)
        op["x-kubernetes-group-version-kind"] = gvk
        return .object(op)
    }
}
