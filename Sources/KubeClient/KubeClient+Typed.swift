import KubeModel
import StructuredData

/// A typed resource: a Swift type that knows its API resource and converts to and from `KubeObject`.
///
/// Conformers decode leniently (missing fields take defaults) and throw
/// `KubeClientError.decoding` only for values of the wrong shape.
public protocol KubeResource: Sendable {
    static var apiResource: APIResource { get }
    init(object: KubeObject) throws(KubeClientError)
    var object: KubeObject { get }
}

extension KubeClient {
    public func get<T: KubeResource>(_ type: T.Type, namespace: String? = nil, name: String) async throws(KubeClientError) -> T {
        try T(object: try await get(T.apiResource, namespace: namespace, name: name))
    }

    /// All items of `T` (every page).
    public func list<T: KubeResource>(_ type: T.Type, namespace: String? = nil, options: ListOptions = ListOptions())
        async throws(KubeClientError) -> [T]
    {
        var out: [T] = []
        for item in try await listAll(T.apiResource, namespace: namespace, options: options).items {
            out.append(try T(object: item))
        }
        return out
    }

    public func create<T: KubeResource>(_ value: T, options: WriteOptions = WriteOptions()) async throws(KubeClientError) -> T {
        let r = T.apiResource
        let created = try await send(.create(r, namespace: scope(r, value.object.namespace), object: value.object.raw, options: options))
        return try T(object: KubeObject(created))
    }

    public func update<T: KubeResource>(_ value: T, subresource: String? = nil, options: WriteOptions = WriteOptions())
        async throws(KubeClientError) -> T
    {
        let r = T.apiResource
        let o = value.object
        let updated = try await send(try .update(r, namespace: scope(r, o.namespace), name: o.name, object: o.raw,
                                                 subresource: subresource, options: options))
        return try T(object: KubeObject(updated))
    }

    @discardableResult
    public func delete<T: KubeResource>(_ type: T.Type, namespace: String? = nil, name: String,
                                        options: DeleteOptions = DeleteOptions()) async throws(KubeClientError) -> KubeObject? {
        try await delete(T.apiResource, namespace: namespace, name: name, options: options)
    }
}

/// `v1 ConfigMap` as a typed resource (string data only).
public struct ConfigMap: KubeResource, Equatable {
    public static let apiResource = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap",
                                                namespaced: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
                                                shortNames: ["cm"])
    /// Metadata and anything not modelled below.
    public var metadata: KubeObject
    public var data: [String: String]

    public init(name: String, namespace: String, data: [String: String] = [:]) {
        metadata = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace)
        self.data = data
    }

    public init(object: KubeObject) throws(KubeClientError) {
        metadata = object
        data = [:]
        guard let raw = object.raw["data"], !raw.isNull else { return }
        guard let o = raw.objectValue else { throw .decoding("ConfigMap \(object.namespacedName): data must be an object") }
        for (k, v) in o {
            guard let s = v.stringValue else { throw .decoding("ConfigMap \(object.namespacedName): data[\(k)] must be a string") }
            data[k] = s
        }
    }

    public var object: KubeObject {
        var o = metadata
        if data.isEmpty {
            o.raw["data"] = nil
        } else {
            var d: JSONObject = [:]
            for k in data.keys.sorted() { d[k] = .string(data[k] ?? "") }
            o.raw["data"] = .object(d)
        }
        return o
    }
}
