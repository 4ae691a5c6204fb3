import Foundation
import KubeClient
import KubeModel
import StructuredData

/// A connection to the cluster for one command: the client, the namespace flux works in, and
/// calls whose errors read as flux's (client-go and controller-runtime wording).
///
/// Open with `KubeSession.with(…)`, which closes the transport when the body returns.
public struct KubeSession: Sendable {
    public let client: KubeClient
    /// `-n/--namespace` (flux's default is `flux-system`, not the kubeconfig context's).
    public let namespace: String
    public let options: GlobalOptions
    let transport: HTTPTransport

    /// Opens a session for `options`, runs `body`, and shuts the transport down.
    public static func with<T: Sendable>(_ options: GlobalOptions, _ environment: FluxEnvironment,
                                         _ body: (KubeSession) async throws -> T) async throws -> T {
        let config = try KubeConfigResolver.clientConfig(options, environment)
        let transport: HTTPTransport
        do { transport = try HTTPTransport(config: config, requestTimeout: .seconds(32)) } catch {
            throw FluxCLIError(error.description)
        }
        let session = KubeSession(client: KubeClient(config: config, transport: transport), namespace: options.namespace,
                                  options: options, transport: transport)
        do {
            let result = try await body(session)
            try? await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    var server: String { client.config.server }

    /// The served resource of `gvk`, through discovery, as controller-runtime's lazy REST mapper
    /// finds it: `no matches for kind …` when the CRD is absent.
    public func resource(_ gvk: GroupVersionKind) async throws(FluxCLIError) -> APIResource {
        do {
            return try await client.resource(for: gvk)
        } catch {
            if case .transport = error {
                let gv = gvk.groupVersion.description
                throw FluxCLIError("failed to get API group resources: unable to retrieve the complete list of server APIs: "
                                   + "\(gv): " + ErrorText.transport(error, server: server, path: Discovery.path(for: gvk.groupVersion) + "?timeout=32s"))
            }
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    /// A resource by kubectl name (`deployment`, `deploy`, `hr`), case-insensitive kind matching.
    public func resource(named name: String) async throws(FluxCLIError) -> APIResource {
        do { return try await client.resource(named: name) } catch { throw FluxCLIError(ErrorText.describe(error, server: server)) }
    }

    public func get(_ r: APIResource, namespace: String?, name: String) async throws(FluxCLIError) -> KubeObject {
        do { return try await client.get(r, namespace: namespace ?? self.namespace, name: name) } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    /// Every object of `r` in `namespace` (nil: all namespaces; ignored for cluster-scoped kinds).
    public func list(_ r: APIResource, namespace: String?, labelSelector: String? = nil,
                     fieldSelector: String? = nil) async throws(FluxCLIError) -> [KubeObject] {
        let selection: NamespaceSelection = namespace.map { .named($0) } ?? .all
        do {
            return try await client.listAll(r, in: selection, options: ListOptions(labelSelector: labelSelector,
                                                                                  fieldSelector: fieldSelector)).items
        } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    @discardableResult
    public func mergePatch(_ r: APIResource, namespace: String?, name: String, _ body: JSONValue,
                           subresource: String? = nil) async throws(FluxCLIError) -> KubeObject {
        do {
            return try await client.patch(r, namespace: namespace ?? self.namespace, name: name, type: .merge, body: body,
                                          subresource: subresource)
        } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    public func create(_ object: KubeObject, dryRun: Bool = false) async throws(FluxCLIError) -> KubeObject {
        do { return try await client.create(object, options: WriteOptions(dryRun: dryRun)) } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    public func update(_ object: KubeObject, dryRun: Bool = false) async throws(FluxCLIError) -> KubeObject {
        do { return try await client.update(object, options: WriteOptions(dryRun: dryRun)) } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    public func delete(_ r: APIResource, namespace: String?, name: String, dryRun: Bool = false) async throws(FluxCLIError) {
        do { try await client.delete(r, namespace: namespace ?? self.namespace, name: name, options: DeleteOptions(dryRun: dryRun)) } catch {
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }

    /// `GET /version`.
    public func serverVersion() async throws(FluxCLIError) -> JSONValue {
        do {
            return try await client.send(KubeRequest(method: "GET", path: "/version", headers: [.init("Accept", "application/json")]))
        } catch {
            if case .transport = error {
                throw FluxCLIError(ErrorText.transport(error, server: server, path: "/version?timeout=32s"))
            }
            throw FluxCLIError(ErrorText.describe(error, server: server))
        }
    }
}
