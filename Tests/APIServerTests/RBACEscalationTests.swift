import StructuredData
import Testing
@testable import APIServerCore

/// RBAC's escalation prevention: a Role, ClusterRole or binding grants nothing its writer does
/// not hold, unless the writer has `escalate` (roles) or `bind` (the referenced role).
@Suite("RBAC escalation prevention")
struct RBACEscalationTests {
    static let carol = UserInfo(name: "carol", groups: ["devs", UserInfo.authenticatedGroup])
    static let rbac = "/apis/rbac.authorization.k8s.io/v1"
    static let groups = #"(groups=["devs" "system:authenticated"])"#

    /// Namespace team-a; carol may write Roles and RoleBindings there and read ConfigMaps (Role
    /// `rbac-writer`); the ClusterRoles `secret-reader` and `cm-reader` exist.
    static func api() async throws -> KubeAPI {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team-a"]])
        let writer = RBACTests.role("rbac-writer", [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings", "clusterroles"],
             "verbs": ["get", "create", "update", "patch"]],
            ["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]],
        ])
        try await expectCreated(api, "\(rbac)/namespaces/team-a/roles", writer)
        try await expectCreated(api, "\(rbac)/namespaces/team-a/rolebindings",
                                RBACTests.binding("carol-writes", kind: "Role", role: "rbac-writer", subject: ["kind": "User", "name": "carol"]))
        try await expectCreated(api, "\(rbac)/clusterroles", RBACTests.role("secret-reader", [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]]]))
        try await expectCreated(api, "\(rbac)/clusterroles", RBACTests.role("cm-reader", [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["list", "get"]]]))
        return api
    }

    static func expectCreated(_ api: KubeAPI, _ path: String, _ body: JSONValue, user: UserInfo = .admin) async throws {
        let result = await api.call("POST", path, body, user: user)
        #expect(result.code == 201, "\(path): \(result.body)")
    }

    @Test("a Role is refused unless its writer holds every rule, with upstream's compacted, sorted list of what is missing", arguments: [
        (#"[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get"]}]"#, 201, ""),
        (#"[{"apiGroups":[""],"resources":["secrets"],"verbs":["get","list"]}]"#, 403,
         #"{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}"#),
        (#"[{"apiGroups":["apps",""],"resources":["deployments"],"verbs":["get"]},{"nonResourceURLs":["/metrics","/healthz"],"verbs":["get"]},{"apiGroups":[""],"resources":["configmaps"],"verbs":["list","watch"]}]"#, 403,
         #"{APIGroups:[""], Resources:["configmaps"], Verbs:["watch"]}"# + "\n" + #"{APIGroups:[""], Resources:["deployments"], Verbs:["get"]}"#
            + "\n" + #"{APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}"# + "\n" + #"{NonResourceURLs:["/metrics"], Verbs:["get"]}"#),
        (#"[{"apiGroups":[""],"resources":["configmaps"],"resourceNames":["a","b"],"verbs":["get","delete"]}]"#, 403,
         #"{APIGroups:[""], Resources:["configmaps"], ResourceNames:["a"], Verbs:["delete"]}"# + "\n"
            + #"{APIGroups:[""], Resources:["configmaps"], ResourceNames:["b"], Verbs:["delete"]}"#),
    ])
    func roles(rules: String, code: Int, missing: String) async throws {
        let api = try await Self.api()
        let result = await api.call("POST", "\(Self.rbac)/namespaces/team-a/roles",
                                    RBACTests.role("made", try JSONParser.parse(rules)), user: Self.carol)
        #expect(result.code == code, "\(result.body)")
        if code == 403 {
            #expect(result.body["reason"] == "Forbidden")
            #expect(result.body["message"]?.stringValue == #"roles.rbac.authorization.k8s.io "made" is forbidden: user "carol" "#
                + Self.groups + " is attempting to grant RBAC permissions not currently held:\n" + missing)
        }
    }

    @Test("a binding is refused unless its writer holds the role's rules or may bind it")
    func bindings() async throws {
        let api = try await Self.api()
        let path = "\(Self.rbac)/namespaces/team-a/rolebindings"
        let toSecrets = RBACTests.binding("to-secrets", kind: "ClusterRole", role: "secret-reader", subject: ["kind": "User", "name": "dave"])
        let refused = await api.call("POST", path, toSecrets, user: Self.carol)
        #expect(refused.code == 403)
        #expect(refused.body["message"]?.stringValue == #"rolebindings.rbac.authorization.k8s.io "to-secrets" is forbidden: user "carol" "#
            + Self.groups + " is attempting to grant RBAC permissions not currently held:\n" + #"{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}"#)
        // A dry run is judged the same way.
        #expect(await api.call("POST", path, toSecrets, query: ["dryRun": "All"], user: Self.carol).code == 403)

        // Rules she holds herself may be bound.
        try await Self.expectCreated(api, path, RBACTests.binding("to-cms", kind: "ClusterRole", role: "cm-reader", subject: ["kind": "User", "name": "dave"]),
                                     user: Self.carol)

        // `bind` on that one ClusterRole lets her bind it without holding its rules.
        try await Self.expectCreated(api, "\(Self.rbac)/namespaces/team-a/roles", RBACTests.role("may-bind", [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "resourceNames": ["secret-reader"], "verbs": ["bind"]],
        ]))
        try await Self.expectCreated(api, path, RBACTests.binding("carol-binds", kind: "Role", role: "may-bind", subject: ["kind": "User", "name": "carol"]))
        try await Self.expectCreated(api, path, toSecrets, user: Self.carol)

        // A binding to a role that does not exist is 404, as the registry words it.
        let dangling = await api.call("POST", path, RBACTests.binding("dangling", kind: "Role", role: "nope", subject: ["kind": "User", "name": "dave"]),
                                      user: Self.carol)
        #expect(dangling.code == 404)
        #expect(dangling.body["message"]?.stringValue == #"roles.rbac.authorization.k8s.io "nope" not found"#)
    }

    @Test("escalate on roles lifts the check; system:masters never meets it")
    func escalateVerb() async throws {
        let api = try await Self.api()
        let secrets: JSONValue = [["apiGroups": [""], "resources": ["secrets"], "verbs": ["*"]]]
        try await Self.expectCreated(api, "\(Self.rbac)/namespaces/team-a/roles", RBACTests.role("by-admin", secrets))
        try await Self.expectCreated(api, "\(Self.rbac)/clusterroles", RBACTests.role("escalator", [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["escalate"]],
        ]))
        try await Self.expectCreated(api, "\(Self.rbac)/namespaces/team-a/rolebindings",
                                     RBACTests.binding("carol-escalates", kind: "ClusterRole", role: "escalator", subject: ["kind": "User", "name": "carol"]))
        try await Self.expectCreated(api, "\(Self.rbac)/namespaces/team-a/roles", RBACTests.role("by-carol", secrets), user: Self.carol)
    }

    @Test("changing only finalizers or owner references of a role she could not write is allowed; other changes are judged")
    func garbageCollectionFields() async throws {
        let api = try await Self.api()
        try await Self.expectCreated(api, "\(Self.rbac)/namespaces/team-a/roles",
                                     RBACTests.role("powerful", [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]]]))
        let path = "\(Self.rbac)/namespaces/team-a/roles/powerful"
        let finalizer = await api.call("PATCH", path, ["metadata": ["finalizers": ["example.com/keep"]]],
                                       contentType: "application/merge-patch+json", user: Self.carol)
        #expect(finalizer.code == 200, "\(finalizer.body)")
        let label = await api.call("PATCH", path, ["metadata": ["labels": ["a": "b"]]], contentType: "application/merge-patch+json", user: Self.carol)
        #expect(label.code == 403)
        #expect(label.body["message"]?.stringValue?.hasPrefix(#"roles.rbac.authorization.k8s.io "powerful" is forbidden: user "carol""#) == true)
    }

    @Test("an aggregationRule needs full authority, and unresolvable bindings are named in the refusal")
    func aggregationAndResolutionErrors() async throws {
        let api = try await Self.api()
        try await Self.expectCreated(api, "\(Self.rbac)/clusterroles", RBACTests.role("cr-writer", [
            ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["create"]],
        ]))
        try await Self.expectCreated(api, "\(Self.rbac)/clusterrolebindings",
                                     RBACTests.binding("carol-cr", kind: "ClusterRole", role: "cr-writer", subject: ["kind": "User", "name": "carol"]))
        var aggregated = RBACTests.role("gathers", [])
        aggregated.set(["aggregationRule"], ["clusterRoleSelectors": [["matchLabels": ["x": "y"]]]])
        let refused = await api.call("POST", "\(Self.rbac)/clusterroles", aggregated, user: Self.carol)
        #expect(refused.code == 403)
        #expect(refused.body["message"]?.stringValue
            == #"clusterroles.rbac.authorization.k8s.io "gathers" is forbidden: must have cluster-admin privileges to use the aggregationRule"#)

        try await Self.expectCreated(api, "\(Self.rbac)/clusterrolebindings",
                                     RBACTests.binding("carol-ghost", kind: "ClusterRole", role: "ghost", subject: ["kind": "User", "name": "carol"]))
        let secrets = await api.call("POST", "\(Self.rbac)/clusterroles",
                                     RBACTests.role("sneaky", [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]]]), user: Self.carol)
        #expect(secrets.code == 403)
        #expect(secrets.body["message"]?.stringValue == #"clusterroles.rbac.authorization.k8s.io "sneaky" is forbidden: user "carol" "#
            + Self.groups + " is attempting to grant RBAC permissions not currently held:\n" + #"{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}"#
            + #"; resolution errors: [clusterroles.rbac.authorization.k8s.io "ghost" not found]"#)
    }

    @Test("coverage follows upstream: wildcards, */subresource, URL prefixes and resource names", arguments: [
        (#"{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}"#, #"{"apiGroups":["apps"],"resources":["deployments/scale"],"verbs":["patch"]}"#, true),
        (#"{"apiGroups":["apps"],"resources":["*/scale"],"verbs":["patch"]}"#, #"{"apiGroups":["apps"],"resources":["deployments/scale"],"verbs":["patch"]}"#, true),
        (#"{"apiGroups":["apps"],"resources":["*/scale"],"verbs":["patch"]}"#, #"{"apiGroups":["apps"],"resources":["deployments"],"verbs":["patch"]}"#, false),
        (#"{"nonResourceURLs":["/logs/*"],"verbs":["get"]}"#, #"{"nonResourceURLs":["/logs/a/b"],"verbs":["get"]}"#, true),
        (#"{"nonResourceURLs":["/logs/*"],"verbs":["get"]}"#, #"{"nonResourceURLs":["/healthz"],"verbs":["get"]}"#, false),
        (#"{"apiGroups":[""],"resources":["secrets"],"resourceNames":["a"],"verbs":["get"]}"#, #"{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}"#, false),
        (#"{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}"#, #"{"apiGroups":[""],"resources":["secrets"],"resourceNames":["a"],"verbs":["get"]}"#, true),
    ])
    func covers(owned: String, wanted: String, covered: Bool) throws {
        let owner = PolicyRule(json: try JSONParser.parse(owned))
        let rule = PolicyRule(json: try JSONParser.parse(wanted))
        #expect(PolicyRule.uncovered([rule], by: [owner]).isEmpty == covered)
    }
}
