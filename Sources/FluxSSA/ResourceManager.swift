import KStatus
import KubeClient
import KubeModel
import StructuredData

/// The field manager name and the owner-label prefix of a controller (`ssa.Owner`).
public struct Owner: Sendable, Equatable {
    /// Field manager for server-side apply, e.g. `kustomize-controller`.
    public var field: String
    /// Owner label prefix, e.g. `kustomize.toolkit.fluxcd.io`.
    public var group: String

    public init(field: String, group: String) {
        self.field = field
        self.group = group
    }
}

/// Reconciles objects onto a cluster with server-side apply, as fluxcd/pkg/ssa v0.36 does:
/// dry-run first, apply only what drifted, Flux's change set, prune with exclusions, kstatus
/// health waits, and drift diffs for helm-controller.
///
/// A value type: copies share the client. Objects are `KubeObject`s with `apiVersion`, `kind`,
/// `metadata.name` and (for namespaced kinds) `metadata.namespace`; unlike `KubeClient`, a missing
/// namespace is never filled in from the kubeconfig (controller-runtime does not either).
public struct ResourceManager: Sendable {
    public let client: KubeClient
    public var owner: Owner
    /// How many dry-run applies run at once in `applyAll` (`--concurrent-ssa`, at least 1).
    public var concurrency: Int
    /// How `wait`/`waitForSet` compute health. Default: plain kstatus; kustomize-controller uses
    /// `StatusResult.kustomizeController` (Jobs healthy only when complete).
    public var statusFunction: StatusFunction

    public init(client: KubeClient, owner: Owner, concurrency: Int = 1,
                statusFunction: @escaping StatusFunction = { object throws(KStatusError) in try StatusResult.compute(object) }) {
        self.client = client
        self.owner = owner
        self.concurrency = max(1, concurrency)
        self.statusFunction = statusFunction
    }

    /// `<group>/name` and `<group>/namespace` for an owner.
    public func ownerLabels(name: String, namespace: String) -> [String: String] {
        ["\(owner.group)/name": name, "\(owner.group)/namespace": namespace]
    }

    /// Adds the owner labels to every object.
    public func setOwnerLabels(_ objects: inout [KubeObject], name: String, namespace: String) {
        for i in objects.indices {
            var labels = objects[i].labels
            labels.merge(ownerLabels(name: name, namespace: namespace)) { _, new in new }
            objects[i].labels = labels
        }
    }

    // MARK: client helpers

    /// The API resource of `object` and the namespace to address it in.
    /// - Throws: the client's `no matches for kind …` error, or a 404 `Status` when a namespaced
    ///   object has no namespace (the request would go to the cluster-wide path).
    func locate(_ object: KubeObject) async throws(KubeClientError) -> (APIResource, String?) {
        let r = try await client.resource(for: object.gvk)
        guard r.namespaced else { return (r, nil) }
        guard !object.namespace.isEmpty else {
            throw .api(Status(message: "the server could not find the requested resource", reason: .notFound, code: 404))
        }
        return (r, object.namespace)
    }

    /// The live object, `nil` when it does not exist; other errors are thrown.
    func liveObject(_ object: KubeObject) async throws(KubeClientError) -> KubeObject? {
        do {
            let (r, ns) = try await locate(object)
            return try await client.get(r, namespace: ns, name: object.name)
        } catch where error.isNotFound {
            return nil
        }
    }

    /// Server-side apply of `object` as the owner's field manager with forced ownership.
    func serverSideApply(_ object: KubeObject, dryRun: Bool, fieldManager: String? = nil) async throws(KubeClientError) -> KubeObject {
        let (r, ns) = try await locate(object)
        return try await client.patch(r, namespace: ns, name: object.name, type: .apply(force: true), body: object.raw,
                                      options: WriteOptions(dryRun: dryRun, fieldManager: fieldManager ?? owner.field))
    }

    /// Deletes `object` with a propagation policy.
    func deleteObject(_ object: KubeObject, propagationPolicy: String) async throws(KubeClientError) {
        let (r, ns) = try await locate(object)
        try await client.delete(r, namespace: ns, name: object.name, options: .init(propagationPolicy: propagationPolicy))
    }
}
