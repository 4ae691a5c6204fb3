import GoCompat
import StructuredData

/// The outcome of an authorization check: allowed, or denied with upstream's reason text
/// (empty, or `RBAC: <errors>` when bindings point at missing roles).
public struct AuthorizationDecision: Sendable, Equatable {
    public var allowed: Bool
    public var reason: String

    public static let allow = AuthorizationDecision(allowed: true, reason: "")
}

/// RBAC over the objects in the store, evaluated per request like kube-apiserver's RBAC
/// authorizer: `system:masters` is allowed everything; otherwise every ClusterRoleBinding whose
/// subjects include the user grants its ClusterRole's rules everywhere, and every RoleBinding in
/// the request's namespace grants its Role's (or ClusterRole's) rules in that namespace.
struct RBACAuthorizer: Sendable {
    let store: ObjectStore
    /// Each user's and namespace's rules, valid while no RBAC object has been written since.
    let cache = RuleCache()

    static let resources = [clusterRoles, roles, clusterRoleBindings, roleBindings]

    static let group = "rbac.authorization.k8s.io"
    static let clusterRoles = QualifiedResource(group: group, resource: "clusterroles")
    static let roles = QualifiedResource(group: group, resource: "roles")
    static let clusterRoleBindings = QualifiedResource(group: group, resource: "clusterrolebindings")
    static let roleBindings = QualifiedResource(group: group, resource: "rolebindings")

    /// Decides one request.
    func authorize(_ attributes: RequestAttributes) async -> AuthorizationDecision {
        if attributes.user.isMaster { return .allow }
        let (rules, errors) = await rules(for: attributes.user, namespace: attributes.namespace) { rule in
            rule.allows(attributes)
        }
        if !rules.isEmpty { return .allow }
        return AuthorizationDecision(allowed: false, reason: errors.isEmpty ? "" : "RBAC: " + Self.aggregate(errors))
    }

    /// The rules that apply to `user` in `namespace` ("" = cluster-wide bindings only) — with
    /// `stop`, only the first rule it accepts (and no errors then) — and the errors met (bindings
    /// to missing roles), formatted as upstream. Cached per user and namespace until the next
    /// write to an RBAC object.
    func rules(for user: UserInfo, namespace: String,
               stop: ((PolicyRule) -> Bool)? = nil) async -> (rules: [PolicyRule], errors: [String]) {
        let revision = await store.lastWrite(Self.resources)
        let key = RuleCache.Key(user: user.name, groups: user.groups, namespace: namespace)
        let all: RuleCache.Entry
        if let hit = cache.get(key, revision: revision) {
            all = hit
        } else {
            let (rules, errors) = await collectRules(for: user, namespace: namespace)
            all = RuleCache.Entry(revision: revision, rules: rules, errors: errors)
            cache.put(key, all)
        }
        guard let stop else { return (all.rules, all.errors) }
        if let hit = all.rules.first(where: stop) { return ([hit], []) }
        return ([], all.errors)
    }

    /// Every rule that applies to `user` in `namespace`, read from the store, and the errors met.
    private func collectRules(for user: UserInfo, namespace: String) async -> (rules: [PolicyRule], errors: [String]) {
        var collected: [PolicyRule] = []
        var errors: [String] = []
        let clusterBindings = await store.list(Self.clusterRoleBindings, namespace: nil).objects
        for binding in clusterBindings where Self.applies(binding.value, to: user, bindingNamespace: "") {
            switch await roleRules(binding.value["roleRef"] ?? .null, namespace: "") {
            case .success(let rules):
                collected += rules
            case .failure(let message):
                errors.append(message)
            }
        }
        if !namespace.isEmpty {
            let bindings = await store.list(Self.roleBindings, namespace: namespace).objects
            for binding in bindings where Self.applies(binding.value, to: user, bindingNamespace: namespace) {
                switch await roleRules(binding.value["roleRef"] ?? .null, namespace: namespace) {
                case .success(let rules):
                    collected += rules
                case .failure(let message):
                    errors.append(message)
                }
            }
        }
        return (collected, errors)
    }

    enum RoleLookup {
        case success([PolicyRule])
        case failure(String)
    }

    /// The rules of a binding's `roleRef` (`Role` in the binding's namespace, or `ClusterRole`).
    func roleRules(_ roleRef: JSONValue, namespace: String) async -> RoleLookup {
        let kind = roleRef["kind"]?.stringValue ?? ""
        let name = roleRef["name"]?.stringValue ?? ""
        let key: ObjectKey
        switch kind {
        case "Role" where !namespace.isEmpty:
            key = ObjectKey(resource: Self.roles, namespace: namespace, name: name)
        case "ClusterRole":
            key = ObjectKey(resource: Self.clusterRoles, namespace: "", name: name)
        default:
            return .failure("unsupported role reference kind: \(GoQuote.quote(kind))")
        }
        guard let role = await store.get(key) else {
            return .failure("\(key.resource.resource.dropLast()).\(Self.group) \(GoQuote.quote(name)) not found")
        }
        return .success((role.value["rules"]?.arrayValue ?? []).map(PolicyRule.init(json:)))
    }

    /// True when one of the binding's subjects is the user or one of its groups.
    static func applies(_ binding: JSONValue, to user: UserInfo, bindingNamespace: String) -> Bool {
        for subject in binding["subjects"]?.arrayValue ?? [] {
            let name = subject["name"]?.stringValue ?? ""
            switch subject["kind"]?.stringValue {
            case "User":
                if name == user.name { return true }
            case "Group":
                if user.groups.contains(name) { return true }
            case "ServiceAccount":
                var namespace = bindingNamespace
                if let ns = subject["namespace"]?.stringValue, !ns.isEmpty { namespace = ns }
                if !namespace.isEmpty && user.name == ServiceAccountName.username(namespace: namespace, name: name) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// `utilerrors.NewAggregate(...).Error()`: one message alone, several as `[a, b]`.
    static func aggregate(_ messages: [String]) -> String {
        messages.count == 1 ? messages[0] : "[" + messages.joined(separator: ", ") + "]"
    }
}
