import Foundation
import KubeModel
import StructuredData

extension KubeAPI {
    /// Serves the authorization and authentication review APIs (create-only, nothing stored):
    /// `selfsubjectaccessreviews`, `selfsubjectrulesreviews`, `subjectaccessreviews`,
    /// `localsubjectaccessreviews` and `selfsubjectreviews`. Returns nil for other paths.
    func review(_ request: APIRequest, group: String, version: String, rest: [String]) async throws -> APIResponse? {
        guard version == "v1", group == "authorization.k8s.io" || group == "authentication.k8s.io" else { return nil }
        var namespace = ""
        var resource = rest.first ?? ""
        if rest.count == 3, rest[0] == "namespaces" {
            namespace = rest[1]
            resource = rest[2]
        } else if rest.count != 1 {
            return nil
        }
        let kinds: [String: String] = [
            "selfsubjectaccessreviews": "SelfSubjectAccessReview", "selfsubjectrulesreviews": "SelfSubjectRulesReview",
            "subjectaccessreviews": "SubjectAccessReview", "localsubjectaccessreviews": "LocalSubjectAccessReview",
            "selfsubjectreviews": "SelfSubjectReview",
        ]
        guard let kind = kinds[resource], (group == "authentication.k8s.io") == (resource == "selfsubjectreviews"),
              (resource == "localsubjectaccessreviews") == !namespace.isEmpty else { return nil }
        guard request.method == "POST" else {
            throw APIServerError.methodNotAllowed(QualifiedResource(group: group, resource: resource), request.method.lowercased())
        }
        var body = try decodeBody(request)
        body.set(["apiVersion"], .string("\(group)/v1"))
        body.set(["kind"], .string(kind))
        if body["metadata"]?.objectValue == nil { body.set(["metadata"], .object([:])) }
        body.set(["metadata", "creationTimestamp"], .null)
        let spec = body["spec"] ?? .object([:])
        switch resource {
        case "selfsubjectreviews":
            body.set(["status"], ["userInfo": Self.userInfoJSON(request.user)])
        case "selfsubjectrulesreviews":
            let ns = spec["namespace"]?.stringValue ?? ""
            body.set(["status"], await rulesStatus(for: request.user, namespace: ns))
        default:
            var user = request.user
            if resource == "subjectaccessreviews" || resource == "localsubjectaccessreviews" {
                user = UserInfo(name: spec["user"]?.stringValue ?? "", uid: spec["uid"]?.stringValue ?? "",
                                groups: spec["groups"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                extra: Dictionary((spec["extra"]?.objectValue ?? [:]).map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) },
                                                 uniquingKeysWith: { a, _ in a }))
            }
            if resource == "localsubjectaccessreviews", let ns = spec["resourceAttributes"]?["namespace"]?.stringValue,
               !ns.isEmpty, ns != namespace {
                throw APIServerError.badRequest("spec.resourceAttributes.namespace must match namespace: \(namespace)")
            }
            var attributes = Self.reviewAttributes(spec, user: user)
            if resource == "localsubjectaccessreviews" { attributes.namespace = namespace }
            let decision = await authorizer.authorize(attributes)
            var status: JSONObject = ["allowed": .bool(decision.allowed)]
            if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
            body.set(["status"], .object(status))
        }
        return .json(code: 201, body: body)
    }

    /// The attributes a SubjectAccessReview spec describes.
    static func reviewAttributes(_ spec: JSONValue, user: UserInfo) -> RequestAttributes {
        if let r = spec["resourceAttributes"], r.objectValue != nil {
            return RequestAttributes(user: user, verb: r["verb"]?.stringValue ?? "", isResourceRequest: true, path: "",
                                     apiGroup: r["group"]?.stringValue ?? "", apiVersion: r["version"]?.stringValue ?? "",
                                     resource: r["resource"]?.stringValue ?? "", subresource: r["subresource"]?.stringValue ?? "",
                                     namespace: r["namespace"]?.stringValue ?? "", name: r["name"]?.stringValue ?? "")
        }
        let n = spec["nonResourceAttributes"] ?? .object([:])
        return RequestAttributes(user: user, verb: n["verb"]?.stringValue ?? "", isResourceRequest: false,
                                 path: n["path"]?.stringValue ?? "")
    }

    /// `SelfSubjectRulesReview.status`: the user's rules in `namespace`, split into resource and
    /// non-resource rules.
    func rulesStatus(for user: UserInfo, namespace: String) async -> JSONValue {
        var (rules, errors) = await authorizer.rules(for: user, namespace: namespace)
        if user.isMaster && rules.isEmpty {
            rules = [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]
        }
        var resourceRules: [JSONValue] = []
        var nonResourceRules: [JSONValue] = []
        for rule in rules {
            if !rule.nonResourceURLs.isEmpty {
                nonResourceRules.append(["verbs": .array(rule.verbs.map(JSONValue.string)),
                                         "nonResourceURLs": .array(rule.nonResourceURLs.map(JSONValue.string))])
            }
            if !rule.resources.isEmpty || !rule.apiGroups.isEmpty {
                var r: JSONObject = ["verbs": .array(rule.verbs.map(JSONValue.string)),
                                     "apiGroups": .array(rule.apiGroups.map(JSONValue.string)),
                                     "resources": .array(rule.resources.map(JSONValue.string))]
                if !rule.resourceNames.isEmpty { r["resourceNames"] = .array(rule.resourceNames.map(JSONValue.string)) }
                resourceRules.append(.object(r))
            }
        }
        var status: JSONObject = ["resourceRules": .array(resourceRules), "nonResourceRules": .array(nonResourceRules),
                                  "incomplete": .bool(!errors.isEmpty)]
        if !errors.isEmpty { status["evaluationError"] = .string(RBACAuthorizer.aggregate(errors)) }
        return .object(status)
    }

    static func userInfoJSON(_ user: UserInfo) -> JSONValue {
        var o: JSONObject = ["username": .string(user.name)]
        if !user.uid.isEmpty { o["uid"] = .string(user.uid) }
        if !user.groups.isEmpty { o["groups"] = .array(user.groups.map(JSONValue.string)) }
        if !user.extra.isEmpty {
            var extra: JSONObject = [:]
            for (k, v) in user.extra.sorted(by: { $0.key < $1.key }) { extra[k] = .array(v.map(JSONValue.string)) }
            o["extra"] = .object(extra)
        }
        return .object(o)
    }

    /// `POST .../serviceaccounts/<name>/token` (TokenRequest): a signed token for an existing
    /// ServiceAccount; `expirationSeconds` defaults to 3600 and must be at least 600.
    func tokenRequest(_ target: ResourceTarget, name: String, _ request: APIRequest) async throws -> APIResponse {
        let namespace = target.namespace ?? ""
        let sa = try await get(target.type, namespace: namespace, name: name)
        var body = try decodeBody(request)
        let seconds = body["spec"]?["expirationSeconds"]?.intValue ?? 3600
        if seconds < 600 {
            throw APIServerError.invalid(kind: "TokenRequest", group: "authentication.k8s.io", name: name, errors: [
                .invalid("spec.expirationSeconds", rendered: String(seconds), "may not specify a duration less than 10 minutes"),
            ])
        }
        if seconds > 1 << 32 {
            throw APIServerError.invalid(kind: "TokenRequest", group: "authentication.k8s.io", name: name, errors: [
                .invalid("spec.expirationSeconds", rendered: String(seconds), "may not specify a duration larger than 2^32 seconds"),
            ])
        }
        var audiences = body["spec"]?["audiences"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if audiences.isEmpty { audiences = [ServiceAccountTokens.issuer] }
        let now = Date()
        let token = tokens.issue(namespace: namespace, name: name, uid: sa.value.metadataString("uid"),
                                 audiences: audiences, seconds: seconds, now: now)
        body.set(["apiVersion"], "authentication.k8s.io/v1")
        body.set(["kind"], "TokenRequest")
        body.set(["metadata"], ["name": .string(name), "namespace": .string(namespace), "creationTimestamp": .null])
        body.set(["spec", "audiences"], .array(audiences.map(JSONValue.string)))
        body.set(["spec", "expirationSeconds"], .int(seconds))
        if body["spec"]?["boundObjectRef"] == nil { body.set(["spec", "boundObjectRef"], .null) }
        body.set(["status"], ["token": .string(token),
                              "expirationTimestamp": .string(Self.timestamp(now.addingTimeInterval(Double(seconds))))])
        return .json(code: 201, body: body)
    }
}
