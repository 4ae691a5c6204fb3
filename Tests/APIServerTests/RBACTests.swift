import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// RBAC and impersonation, evaluated by `KubeAPI` for every front.
@Suite("RBAC and impersonation")
struct RBACTests {
    static let alice = UserInfo(name: "alice", groups: ["devs", UserInfo.authenticatedGroup])
    static let saUser = UserInfo(name: "system:serviceaccount:team-a:bot",
                                 groups: ["system:serviceaccounts", "system:serviceaccounts:team-a", UserInfo.authenticatedGroup])

    /// An API with namespaces team-a/team-b and these grants:
    /// - alice: Role `cm-reader` (get/list configmaps) in team-a, plus `get` on the configmap
    ///   `only-this` in team-b (resourceNames), via a RoleBinding to her group `devs`;
    /// - the ServiceAccount team-a/bot: ClusterRole `edit` in team-a (aggregated rules);
    /// - alice may impersonate the user `bob` only.
    static func api() async throws -> KubeAPI {
        let api = try await KubeAPI.inMemory()
        for ns in ["team-a", "team-b"] {
            _ = await api.call("POST", "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]])
        }
        let rbac = "/apis/rbac.authorization.k8s.io/v1"
        _ = await api.call("POST", "\(rbac)/namespaces/team-a/roles", role("cm-reader", [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]]]))
        _ = await api.call("POST", "\(rbac)/namespaces/team-b/roles", role("one-cm", [["apiGroups": [""], "resources": ["configmaps"], "resourceNames": ["only-this"], "verbs": ["get"]]]))
        _ = await api.call("POST", "\(rbac)/namespaces/team-a/rolebindings", binding("readers", kind: "Role", role: "cm-reader", subject: ["kind": "Group", "name": "devs"]))
        _ = await api.call("POST", "\(rbac)/namespaces/team-b/rolebindings", binding("one", kind: "Role", role: "one-cm", subject: ["kind": "User", "name": "alice"]))
        _ = await api.call("POST", "\(rbac)/namespaces/team-a/rolebindings", binding("bot-edit", kind: "ClusterRole", role: "edit", subject: ["kind": "ServiceAccount", "name": "bot"]))
        _ = await api.call("POST", "\(rbac)/clusterroles", role("impersonate-bob", [["apiGroups": [""], "resources": ["users"], "resourceNames": ["bob"], "verbs": ["impersonate"]]]))
        _ = await api.call("POST", "\(rbac)/clusterrolebindings", binding("alice-as-bob", kind: "ClusterRole", role: "impersonate-bob", subject: ["kind": "User", "name": "alice"]))
        return api
    }

    static func role(_ name: String, _ rules: JSONValue) -> JSONValue {
        ["metadata": ["name": .string(name)], "rules": rules]
    }

    static func binding(_ name: String, kind: String, role: String, subject: JSONValue) -> JSONValue {
        var subject = subject
        if subject["kind"] != "ServiceAccount" { subject.set(["apiGroup"], "rbac.authorization.k8s.io") }
        return ["metadata": ["name": .string(name)],
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(role)],
                "subjects": [subject]]
    }

    @Test("requests are allowed or denied per verb, resource, name and namespace", arguments: [
        ("alice", "GET", "/api/v1/namespaces/team-a/configmaps", 200, ""),
        ("alice", "GET", "/api/v1/namespaces/team-a/configmaps/x", 404, ""),
        ("alice", "POST", "/api/v1/namespaces/team-a/configmaps", 403,
         #"configmaps is forbidden: User "alice" cannot create resource "configmaps" in API group "" in the namespace "team-a""#),
        ("alice", "GET", "/api/v1/namespaces/team-a/secrets", 403,
         #"secrets is forbidden: User "alice" cannot list resource "secrets" in API group "" in the namespace "team-a""#),
        ("alice", "GET", "/api/v1/namespaces/team-b/configmaps/only-this", 404, ""),
        ("alice", "GET", "/api/v1/namespaces/team-b/configmaps/other", 403,
         #"configmaps "other" is forbidden: User "alice" cannot get resource "configmaps" in API group "" in the namespace "team-b""#),
        ("alice", "GET", "/api/v1/namespaces", 403,
         #"namespaces is forbidden: User "alice" cannot list resource "namespaces" in API group "" at the cluster scope"#),
        ("alice", "GET", "/api", 200, ""),
        ("alice", "GET", "/metrics", 403, #"forbidden: User "alice" cannot get path "/metrics""#),
        ("bot", "POST", "/api/v1/namespaces/team-a/configmaps", 422, ""),
        ("bot", "GET", "/api/v1/namespaces/team-a/secrets", 200, ""),
        ("bot", "DELETE", "/apis/apps/v1/namespaces/team-a/deployments", 200, ""),
        ("bot", "GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/roles", 403,
         #"roles.rbac.authorization.k8s.io is forbidden: User "system:serviceaccount:team-a:bot" cannot list resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "team-a""#),
        ("bot", "GET", "/api/v1/namespaces/team-b/configmaps", 403,
         #"configmaps is forbidden: User "system:serviceaccount:team-a:bot" cannot list resource "configmaps" in API group "" in the namespace "team-b""#),
    ])
    func decisions(who: String, method: String, path: String, code: Int, message: String) async throws {
        let api = try await Self.api()
        let user = who == "alice" ? Self.alice : Self.saUser
        let result = await api.call(method, path, method == "POST" ? .object([:]) : nil, user: user)
        #expect(result.code == code)
        if code == 403 {
            #expect(result.body["reason"] == "Forbidden")
            #expect(result.body["message"]?.stringValue == message)
        }
    }

    @Test("the aggregated ClusterRoles admin, edit and view carry the rules of the roles labelled for them")
    func aggregation() async throws {
        let api = try await KubeAPI.inMemory()
        let view = await api.call("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/view")
        let edit = await api.call("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/edit")
        let admin = await api.call("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")
        let counts = [view, edit, admin].map { $0.body["rules"]?.arrayValue?.count ?? 0 }
        #expect(counts[0] > 0 && counts[1] > counts[0] && counts[2] > counts[1])
        // A new role labelled for `view` flows into view, edit and admin.
        _ = await api.call("POST", "/apis/rbac.authorization.k8s.io/v1/clusterroles", [
            "metadata": ["name": "widgets-view", "labels": ["rbac.authorization.k8s.io/aggregate-to-view": "true"]],
            "rules": [["apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["get"]]],
        ])
        for name in ["view", "edit", "admin"] {
            let role = await api.call("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/\(name)")
            #expect(role.body["rules"]?.arrayValue?.contains { $0["resources"] == ["widgets"] } == true, "\(name)")
        }
    }

    @Test("impersonation is authorized with the impersonate verb and then acts as the impersonated user", arguments: [
        ("bob", [], 403,
         #"configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "team-a""#),
        ("carol", [], 403,
         #"users "carol" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope"#),
        ("bob", ["admins"], 403,
         #"groups "admins" is forbidden: User "alice" cannot impersonate resource "groups" in API group "" at the cluster scope"#),
        ("system:serviceaccount:team-a:bot", [], 403,
         #"serviceaccounts "bot" is forbidden: User "alice" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team-a""#),
    ] as [(String, [String], Int, String)])
    func impersonationByAlice(target: String, groups: [String], code: Int, message: String) async throws {
        let api = try await Self.api()
        let headers = [APIRequest.Header("Impersonate-User", target)] + groups.map { APIRequest.Header("Impersonate-Group", $0) }
        let result = await api.call("GET", "/api/v1/namespaces/team-a/configmaps", user: Self.alice, headers: headers)
        #expect(result.code == code)
        #expect(result.body["message"]?.stringValue == message)
    }

    @Test("the admin may impersonate anyone; the impersonated ServiceAccount gets its groups")
    func adminImpersonates() async throws {
        let api = try await Self.api()
        let headers = [APIRequest.Header("Impersonate-User", "system:serviceaccount:team-a:bot")]
        #expect(await api.call("GET", "/api/v1/namespaces/team-a/secrets", headers: headers).code == 200)
        #expect(await api.call("GET", "/api/v1/namespaces/team-b/secrets", headers: headers).code == 403)
        let review = await api.call("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                    ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"], headers: headers)
        #expect(review.code == 201)
        #expect(review.body["status"]?["userInfo"] == [
            "username": "system:serviceaccount:team-a:bot",
            "groups": ["system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"],
        ])
    }

    @Test("groups without a user are refused with upstream's 500 text")
    func groupsWithoutUser() async throws {
        let api = try await Self.api()
        let response = await api.handle(APIRequest(method: "GET", path: "/api/v1/namespaces", headers: [.init("Impersonate-Group", "devs")]))
        guard case .raw(500, _, let body) = response else {
            Issue.record("expected a 500 text answer, got \(response.code)")
            return
        }
        #expect(String(decoding: body, as: UTF8.self)
                == "Internal Server Error: \"/api/v1/namespaces\": requested [{Group  devs    }] without impersonating a user\n")
    }

    @Test("access reviews answer can-i questions for oneself and for others")
    func accessReviews() async throws {
        let api = try await Self.api()
        func ssar(_ verb: String, _ resource: String, _ ns: String, user: UserInfo) async -> JSONValue? {
            await api.call("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", [
                "spec": ["resourceAttributes": ["verb": .string(verb), "resource": .string(resource), "namespace": .string(ns)]],
            ], user: user).body["status"]?["allowed"]
        }
        #expect(await ssar("list", "configmaps", "team-a", user: Self.alice) == true)
        #expect(await ssar("create", "configmaps", "team-a", user: Self.alice) == false)
        #expect(await ssar("delete", "pods", "team-a", user: Self.saUser) == true)
        let sar = await api.call("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", [
            "spec": ["user": "system:serviceaccount:team-a:bot", "groups": ["system:serviceaccounts"],
                     "resourceAttributes": ["verb": "get", "resource": "secrets", "namespace": "team-b"]],
        ])
        #expect(sar.code == 201 && sar.body["status"]?["allowed"] == false)
        let rules = await api.call("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                                   ["spec": ["namespace": "team-a"]], user: Self.alice)
        let resourceRules = rules.body["status"]?["resourceRules"]?.arrayValue ?? []
        #expect(resourceRules.contains { $0["resources"] == ["configmaps"] && $0["verbs"] == ["get", "list"] })
        #expect(resourceRules.contains { $0["resources"] == ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] })
    }

    @Test("a ServiceAccount token from the TokenRequest API authenticates as that ServiceAccount until it is deleted")
    func tokens() async throws {
        let api = try await Self.api()
        let token = await api.call("POST", "/api/v1/namespaces/team-a/serviceaccounts/default/token",
                                   ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": [:]])
        #expect(token.code == 201)
        let text = token.body["status"]?["token"]?.stringValue ?? ""
        let user = await api.authenticate(serviceAccountToken: text)
        #expect(user?.name == "system:serviceaccount:team-a:default")
        #expect(user?.groups == ["system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"])
        #expect(await api.authenticate(serviceAccountToken: text + "x") == nil)
        #expect(await api.authenticate(serviceAccountToken: text, now: Date().addingTimeInterval(7200)) == nil)
        let short = await api.call("POST", "/api/v1/namespaces/team-a/serviceaccounts/default/token",
                                   ["spec": ["expirationSeconds": 60]])
        #expect(short.code == 422)
        #expect(short.body["message"] == #"TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes"#)
        _ = await api.call("DELETE", "/api/v1/namespaces/team-a/serviceaccounts/default")
        #expect(await api.authenticate(serviceAccountToken: text) == nil)
    }

    @Test("a binding or role written after a decision changes the next decision (the rule cache is invalidated)")
    func cacheInvalidation() async throws {
        let api = try await Self.api()
        let rbac = "/apis/rbac.authorization.k8s.io/v1"
        let path = "/api/v1/namespaces/team-b/secrets"
        #expect(await api.call("GET", path, user: Self.alice).code == 403)
        _ = await api.call("POST", "\(rbac)/namespaces/team-b/roles", Self.role("secret-reader", [["apiGroups": [""], "resources": ["secrets"], "verbs": ["list"]]]))
        #expect(await api.call("GET", path, user: Self.alice).code == 403)
        _ = await api.call("POST", "\(rbac)/namespaces/team-b/rolebindings",
                           Self.binding("secrets", kind: "Role", role: "secret-reader", subject: ["kind": "User", "name": "alice"]))
        #expect(await api.call("GET", path, user: Self.alice).code == 200)
        _ = await api.call("PUT", "\(rbac)/namespaces/team-b/roles/secret-reader",
                           Self.role("secret-reader", [["apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]]]))
        #expect(await api.call("GET", path, user: Self.alice).code == 403)
        #expect(await api.call("GET", path, user: Self.saUser).code == 403)
    }
}
