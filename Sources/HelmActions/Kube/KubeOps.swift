import KubeClient
import KubeModel
import StructuredData

/// Helm's `kube.Client` over a `KubeClient`: building objects from manifests, creating, updating
/// (three-way strategic merge, merge patch or forced replace) and deleting them.
public struct KubeOps: Sendable {
    public let client: KubeClient
    /// The namespace given to namespaced objects that have none.
    public let namespace: String
    /// Helm's debug log (`kube.Client.Log`).
    public var log: HelmLog = .discard

    public init(client: KubeClient, namespace: String) {
        self.client = client
        self.namespace = namespace
    }

    /// Parses a multi-document manifest into resources in stream order (`Build`): empty documents
    /// are skipped, every kind is resolved through discovery, namespaced objects get the default
    /// namespace and cluster-scoped ones lose any namespace.
    public func build(_ manifest: String) async throws(HelmActionsError) -> [HelmResource] {
        try await build(manifest, validate: false)
    }

    /// `build` with Helm's schema validation on (`Build(manifest, true)`): of the OpenAPI checks,
    /// only the `apiVersion`/`kind` presence check is made, worded as kubectl's validator words it
    /// (`error validating "": error validating data: [apiVersion not set, kind not set]`).
    public func build(_ manifest: String, validate: Bool) async throws(HelmActionsError) -> [HelmResource] {
        do { return try await resources(manifest, validate: validate) } catch {
            throw .message("unable to build kubernetes objects from release manifest: \(error)")
        }
    }

    /// Helm's `Build` with its own error text (no context prefix).
    public func resources(_ manifest: String, validate: Bool) async throws(HelmActionsError) -> [HelmResource] {
        let documents: [JSONValue]
        do { documents = try YAML.parseDocuments(manifest) } catch { throw .message("error parsing manifest: \(error)") }
        var result: [HelmResource] = []
        for document in documents {
            guard case .object(let o) = document, !o.isEmpty else { continue }
            var object = KubeObject(document)
            guard !object.kind.isEmpty, !object.apiVersion.isEmpty else {
                if validate {
                    var problems: [String] = []
                    if object.apiVersion.isEmpty { problems.append("apiVersion not set") }
                    if object.kind.isEmpty { problems.append("kind not set") }
                    let text = problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]"
                    throw .message("error validating \"\": error validating data: \(text)")
                }
                throw .message("unable to decode \"\": Object 'Kind' is missing in '\(document.serialized())'")
            }
            let mapping: APIResource
            do {
                mapping = try await client.resource(for: object.gvk)
            } catch {
                throw .message("resource mapping not found for name: \"\(object.name)\" namespace: \"\(object.namespace)\" from \"\": no matches for kind \"\(object.kind)\" in version \"\(object.apiVersion)\"\nensure CRDs are installed first")
            }
            if mapping.namespaced {
                if object.namespace.isEmpty { object.namespace = namespace }
            } else {
                object.namespace = ""
            }
            result.append(HelmResource(object: object, mapping: mapping))
        }
        return result
    }

    /// The live object, or `nil` when it does not exist.
    public func live(_ r: HelmResource) async throws(HelmActionsError) -> KubeObject? {
        do {
            return try await client.get(r.mapping, namespace: r.namespace, name: r.name)
        } catch {
            if error.isNotFound { return nil }
            throw .kube("could not get information about the resource \(r.resourceString)", error)
        }
    }

    /// Creates resources in order, grouped by runs of the same kind (`batchPerform`).
    public func create(_ resources: [HelmResource]) async throws(HelmActionsError) {
        log("creating \(resources.count) resource(s)")
        for r in resources {
            do {
                _ = try await client.create(r.object)
            } catch {
                throw .kube("failed to create resource", error)
            }
        }
    }

    /// Deletes resources (Background propagation, NotFound ignored). Returns the error texts.
    @discardableResult
    public func delete(_ resources: [HelmResource], propagation: String = "Background") async -> [String] {
        var errors: [String] = []
        for r in resources {
            log("Starting delete for \(HelmLog.q(r.name)) \(r.kind)")
            do {
                _ = try await client.delete(r.mapping, namespace: r.namespace, name: r.name, options: DeleteOptions(propagationPolicy: propagation))
            } catch {
                if !error.isNotFound { errors.append(error.description) }
            }
        }
        return errors
    }
}
