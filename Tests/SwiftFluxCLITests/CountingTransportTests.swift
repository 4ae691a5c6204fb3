import KubeClient
import Testing
@testable import SwiftFluxCLI

@Suite("bench request counting")
struct CountingTransportTests {
    @Test("requests are counted by verb and resource", arguments: [
        (KubeRequest(method: "GET", path: "/api/v1/namespaces/ns/secrets"), "LIST secrets"),
        (KubeRequest(method: "GET", path: "/api/v1/namespaces/ns/secrets", query: [.init("watch", "true")]), "WATCH secrets"),
        (KubeRequest(method: "GET", path: "/apis/apps/v1/namespaces/ns/deployments/web"), "GET deployments"),
        (KubeRequest(method: "PATCH", path: "/apis/helm.toolkit.fluxcd.io/v2beta2/namespaces/ns/helmreleases/x/status"), "PATCH helmreleases/status"),
        (KubeRequest(method: "GET", path: "/api/v1/namespaces"), "LIST namespaces"),
        (KubeRequest(method: "GET", path: "/api/v1/namespaces/ns"), "GET namespaces"),
        (KubeRequest(method: "POST", path: "/apis/rbac.authorization.k8s.io/v1/clusterroles"), "POST clusterroles"),
        (KubeRequest(method: "GET", path: "/version"), "GET /version"),
    ])
    func keys(request: KubeRequest, key: String) {
        #expect(CountingTransport.key(request) == key)
    }

    @Test("a wave's total and breakdown are the differences between two snapshots")
    func differences() {
        let before = ["GET a": 2, "LIST b": 1]
        let after = ["GET a": 5, "LIST b": 1, "POST c": 4]
        #expect(CountingTransport.total(after, minus: before) == 7)
        #expect(CountingTransport.breakdown(after, minus: before) == "          4  POST c\n          3  GET a")
    }
}
