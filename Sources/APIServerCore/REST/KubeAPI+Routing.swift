import StructuredData

/// A request resolved to one resource: the path's type, namespace, name and subresource.
struct ResourceTarget: Sendable {
    var type: ResourceType
    /// nil for a cross-namespace collection or a cluster-scoped type.
    var namespace: String?
    var name: String?
    var subresource: String?
}

extension KubeAPI {
    func route(_ request: APIRequest) async throws -> APIResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard let head = parts.first else { return try discoveryRoot(request) }
        switch head {
        case "version" where parts.count == 1:
            return .json(code: 200, body: Self.versionInfo)
        case "healthz", "readyz", "livez":
            let report = health.report(endpoint: head, verbose: request.query["verbose"] != nil,
                                       includeFailures: head != "livez")
            return .raw(code: report.code, contentType: "text/plain; charset=utf-8", body: Array(report.text.utf8))
        case "openapi":
            return try await openAPIDocument(request, parts: parts)
        case "api":
            if parts.count == 1 {
                if let v = Self.aggregatedDiscoveryVersion(request.accept) { return aggregatedDiscovery(version: v, core: true) }
                return .json(code: 200, body: apiVersions)
            }
            guard parts[1] == "v1" else { throw APIServerError.unknownPath }
            if parts.count == 2 { return try resourceList(group: "", version: "v1") }
            return try await serve(request, group: "", version: "v1", rest: Array(parts.dropFirst(2)))
        case "apis":
            if parts.count == 1 {
                if let v = Self.aggregatedDiscoveryVersion(request.accept) { return aggregatedDiscovery(version: v, core: false) }
                return .json(code: 200, body: apiGroupList)
            }
            if parts.count == 2 { return try apiGroup(parts[1]) }
            if parts.count == 3 { return try resourceList(group: parts[1], version: parts[2]) }
            if let answer = try await review(request, group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3))) {
                return answer
            }
            return try await serve(request, group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)))
        default:
            throw APIServerError.unknownPath
        }
    }

    /// Resolves `rest` (after `/api/v1` or `/apis/<g>/<v>`) with a discovery lookup.
    func resolve(group: String, version: String, rest: [String]) throws -> ResourceTarget {
        if rest.count >= 3, rest[0] == "namespaces",
           let type = registry.lookup(group: group, version: version, plural: rest[2]), type.namespaced {
            guard rest.count <= 5 else { throw APIServerError.unknownPath }
            return ResourceTarget(type: type, namespace: rest[1], name: rest.count > 3 ? rest[3] : nil,
                                  subresource: rest.count > 4 ? rest[4] : nil)
        }
        guard rest.count <= 3, let type = registry.lookup(group: group, version: version, plural: rest[0]) else {
            throw APIServerError.unknownPath
        }
        if type.namespaced && rest.count > 1 { throw APIServerError.unknownPath }
        return ResourceTarget(type: type, namespace: nil, name: rest.count > 1 ? rest[1] : nil,
                              subresource: rest.count > 2 ? rest[2] : nil)
    }

    func serve(_ request: APIRequest, group: String, version: String, rest: [String]) async throws -> APIResponse {
        let target = try resolve(group: group, version: version, rest: rest)
        if let sub = target.subresource {
            if sub == "scale" && target.type.hasScale, let name = target.name {
                return try await scale(target, name: name, request)
            }
            if ["log", "exec", "attach", "portforward", "proxy"].contains(sub) && target.type.group.isEmpty
                && target.type.plural == "pods", let name = target.name {
                _ = try await get(target.type, namespace: target.namespace ?? "", name: name)
                throw APIServerError.badRequest(sub == "log"
                    ? "container logs are not available: the swiftflux embedded API server simulates pods and has no kubelet"
                    : "pods/\(sub) is not available: the swiftflux embedded API server simulates pods and has no kubelet")
            }
            if sub == "token" && target.type.group.isEmpty && target.type.plural == "serviceaccounts", let name = target.name {
                guard request.method == "POST" else {
                    throw APIServerError.methodNotAllowed(target.type.resource, request.method.lowercased())
                }
                return try await tokenRequest(target, name: name, request)
            }
            let allowed = (sub == "status" && target.type.hasStatus)
                || (sub == "finalize" && target.type.resource == Self.namespaceType.resource)
            guard allowed else { throw APIServerError.unknownPath }
        }
        switch (request.method, target.name) {
        case ("GET", nil):
            if request.flag("watch") { return try await watch(target, request) }
            return try await list(target, request)
        case ("GET", let name?):
            let object = try await get(target.type, namespace: target.namespace ?? "", name: name).value
            if let version = Self.tableVersion(request.accept) {
                return .json(code: 200, body: Self.table(
                    target.type, objects: [object], metadata: ["resourceVersion": .string(object.metadataString("resourceVersion"))],
                    version: version, includeObject: request.query["includeObject"]))
            }
            return .json(code: 200, body: object)
        case ("POST", nil):
            try FieldManagerContext.validate(request, optionsKind: "CreateOptions", isApply: false)
            let body = try decodeBody(request)
            let created = try await create(target.type, namespace: target.namespace ?? "", body: body, dryRun: request.isDryRun)
            return .json(code: 201, body: created)
        case ("PUT", let name?):
            try FieldManagerContext.validate(request, optionsKind: "UpdateOptions", isApply: false)
            let body = try decodeBody(request)
            return .json(code: 200, body: try await update(target, name: name, body: body, dryRun: request.isDryRun))
        case ("PATCH", let name?):
            if request.isApplyPatch { return try await applyPatch(target, name: name, request) }
            try FieldManagerContext.validate(request, optionsKind: "PatchOptions", isApply: false)
            return .json(code: 200, body: try await patch(target, name: name, request))
        case ("DELETE", let name?):
            guard target.subresource == nil else { throw APIServerError.methodNotAllowed(target.type.resource, "delete") }
            return try await delete(target, name: name, request)
        case ("DELETE", nil):
            return try await deleteCollection(target, request)
        default:
            throw APIServerError.methodNotAllowed(target.type.resource, request.method.lowercased())
        }
    }

    /// The media types a create or update body may have.
    static let bodyMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"]

    /// The request body as a JSON object: JSON (also with no `Content-Type`) or YAML; 415 for
    /// other media types (protobuf included: this server does not decode it), 400 when the body
    /// is not an object.
    func decodeBody(_ request: APIRequest) throws -> JSONValue {
        let mediaType = (request.contentType ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let value: JSONValue
        switch mediaType {
        case "", "application/json", "*/*":
            do {
                value = try JSONParser.parse(bytes: request.body)
            } catch {
                throw APIServerError.badRequest("the object provided is unrecognized (must be of type object): couldn't get version/kind; json parse error: \(error.message)")
            }
        case "application/yaml":
            do {
                value = try YAML.parse(String(decoding: request.body, as: UTF8.self))
            } catch {
                throw APIServerError.badRequest("the object provided is unrecognized (must be of type object): couldn't get version/kind; yaml: \(error.message)")
            }
        default:
            throw APIServerError.unsupportedMediaType(Self.bodyMediaTypes)
        }
        guard case .object = value else {
            throw APIServerError.badRequest("the object provided is unrecognized (must be of type object): couldn't get version/kind; json parse error: cannot unmarshal \(value.typeName) into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }")
        }
        return value
    }

    /// The stored object or 404.
    func get(_ type: ResourceType, namespace: String, name: String) async throws -> StoredObject {
        let key = ObjectKey(resource: type.resource, namespace: type.namespaced ? namespace : "", name: name)
        guard let object = await store.get(key) else { throw APIServerError.notFound(type.resource, name) }
        return object
    }
}
