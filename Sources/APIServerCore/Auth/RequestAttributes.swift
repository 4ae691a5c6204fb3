import Foundation

/// What a request asks to do, as authorization sees it (upstream `RequestInfo` +
/// `authorizer.Attributes`): a resource request (verb, group, version, resource, subresource,
/// namespace, name) or a non-resource request (verb and path).
public struct RequestAttributes: Sendable, Equatable {
    public var user: UserInfo
    public var verb: String
    public var isResourceRequest: Bool
    public var path: String
    public var apiGroup: String = ""
    public var apiVersion: String = ""
    public var resource: String = ""
    public var subresource: String = ""
    public var namespace: String = ""
    public var name: String = ""

    public init(user: UserInfo, verb: String, isResourceRequest: Bool, path: String, apiGroup: String = "",
                apiVersion: String = "", resource: String = "", subresource: String = "", namespace: String = "",
                name: String = "") {
        self.user = user
        self.verb = verb
        self.isResourceRequest = isResourceRequest
        self.path = path
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    /// Parses a request the way kube-apiserver's `RequestInfoFactory` does: `/api/v1/...` and
    /// `/apis/<group>/<version>/...` with at least a resource are resource requests (the
    /// `namespaces/<ns>/` prefix sets the namespace, `namespaces/<ns>` itself names the namespace
    /// too); a GET without a name is `list` or `watch` (a `metadata.name=` field selector names the
    /// object), a DELETE without one `deletecollection`. Everything else is a non-resource request
    /// whose verb is the lower-cased method.
    public init(request: APIRequest, user: UserInfo) {
        self.user = user
        path = request.path
        let method = request.method.uppercased()
        verb = method.lowercased()
        isResourceRequest = false
        var parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api" || parts[0] == "apis" else { return }
        let groupless = parts[0] == "api"
        parts.removeFirst()
        if !groupless {
            guard parts.count >= 3 else { return }
            apiGroup = parts.removeFirst()
        }
        isResourceRequest = true
        apiVersion = parts.removeFirst()
        var watchPrefix = false
        if parts.first == "watch" || parts.first == "proxy" {
            guard parts.count >= 2 else {
                isResourceRequest = false
                return
            }
            verb = parts.removeFirst()
            watchPrefix = verb == "watch"
        } else {
            switch method {
            case "POST": verb = "create"
            case "GET", "HEAD": verb = "get"
            case "PUT": verb = "update"
            case "PATCH": verb = "patch"
            case "DELETE": verb = "delete"
            default: verb = ""
            }
        }
        if parts.first == "namespaces" {
            if parts.count > 1 {
                namespace = parts[1]
                if parts.count > 2 && parts[2] != "status" && parts[2] != "finalize" { parts.removeFirst(2) }
            }
        }
        if parts.count >= 3 && verb != "proxy" { subresource = parts[2] }
        if parts.count >= 2 { name = parts[1] }
        if parts.count >= 1 { resource = parts[0] }
        if name.isEmpty && verb == "get" {
            verb = Self.parseBool(request.query["watch"]) ? "watch" : "list"
        }
        if watchPrefix && name.isEmpty { verb = "watch" }
        if (verb == "list" || verb == "watch"), let selector = request.query["fieldSelector"],
           let exact = Self.exactName(selector) {
            name = exact
        }
        if name.isEmpty && verb == "delete" { verb = "deletecollection" }
    }

    /// strconv.ParseBool's true spellings.
    static func parseBool(_ text: String?) -> Bool {
        guard let text else { return false }
        return ["1", "t", "T", "true", "TRUE", "True"].contains(text)
    }

    /// The name a field selector pins with `metadata.name=X` or `metadata.name==X` (only when it
    /// is a valid path segment).
    static func exactName(_ selector: String) -> String? {
        for term in selector.split(separator: ",") {
            let text = String(term).trimmingCharacters(in: .whitespaces)
            for op in ["==", "="] where text.hasPrefix("metadata.name" + op) {
                let value = String(text.dropFirst(("metadata.name" + op).count))
                if value.hasPrefix("=") { continue }
                if value.isEmpty || value == "." || value == ".." || value.contains("/") || value.contains("%") { return nil }
                return value
            }
        }
        return nil
    }

    /// `resource/subresource`, or the resource alone.
    public var combinedResource: String { subresource.isEmpty ? resource : "\(resource)/\(subresource)" }
}
