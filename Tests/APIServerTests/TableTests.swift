import Foundation
import StructuredData
import Testing
@testable import APIServerCore

/// `Accept: application/json;as=Table;…`: the columns and cells `kubectl get` prints.
@Suite("Table output")
struct TableTests {
    static let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    static func table(_ api: KubeAPI, _ path: String, accept: String = accept) async -> JSONValue {
        guard case .json(200, let body) = await api.handle(APIRequest(method: "GET", path: path, accept: accept)) else { return .null }
        return body
    }

    static func columns(_ table: JSONValue, wide: Bool = false) -> [String] {
        (table["columnDefinitions"]?.arrayValue ?? []).filter { wide || $0["priority"] == 0 }.compactMap { $0["name"]?.stringValue }
    }

    @Test("built-in kinds carry kubectl's columns", arguments: [
        ("/apis/apps/v1/namespaces/default/deployments", ["Name", "Ready", "Up-to-date", "Available", "Age"],
         ["Containers", "Images", "Selector"]),
        ("/api/v1/namespaces/default/pods", ["Name", "Ready", "Status", "Restarts", "Age"],
         ["IP", "Node", "Nominated Node", "Readiness Gates"]),
        ("/api/v1/namespaces/default/services", ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"], ["Selector"]),
        ("/apis/batch/v1/namespaces/default/jobs", ["Name", "Completions", "Duration", "Age"], ["Containers", "Images", "Selector"]),
        ("/api/v1/namespaces/default/events", ["Last Seen", "Type", "Reason", "Object", "Message"],
         ["Subobject", "Source", "First Seen", "Count", "Name"]),
        ("/api/v1/namespaces/default/configmaps", ["Name", "Data", "Age"], []),
        ("/api/v1/namespaces", ["Name", "Status", "Age"], []),
        ("/apis/rbac.authorization.k8s.io/v1/clusterroles", ["Name", "Created At"], []),
    ])
    func builtinColumns(path: String, columns: [String], wide: [String]) async throws {
        let api = try await KubeAPI.inMemory()
        let table = await Self.table(api, path)
        #expect(table["kind"] == "Table" && table["apiVersion"] == "meta.k8s.io/v1")
        #expect(Self.columns(table) == columns)
        let all = Self.columns(table, wide: true)
        #expect(all.filter { !columns.contains($0) } == wide)
    }

    @Test("a simulated Deployment, its Pod-less ReplicaSet and the kubernetes Service print like a cluster's")
    func cells() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", DefaultingTests.deployment)
        #expect(await eventually { await api.call("GET", "/apis/apps/v1/namespaces/default/deployments/web").body["status"]?["availableReplicas"] == 1 })
        let deployments = await Self.table(api, "/apis/apps/v1/namespaces/default/deployments")
        let row = deployments["rows"]?[0]?["cells"]?.arrayValue ?? []
        #expect(Array(row.prefix(4)) == ["web", "1/1", 1, 1])
        #expect(Array(row.suffix(3)) == ["app", "nginx", "app=web"])
        #expect(deployments["rows"]?[0]?["object"]?["kind"] == "PartialObjectMetadata")
        let services = await Self.table(api, "/api/v1/namespaces/default/services/kubernetes")
        let cells = services["rows"]?[0]?["cells"]?.arrayValue ?? []
        #expect(Array(cells.prefix(5)) == ["kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP"])
    }

    @Test("a custom resource prints its CRD's additionalPrinterColumns")
    func customResource() async throws {
        let api = try await KubeAPI.inMemory()
        let crd = try YAML.parse(fixture("gizmos-crd.yaml"))
        #expect(await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code == 201)
        _ = await api.call("POST", "/apis/example.com/v1/namespaces/default/gizmos",
                           ["apiVersion": "example.com/v1", "kind": "Gizmo", "metadata": ["name": "g"], "spec": ["size": 3]])
        _ = await api.call("PATCH", "/apis/example.com/v1/namespaces/default/gizmos/g/status",
                           ["status": ["conditions": [["type": "Ready", "status": "True", "message": "all good"]]]],
                           contentType: "application/merge-patch+json")
        let table = await Self.table(api, "/apis/example.com/v1/namespaces/default/gizmos",
                                     accept: "application/json;as=Table;v=v1beta1;g=meta.k8s.io")
        #expect(table["apiVersion"] == "meta.k8s.io/v1beta1")
        #expect(Self.columns(table) == ["Name", "Size", "Ready", "Age"])
        #expect(Self.columns(table, wide: true) == ["Name", "Size", "Ready", "Message", "Age"])
        let cells = table["rows"]?[0]?["cells"]?.arrayValue ?? []
        #expect(Array(cells.prefix(4)) == ["g", 3, "True", "all good"])
        #expect(cells.last?.stringValue?.hasSuffix("s") == true)
    }
}
