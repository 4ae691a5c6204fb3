import GoCompat
import StructuredData

extension KubeAPI {
    /// Applies `Impersonate-*` headers and authorizes the request, for every front alike (the
    /// HTTP front and the in-process transport): returns the request with its effective user, or
    /// the response that refuses it (403 `Forbidden` with upstream's message, or upstream's 500
    /// text for malformed impersonation headers), and the attributes it was authorized with.
    func authorizeRequest(_ request: APIRequest) async -> (request: APIRequest, refusal: APIResponse?, attributes: RequestAttributes?) {
        var request = request
        let (steps, malformed) = ImpersonationHeaders.steps(request)
        if let malformed {
            let uri = request.query.isEmpty ? request.path
                : request.path + "?" + request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            return (request, .raw(code: 500, contentType: "text/plain; charset=utf-8",
                                  body: Array("Internal Server Error: \(GoQuote.quote(uri)): \(malformed)\n".utf8)), nil)
        }
        if !steps.isEmpty {
            for step in steps {
                let attributes = step.attributes(requestor: request.user)
                let decision = await authorizer.authorize(attributes)
                if !decision.allowed { return (request, .error(Self.forbidden(attributes, reason: decision.reason)), nil) }
            }
            request.user = ImpersonationHeaders.user(from: steps, groupsSpecified: !request.headerValues(ImpersonationHeaders.groupHeader).isEmpty)
        }
        let attributes = RequestAttributes(request: request, user: request.user)
        let decision = await authorizer.authorize(attributes)
        if !decision.allowed { return (request, .error(Self.forbidden(attributes, reason: decision.reason)), attributes) }
        return (request, nil, attributes)
    }

    /// Whether `user` may do what `attributes` describe (RBAC; `system:masters` always may).
    public func authorize(_ attributes: RequestAttributes) async -> AuthorizationDecision {
        await authorizer.authorize(attributes)
    }

    /// responsewriters.Forbidden: `<resource> "<name>" is forbidden: User "<u>" cannot <verb>
    /// resource "<res[/sub]>" in API group "<g>" in the namespace "<ns>"` (or `at the cluster
    /// scope`; `forbidden: User "<u>" cannot <verb> path "<p>"` for non-resource requests), with
    /// `: <reason>` appended when the authorizer gave one.
    static func forbidden(_ a: RequestAttributes, reason: String) -> APIServerError {
        var message: String
        let user = GoQuote.quote(a.user.name)
        if !a.isResourceRequest {
            message = "User \(user) cannot \(a.verb) path \(GoQuote.quote(a.path))"
        } else if !a.namespace.isEmpty {
            message = "User \(user) cannot \(a.verb) resource \(GoQuote.quote(a.combinedResource)) in API group \(GoQuote.quote(a.apiGroup)) in the namespace \(GoQuote.quote(a.namespace))"
        } else {
            message = "User \(user) cannot \(a.verb) resource \(GoQuote.quote(a.combinedResource)) in API group \(GoQuote.quote(a.apiGroup)) at the cluster scope"
        }
        if !reason.isEmpty { message += ": " + reason }
        let resource = a.isResourceRequest ? QualifiedResource(group: a.apiGroup, resource: a.resource) : QualifiedResource(group: "", resource: "")
        return APIServerError(.forbidden(resource, a.name, message))
    }
}
