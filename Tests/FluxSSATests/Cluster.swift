import FluxSSA
import Foundation
import KStatus
import KubeClient
import KubeModel
import StructuredData
import SwiftFluxTesting

/// An embedded API server with a client and a kustomize-controller `ResourceManager` on it.
struct Cluster {
    let server: TestAPIServer
    let client: KubeClient
    let manager: ResourceManager

    /// Runs `body` against a fresh in-memory server, then stops it.
    static func run(_ body: (Cluster) async throws -> Void) async throws {
        let server = try await TestAPIServer.start()
        var config = try KubeConfig.load(paths: [server.kubeconfigPath], requireAll: true).clientConfig(namespace: "default")
        config.qps = 50
        config.burst = 300
        let client = KubeClient(config: config, transport: try HTTPTransport(config: config))
        let manager = ResourceManager(client: client, owner: Owner(field: "kustomize-controller", group: FluxMetadata.kustomizeGroup),
                                      concurrency: 4, statusFunction: { o throws(KStatusError) in try StatusResult.kustomizeController(o) })
        let cluster = Cluster(server: server, client: client, manager: manager)
        do {
            try await body(cluster)
        } catch {
            await client.shutdown()
            await server.stop()
            throw error
        }
        await client.shutdown()
        await server.stop()
    }

    /// Fast waits for tests.
    static let quickWait = WaitOptions(interval: .milliseconds(50), timeout: .seconds(10))

    /// kustomize-controller's apply options with fast stage waits.
    static func applyOptions(force: Bool = false) -> ApplyOptions {
        var options = ApplyOptions.kustomizeController(force: force, timeout: .seconds(10))
        options.waitInterval = .milliseconds(50)
        return options
    }

    /// Objects from YAML text.
    static func objects(_ yaml: String) throws -> [KubeObject] {
        try KubeObject.readObjects(yaml)
    }

    /// The live object, or nil.
    func get(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String = "") async throws -> KubeObject? {
        let r = try await client.resource(for: GroupVersionKind(apiVersion: apiVersion, kind: kind))
        do { return try await client.get(r, namespace: namespace.isEmpty ? nil : namespace, name: name) } catch where error.isNotFound {
            return nil
        }
    }

    /// A merge patch as another field manager (what `kubectl edit/scale/label` does).
    func edit(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String, manager: String = "kubectl-edit",
              _ patch: JSONValue) async throws {
        let r = try await client.resource(for: GroupVersionKind(apiVersion: apiVersion, kind: kind))
        _ = try await client.patch(r, namespace: namespace, name: name, type: .merge, body: patch,
                                   options: WriteOptions(fieldManager: manager))
    }
}

/// Manifests shared by the tests.
enum Manifests {
    static let app = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: podinfo, namespace: apps, labels: {app: podinfo}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: podinfo}}
          template:
            metadata: {labels: {app: podinfo}}
            spec:
              containers:
                - name: podinfo
                  image: ghcr.io/stefanprodan/podinfo:6.5.0
                  ports: [{containerPort: 9898, name: http}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: podinfo, namespace: apps}
        spec:
          selector: {app: podinfo}
          ports: [{name: http, port: 9898}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: apps}
        data: {mode: fast}
        """

    static func crd(_ plural: String, kind: String, scope: String = "Namespaced") -> String {
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: \(plural).example.com}
        spec:
          group: example.com
          scope: \(scope)
          names: {plural: \(plural), singular: \(kind.lowercased()), kind: \(kind), listKind: \(kind)List}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
        """
    }
}
