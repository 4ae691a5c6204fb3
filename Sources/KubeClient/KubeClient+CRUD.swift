import KubeModel
import StructuredData

/// One page (or all pages) of a list.
public struct ObjectList: Sendable, Equatable {
    public var items: [KubeObject]
    /// `metadata.resourceVersion` of the list: start a watch from here.
    public var resourceVersion: String
    /// `metadata.continue`; empty on the last page.
    public var continueToken: String
    public var remainingItemCount: Int64?

    public init(items: [KubeObject], resourceVersion: String, continueToken: String = "", remainingItemCount: Int64? = nil) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }

    /// Decodes a `<Kind>List`; items missing `apiVersion`/`kind` (built-in lists omit them) get
    /// them from the list.
    public init(json: JSONValue, resource: APIResource) {
        let listKind = json["kind"]?.stringValue ?? ""
        let itemKind = listKind.hasSuffix("List") ? String(listKind.dropLast(4)) : resource.kind
        let apiVersion = json["apiVersion"]?.stringValue ?? resource.apiVersion
        items = (json["items"]?.arrayValue ?? []).map { raw in
            var o = KubeObject(raw)
            if o.apiVersion.isEmpty { o.apiVersion = apiVersion }
            if o.kind.isEmpty { o.kind = itemKind.isEmpty ? resource.kind : itemKind }
            return o
        }
        resourceVersion = json[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        continueToken = json[path: ["metadata", "continue"]]?.stringValue ?? ""
        remainingItemCount = json[path: ["metadata", "remainingItemCount"]]?.intValue
    }
}

extension KubeClient {
    /// The namespace of a single-object request on `r`: the given one, else (nil or empty) the
    /// configured namespace; `nil` for cluster-scoped resources.
    func scope(_ r: APIResource, _ namespace: String?) -> String? {
        guard r.namespaced else { return nil }
        if let namespace, !namespace.isEmpty { return namespace }
        return config.namespace
    }

    /// The namespace of a collection request on `r`: `nil` for all namespaces or cluster scope.
    func scope(_ r: APIResource, _ namespaces: NamespaceSelection) -> String? {
        guard r.namespaced else { return nil }
        switch namespaces {
        case .all: return nil
        case .configured: return config.namespace
        case .named(let ns): return ns
        }
    }

    public func get(_ r: APIResource, namespace: String? = nil, name: String, subresource: String? = nil)
        async throws(KubeClientError) -> KubeObject
    {
        KubeObject(try await send(try .get(r, namespace: scope(r, namespace), name: name, subresource: subresource)))
    }

    /// One page of the collection `r` in `namespaces`.
    public func list(_ r: APIResource, in namespaces: NamespaceSelection = .configured, options: ListOptions = ListOptions())
        async throws(KubeClientError) -> ObjectList
    {
        let ns = scope(r, namespaces)
        return ObjectList(json: try await send(try .list(r, namespace: ns, options: options)), resource: r)
    }

    /// Every page, following `continue` tokens; the result carries the first page's resource version
    /// (the consistent snapshot the pages belong to).
    public func listAll(_ r: APIResource, in namespaces: NamespaceSelection = .configured, options: ListOptions = ListOptions(),
                        pageSize: Int = 500)
        async throws(KubeClientError) -> ObjectList
    {
        var opts = options
        opts.limit = pageSize
        var page = try await list(r, in: namespaces, options: opts)
        var all = page.items
        let resourceVersion = page.resourceVersion
        var pages = 1
        while !page.continueToken.isEmpty {
            pages += 1
            if pages > 100_000 { throw .invalidRequest("list of \(r.groupResource) did not terminate") }
            opts.continueToken = page.continueToken
            opts.resourceVersion = nil
            page = try await list(r, in: namespaces, options: opts)
            all += page.items
        }
        return ObjectList(items: all, resourceVersion: resourceVersion.isEmpty ? page.resourceVersion : resourceVersion)
    }

    /// Creates `object` in its namespace (or the default namespace).
    public func create(_ object: KubeObject, options: WriteOptions = WriteOptions()) async throws(KubeClientError) -> KubeObject {
        let r = try await resource(for: object.gvk)
        return KubeObject(try await send(.create(r, namespace: scope(r, object.namespace), object: object.raw, options: options)))
    }

    /// Replaces `object` (optimistic lock on its `resourceVersion`); `subresource: "status"` writes status.
    public func update(_ object: KubeObject, subresource: String? = nil, options: WriteOptions = WriteOptions())
        async throws(KubeClientError) -> KubeObject
    {
        let r = try await resource(for: object.gvk)
        return KubeObject(try await send(try .update(r, namespace: scope(r, object.namespace), name: object.name,
                                                     object: object.raw, subresource: subresource, options: options)))
    }

    /// Writes `status` through the `/status` subresource.
    public func updateStatus(_ object: KubeObject, options: WriteOptions = WriteOptions()) async throws(KubeClientError) -> KubeObject {
        try await update(object, subresource: "status", options: options)
    }

    public func patch(_ r: APIResource, namespace: String? = nil, name: String, type: PatchType, body: JSONValue,
                      subresource: String? = nil, options: WriteOptions = WriteOptions()) async throws(KubeClientError) -> KubeObject
    {
        KubeObject(try await send(try .patch(r, namespace: scope(r, namespace), name: name, type: type, body: body,
                                             subresource: subresource, options: options)))
    }

    /// Server-side apply of `object` as `fieldManager`.
    public func apply(_ object: KubeObject, fieldManager: String, force: Bool = false, dryRun: Bool = false,
                      subresource: String? = nil) async throws(KubeClientError) -> KubeObject
    {
        let r = try await resource(for: object.gvk)
        return try await patch(r, namespace: object.namespace, name: object.name, type: .apply(force: force), body: object.raw,
                               subresource: subresource, options: WriteOptions(dryRun: dryRun, fieldManager: fieldManager))
    }

    /// Deletes an object. Returns the object when the server returns it (finalizers pending, or types
    /// that return the deleted object), `nil` when it answers with a `Success` status.
    @discardableResult
    public func delete(_ r: APIResource, namespace: String? = nil, name: String, options: DeleteOptions = DeleteOptions())
        async throws(KubeClientError) -> KubeObject?
    {
        let json = try await send(try .delete(r, namespace: scope(r, namespace), name: name, options: options))
        return Status.isStatus(json) ? nil : KubeObject(json)
    }
}
