import StructuredData

extension KubeAPI {
    /// The `kubernetes` Service's cluster IP (the first address of the service range).
    static let kubernetesServiceIP = "10.96.0.1"

    /// Objects a real cluster's control plane keeps: the `default` ServiceAccount of every
    /// namespace (the serviceaccounts controller) and the `kubernetes` Service in `default`.
    /// Missing ones are created; existing ones are left alone.
    func ensureClusterObjects() async throws {
        let namespaces = await store.list(Self.namespaceType.resource, namespace: nil).objects
        for namespace in namespaces { await ensureDefaultServiceAccount(namespace.value) }
        guard let serviceType = registry.lookup(group: "", version: "v1", plural: "services") else { return }
        let key = ObjectKey(resource: serviceType.resource, namespace: "default", name: "kubernetes")
        if await store.get(key) == nil {
            _ = try await FieldManagerContext.$current.withValue(FieldManagerContext(manager: "kube-apiserver")) {
                try await create(serviceType, namespace: "default", body: [
                    "apiVersion": "v1", "kind": "Service",
                    "metadata": ["name": "kubernetes", "labels": ["component": "apiserver", "provider": "kubernetes"]],
                    "spec": [
                        "type": "ClusterIP", "clusterIP": .string(Self.kubernetesServiceIP),
                        "clusterIPs": [.string(Self.kubernetesServiceIP)], "sessionAffinity": "None",
                        "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]],
                    ],
                ], dryRun: false)
            }
        }
    }

    /// Creates the `default` ServiceAccount of an active namespace when it has none.
    func ensureDefaultServiceAccount(_ namespace: JSONValue) async {
        guard namespace["metadata"]?["deletionTimestamp"] == nil,
              let saType = registry.lookup(group: "", version: "v1", plural: "serviceaccounts") else { return }
        let name = namespace.metadataString("name")
        let key = ObjectKey(resource: saType.resource, namespace: name, name: "default")
        guard await store.get(key) == nil else { return }
        await FieldManagerContext.$current.withValue(FieldManagerContext(manager: "kube-controller-manager")) {
            do {
                _ = try await create(saType, namespace: name, body: [
                    "apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "default"],
                ], dryRun: false)
            } catch let error as APIServerError where error.code == 409 || error.code == 403 || error.code == 404 {
                // Created concurrently, or the namespace is going away.
            } catch {
                health.fail("serviceaccounts", "cannot create the default ServiceAccount in \(name): \(error)")
            }
        }
    }
}
