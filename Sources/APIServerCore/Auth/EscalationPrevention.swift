import GoCompat
import StructuredData

/// The request being served, as authorization saw it (its effective user after impersonation),
/// for the checks storage makes itself. Nil for the server's own writes — bootstrap policy,
/// ClusterRole aggregation, garbage collection, simulated controllers — which upstream makes as a
/// privileged loopback client.
enum RequestContext {
    @TaskLocal static var current: RequestAttributes?
}

/// RBAC's escalation prevention (`pkg/registry/rbac`): nobody grants, through a Role, ClusterRole
/// or binding, a permission they do not hold themselves, unless they are in `system:masters`,
/// have the `escalate` verb on the roles they write, or the `bind` verb on the role a binding
/// refers to. A refusal is 403 with upstream's text:
/// `roles.rbac.authorization.k8s.io "r" is forbidden: user "u" (groups=["g"]) is attempting to
/// grant RBAC permissions not currently held:` and the missing rules, one per line, in
/// `CompactString` form and sorted.
extension KubeAPI {
    /// Checks a Role, ClusterRole, RoleBinding or ClusterRoleBinding about to be written (after
    /// defaulting; on create, update, patch, apply and dry runs alike). Other kinds pass.
    func confirmNoEscalation(_ object: JSONValue, type: ResourceType, old: JSONValue?) async throws {
        guard type.group == RBACAuthorizer.group, let request = RequestContext.current, !request.user.isMaster else { return }
        let binding: Bool
        switch type.plural {
        case "roles", "clusterroles": binding = false
        case "rolebindings", "clusterrolebindings": binding = true
        default: return
        }
        if let old, Self.onlyGarbageCollectionFieldsChange(object, old) { return }
        let name = object.metadataString("name")
        let namespace = type.namespaced ? object.metadataString("namespace") : ""
        let rules: [PolicyRule]
        if binding {
            let roleRef = object["roleRef"] ?? .null
            if await bindAuthorized(roleRef, bindingNamespace: namespace, user: request.user) { return }
            switch await authorizer.roleRules(roleRef, namespace: namespace) {
            case .success(let found): rules = found
            case .failure: throw APIServerError.notFound(Self.roleResource(roleRef), roleRef["name"]?.stringValue ?? "")
            }
        } else {
            if await escalateAuthorized(request) { return }
            rules = (object["rules"]?.arrayValue ?? []).map(PolicyRule.init(json:))
        }
        if let refusal = await Self.missingPermissions(rules, user: request.user, namespace: namespace, authorizer: authorizer) {
            throw APIServerError.forbidden(type.resource, name, refusal)
        }
        if type.plural == "clusterroles", object["aggregationRule"] != nil, object["aggregationRule"] != .null,
           await Self.missingPermissions(Self.fullAuthority, user: request.user, namespace: "", authorizer: authorizer) != nil {
            throw APIServerError.forbidden(type.resource, name, "must have cluster-admin privileges to use the aggregationRule")
        }
    }

    /// `*` on every resource of every group, and on every non-resource URL.
    static let fullAuthority = [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]),
                                PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]

    /// `ConfirmNoEscalation`: nil when the user's rules in `namespace` cover `rules`, else the
    /// message naming what is missing (and the bindings that could not be resolved).
    static func missingPermissions(_ rules: [PolicyRule], user: UserInfo, namespace: String,
                                   authorizer: RBACAuthorizer) async -> String? {
        let (owned, errors) = await authorizer.rules(for: user, namespace: namespace)
        let missing = PolicyRule.uncovered(rules, by: owned)
        if missing.isEmpty { return nil }
        let described = Set(PolicyRule.compact(missing).map(\.compactString)).sorted()
        let groups = "[" + user.groups.map(GoQuote.quote).joined(separator: " ") + "]"
        var message = "user \(GoQuote.quote(user.name)) (groups=\(groups)) is attempting to grant RBAC permissions not currently held:\n"
            + described.joined(separator: "\n")
        if !errors.isEmpty {
            message += "; resolution errors: [" + RBACAuthorizer.aggregate(errors.map(storageWording)) + "]"
        }
        return message
    }

    /// A rule-resolution error as storage words it: the authorizer reads roles through listers
    /// (`clusterrole.rbac.authorization.k8s.io "x" not found`), the escalation check through the
    /// registry (`clusterroles.rbac.authorization.k8s.io "x" not found`).
    static func storageWording(_ error: String) -> String {
        for singular in ["clusterrole.", "role."] where error.hasPrefix(singular + RBACAuthorizer.group) {
            return singular.dropLast() + "s." + error.dropFirst(singular.count)
        }
        return error
    }

    /// `RoleEscalationAuthorized`: the `escalate` verb on the role being written.
    private func escalateAuthorized(_ request: RequestAttributes) async -> Bool {
        guard request.isResourceRequest, request.apiGroup == RBACAuthorizer.group,
              request.resource == "roles" || request.resource == "clusterroles" else { return false }
        let attributes = RequestAttributes(user: request.user, verb: "escalate", isResourceRequest: true, path: request.path,
                                           apiGroup: request.apiGroup, apiVersion: "*", resource: request.resource,
                                           namespace: request.namespace, name: request.name)
        return await authorizer.authorize(attributes).allowed
    }

    /// `BindingAuthorized`: the `bind` verb on the role a binding refers to, in the binding's
    /// namespace ("" for a ClusterRoleBinding).
    private func bindAuthorized(_ roleRef: JSONValue, bindingNamespace: String, user: UserInfo) async -> Bool {
        let resource: String
        switch roleRef["kind"]?.stringValue {
        case "ClusterRole": resource = "clusterroles"
        case "Role": resource = "roles"
        default: return false
        }
        let attributes = RequestAttributes(user: user, verb: "bind", isResourceRequest: true, path: "",
                                           apiGroup: roleRef["apiGroup"]?.stringValue ?? "", resource: resource,
                                           namespace: bindingNamespace, name: roleRef["name"]?.stringValue ?? "")
        return await authorizer.authorize(attributes).allowed
    }

    static func roleResource(_ roleRef: JSONValue) -> QualifiedResource {
        QualifiedResource(group: RBACAuthorizer.group, resource: roleRef["kind"]?.stringValue == "Role" ? "roles" : "clusterroles")
    }

    /// `IsOnlyMutatingGCFields`: the write changes nothing but owner references and finalizers
    /// (managed fields aside), so it grants nothing.
    static func onlyGarbageCollectionFieldsChange(_ object: JSONValue, _ old: JSONValue) -> Bool {
        var copy = object
        for field in ["ownerReferences", "finalizers", "selfLink", "managedFields"] {
            copy.set(["metadata", field], old["metadata"]?[field])
        }
        return copy == old
    }
}

extension PolicyRule {
    /// `validation.Covers`: the parts of `rules`, broken down to one group, resource, verb and
    /// name (or URL and verb) each, that no rule of `owner` covers, in order.
    static func uncovered(_ rules: [PolicyRule], by owner: [PolicyRule]) -> [PolicyRule] {
        rules.flatMap(\.breakdown).filter { part in !owner.contains { $0.covers(part) } }
    }

    /// `BreakdownRule`.
    var breakdown: [PolicyRule] {
        var parts: [PolicyRule] = []
        for group in apiGroups {
            for resource in resources {
                for verb in verbs {
                    if resourceNames.isEmpty {
                        parts.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    } else {
                        for name in resourceNames {
                            parts.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name]))
                        }
                    }
                }
            }
        }
        for url in nonResourceURLs {
            for verb in verbs { parts.append(PolicyRule(verbs: [verb], nonResourceURLs: [url])) }
        }
        return parts
    }

    /// `ruleCovers`: this (owned) rule grants everything `part` does.
    func covers(_ part: PolicyRule) -> Bool {
        let verbsCovered = verbs.contains("*") || part.verbs.allSatisfy(verbs.contains)
        let groupsCovered = apiGroups.contains("*") || part.apiGroups.allSatisfy(apiGroups.contains)
        let resourcesCovered = part.resources.allSatisfy { resource in
            matchesResource(resource, subresource: resource.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
        }
        let urlsCovered = part.nonResourceURLs.allSatisfy(matchesURL)
        let namesCovered = part.resourceNames.isEmpty ? resourceNames.isEmpty
            : resourceNames.isEmpty || part.resourceNames.allSatisfy(resourceNames.contains)
        return verbsCovered && groupsCovered && resourcesCovered && namesCovered && urlsCovered
    }

    /// `CompactRules`: rules of one group and one resource (and at most one name) that differ
    /// only in verbs become one rule with their verbs in order; other rules are kept as they are.
    static func compact(_ rules: [PolicyRule]) -> [PolicyRule] {
        struct Simple: Hashable { var group, resource: String; var name: String? }
        var others: [PolicyRule] = []
        var simple: [Simple: PolicyRule] = [:]
        var order: [Simple] = []
        for rule in rules {
            guard rule.resourceNames.count <= 1, rule.nonResourceURLs.isEmpty, rule.apiGroups.count == 1, rule.resources.count == 1 else {
                others.append(rule)
                continue
            }
            let key = Simple(group: rule.apiGroups[0], resource: rule.resources[0], name: rule.resourceNames.first)
            if simple[key] == nil { order.append(key) }
            simple[key, default: PolicyRule(verbs: [], apiGroups: rule.apiGroups, resources: rule.resources,
                                            resourceNames: rule.resourceNames)].verbs += rule.verbs
        }
        return others + order.compactMap { simple[$0] }
    }

    /// `rbacv1helpers.CompactString`: `{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}`,
    /// empty fields left out.
    var compactString: String {
        func list(_ values: [String]) -> String { "[" + values.map(GoQuote.quote).joined(separator: " ") + "]" }
        var parts: [String] = []
        if !apiGroups.isEmpty { parts.append("APIGroups:" + list(apiGroups)) }
        if !resources.isEmpty { parts.append("Resources:" + list(resources)) }
        if !nonResourceURLs.isEmpty { parts.append("NonResourceURLs:" + list(nonResourceURLs)) }
        if !resourceNames.isEmpty { parts.append("ResourceNames:" + list(resourceNames)) }
        if !verbs.isEmpty { parts.append("Verbs:" + list(verbs)) }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
