import KubeModel
import StructuredData

/// CRUD on typed resources (`KubeResource`): JSON in and out through `JSONValueDecoder`/`Encoder`.
/// A response that does not decode into `T` throws `.decoding` with the JSON path.
extension KubeClient {
    static func decode<T: KubeResource>(_ type: T.Type, _ json: JSONValue) throws(KubeClientError) -> T {
        do { return try T(json: json) } catch { throw .decoding("\(T.apiResource.kind): \(error.description)") }
    }

    static func encode<T: KubeResource>(_ value: T) throws(KubeClientError) -> KubeObject {
        do { return try value.object() } catch { throw .invalidRequest("\(T.apiResource.kind): \(error.description)") }
    }

    /// The object `name` of type `T`; `namespace` nil means the configured namespace.
    public func get<T: KubeResource>(_ type: T.Type, namespace: String? = nil, name: String) async throws(KubeClientError) -> T {
        try Self.decode(T.self, try await get(T.apiResource, namespace: namespace, name: name).raw)
    }

    /// All items of `T` (every page).
    public func list<T: KubeResource>(_ type: T.Type, in namespaces: NamespaceSelection = .configured,
                                      options: ListOptions = ListOptions()) async throws(KubeClientError) -> [T]
    {
        var out: [T] = []
        for item in try await listAll(T.apiResource, in: namespaces, options: options).items {
            out.append(try Self.decode(T.self, item.raw))
        }
        return out
    }

    public func create<T: KubeResource>(_ value: T, options: WriteOptions = WriteOptions()) async throws(KubeClientError) -> T {
        let r = T.apiResource
        let o = try Self.encode(value)
        let created = try await send(.create(r, namespace: scope(r, o.namespace), object: o.raw, options: options))
        return try Self.decode(T.self, created)
    }

    public func update<T: KubeResource>(_ value: T, subresource: String? = nil, options: WriteOptions = WriteOptions())
        async throws(KubeClientError) -> T
    {
        let r = T.apiResource
        let o = try Self.encode(value)
        let updated = try await send(try .update(r, namespace: scope(r, o.namespace), name: o.name, object: o.raw,
                                                 subresource: subresource, options: options))
        return try Self.decode(T.self, updated)
    }

    @discardableResult
    public func delete<T: KubeResource>(_ type: T.Type, namespace: String? = nil, name: String,
                                        options: DeleteOptions = DeleteOptions()) async throws(KubeClientError) -> KubeObject? {
        try await delete(T.apiResource, namespace: namespace, name: name, options: options)
    }
}
