import Foundation
import StructuredData

/// The Kubernetes API semantics over an `ObjectStore`: discovery, CRUD, patch, watch, CRDs,
/// finalizers, namespace deletion and garbage collection. No HTTP here: `handle` maps an
/// `APIRequest` to an `APIResponse`, and never throws or crashes on client input.
public final class KubeAPI: Sendable {
    public let store: ObjectStore
    public let registry: ResourceRegistry
    /// `host:port` advertised in `/api` (`serverAddressByClientCIDRs`).
    public let advertisedAddress: String
    let collector: GarbageCollector
    let simulator = WorkloadSimulator()
    let authorizer: RBACAuthorizer
    /// Requests in flight per user (429 beyond the limit).
    public let inFlight: InFlightLimiter
    /// Signs and verifies ServiceAccount tokens.
    public let tokens: ServiceAccountTokens
    /// Faults outside requests, reported by `/readyz` and logged (the store's monitor).
    public let health: HealthMonitor
    /// The `/openapi/v2` and `/openapi/v3` documents, rebuilt when CRDs change.
    let openAPI = OpenAPICache()

    /// Creates the API over `store`, creating the initial namespaces if they are missing.
    /// - Parameter tokens: the ServiceAccount token signer (keep its key to keep tokens valid
    ///   across restarts).
    public init(store: ObjectStore, advertisedAddress: String = "127.0.0.1:6443",
                tokens: ServiceAccountTokens = .random(), inFlight: InFlightLimiter = InFlightLimiter()) async throws {
        self.store = store
        self.inFlight = inFlight
        self.tokens = tokens
        self.health = store.health
        self.registry = ResourceRegistry()
        self.advertisedAddress = advertisedAddress
        self.collector = GarbageCollector()
        self.authorizer = RBACAuthorizer(store: store)
        let problems = await store.loadProblems
        if !problems.isEmpty {
            health.fail("storage", "\(problems.count) record(s) could not be loaded: " + problems.prefix(5).joined(separator: "; "))
        }
        try await restoreCustomResources()
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let key = ObjectKey(resource: QualifiedResource(group: "", resource: "namespaces"), namespace: "", name: name)
            if await store.get(key) == nil {
                _ = try await create(Self.namespaceType, namespace: "", body: .object([
                    "apiVersion": "v1", "kind": "Namespace", "metadata": .object(["name": .string(name)]),
                ]), dryRun: false)
            }
        }
        try await bootstrapRBAC()
        try await ensureClusterObjects()
    }

    /// Opens an API with a fresh in-memory store.
    public static func inMemory(historyLimit: Int = 10_000) async throws -> KubeAPI {
        try await KubeAPI(store: ObjectStore(log: MemoryRevisionLog(), historyLimit: historyLimit))
    }

    static let namespaceType = BuiltinResources.all[0]

    /// Answers one request on behalf of `request.user`: applies its `Impersonate-*` headers,
    /// authorizes it (RBAC), then serves it. Every failure becomes a `Status` response.
    public func handle(_ request: APIRequest) async -> APIResponse {
        let (request, refusal, attributes) = await authorizeRequest(request)
        if let refusal { return refusal }
        let longRunning = request.flag("watch") || request.path.contains("/watch/")
        if !longRunning {
            guard inFlight.acquire(request.user) else { return .error(InFlightLimiter.tooMany) }
        }
        defer { if !longRunning { inFlight.release(request.user) } }
        do {
            return try await RequestContext.$current.withValue(attributes) {
                try await FieldManagerContext.$current.withValue(FieldManagerContext(request: request)) {
                    try await route(request)
                }
            }
        } catch let error as APIServerError {
            return .error(error)
        } catch {
            return .error(.internalError("\(error)"))
        }
    }

    /// Serves the custom types of the CRDs already in the store (after a restart).
    func restoreCustomResources() async throws {
        let crds = await store.list(QualifiedResource(group: "apiextensions.k8s.io", resource: "customresourcedefinitions"), namespace: nil)
        for crd in crds.objects where crd.value["metadata"]?["deletionTimestamp"] == nil {
            do {
                registry.register(crd: crd.key.name, types: try CRDSupport.servedTypes(crd.value))
            } catch {
                health.fail("crd/\(crd.key.name)", "cannot serve CustomResourceDefinition \(crd.key.name) after restart: \(error)")
            }
        }
    }
}
