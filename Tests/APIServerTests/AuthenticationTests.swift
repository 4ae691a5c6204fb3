import Foundation
import Testing
import APIServer
import KubeClient
import KubeModel
import StructuredData
import SwiftFluxTesting

/// Who a bearer token is over HTTPS: the admin, a named user from the kubeconfig, a ServiceAccount
/// token from the TokenRequest API, or nobody (401).
@Suite("Authentication over HTTPS")
struct AuthenticationTests {
    static func client(_ server: TestAPIServer, context: String? = nil, token: String? = nil) throws -> (KubeClient, HTTPTransport) {
        var config = try KubeConfig.load(paths: [server.kubeconfigPath], requireAll: true).clientConfig(context: context, namespace: "default")
        if let token { config.bearerToken = token }
        let transport = try HTTPTransport(config: config)
        return (KubeClient(config: config, transport: transport), transport)
    }

    static func whoami(_ client: KubeClient) async throws -> String? {
        let review = try await client.send(KubeRequest(
            method: "POST", path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
            headers: [.init("Content-Type", "application/json")],
            body: Array(#"{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}"#.utf8)))
        return review["status"]?["userInfo"]?["username"]?.stringValue
    }

    @Test("the admin token, a named user's context and a ServiceAccount token each authenticate as their user")
    func identities() async throws {
        let server = try await TestAPIServer.start { $0.users = [StaticUser(name: "alice", groups: ["devs"])] }
        defer { Task { await server.stop() } }
        let (admin, adminTransport) = try Self.client(server)
        defer { Task { try? await adminTransport.shutdown() } }
        #expect(try await Self.whoami(admin) == "swiftflux-admin")

        let (alice, aliceTransport) = try Self.client(server, context: "alice@swiftflux")
        defer { Task { try? await aliceTransport.shutdown() } }
        #expect(try await Self.whoami(alice) == "alice")
        await #expect { _ = try await alice.list(ConfigMap.self) } throws: {
            ($0 as? KubeClientError)?.status?.message
                == #"configmaps is forbidden: User "alice" cannot list resource "configmaps" in API group "" in the namespace "default""#
        }

        let token = try await admin.send(KubeRequest(
            method: "POST", path: "/api/v1/namespaces/default/serviceaccounts/default/token",
            headers: [.init("Content-Type", "application/json")],
            body: Array(#"{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}"#.utf8)))
        let saToken = token["status"]?["token"]?.stringValue ?? ""
        let (sa, saTransport) = try Self.client(server, token: saToken)
        defer { Task { try? await saTransport.shutdown() } }
        #expect(try await Self.whoami(sa) == "system:serviceaccount:default:default")

        let (nobody, nobodyTransport) = try Self.client(server, token: "not-a-token")
        defer { Task { try? await nobodyTransport.shutdown() } }
        await #expect { _ = try await nobody.list(ConfigMap.self) } throws: { ($0 as? KubeClientError)?.status?.code == 401 }
    }
}
