import KubeModel
import StructuredData

/// Pure request builders for every verb (kube-rs `Request` habit): no I/O, fully testable.
extension KubeRequest {
    static let jsonHeaders: [Header] = [.init("Accept", "application/json")]

    private static func requireName(_ name: String, _ verb: String) throws(KubeClientError) {
        if name.isEmpty { throw .invalidRequest("resource name may not be empty (\(verb))") }
    }

    /// `GET` one object (or its subresource).
    public static func get(_ r: APIResource, namespace: String?, name: String, subresource: String? = nil)
        throws(KubeClientError) -> KubeRequest
    {
        try requireName(name, "get")
        return KubeRequest(method: "GET", path: r.path(namespace: namespace, name: name, subresource: subresource),
                           headers: jsonHeaders)
    }

    /// `GET` the collection.
    public static func list(_ r: APIResource, namespace: String?, options: ListOptions = ListOptions())
        throws(KubeClientError) -> KubeRequest
    {
        KubeRequest(method: "GET", path: r.path(namespace: namespace), query: try options.queryItems(), headers: jsonHeaders)
    }

    /// `GET ?watch=true` on the collection.
    public static func watch(_ r: APIResource, namespace: String?, options: WatchOptions)
        throws(KubeClientError) -> KubeRequest
    {
        KubeRequest(method: "GET", path: r.path(namespace: namespace), query: try options.queryItems(),
                    headers: jsonHeaders, isWatch: true)
    }

    /// `POST` to the collection; the namespace comes from the argument or the object.
    public static func create(_ r: APIResource, namespace: String?, object: JSONValue, options: WriteOptions = WriteOptions())
        -> KubeRequest
    {
        KubeRequest(method: "POST", path: r.path(namespace: namespace), query: options.queryItems(),
                    headers: jsonHeaders + [.init("Content-Type", "application/json")], body: object.serializedBytes())
    }

    /// `PUT` to the object (or `/status` with `subresource: "status"`).
    public static func update(_ r: APIResource, namespace: String?, name: String, object: JSONValue,
                              subresource: String? = nil, options: WriteOptions = WriteOptions())
        throws(KubeClientError) -> KubeRequest
    {
        try requireName(name, "update")
        return KubeRequest(method: "PUT", path: r.path(namespace: namespace, name: name, subresource: subresource),
                           query: options.queryItems(), headers: jsonHeaders + [.init("Content-Type", "application/json")],
                           body: object.serializedBytes())
    }

    /// `PATCH` with one of the four patch types. Apply requires a `fieldManager`.
    public static func patch(_ r: APIResource, namespace: String?, name: String, type: PatchType, body: JSONValue,
                             subresource: String? = nil, options: WriteOptions = WriteOptions())
        throws(KubeClientError) -> KubeRequest
    {
        try requireName(name, "patch")
        var query = options.queryItems()
        if case .apply(let force) = type {
            if (options.fieldManager ?? "").isEmpty { throw .invalidRequest("fieldManager is required for apply patch") }
            if force { query.append(.init("force", "true")) }
        }
        // Apply bodies are YAML; JSON is valid YAML, so every patch is sent as JSON text.
        return KubeRequest(method: "PATCH", path: r.path(namespace: namespace, name: name, subresource: subresource),
                           query: query, headers: jsonHeaders + [.init("Content-Type", type.contentType)],
                           body: body.serializedBytes())
    }

    /// `DELETE` the object; options go in a `DeleteOptions` body as client-go sends them.
    public static func delete(_ r: APIResource, namespace: String?, name: String, options: DeleteOptions = DeleteOptions())
        throws(KubeClientError) -> KubeRequest
    {
        try requireName(name, "delete")
        var body: JSONObject = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let g = options.gracePeriodSeconds { body["gracePeriodSeconds"] = .int(Int64(g)) }
        var pre: JSONObject = [:]
        if let uid = options.preconditionUID { pre["uid"] = .string(uid) }
        if let rv = options.preconditionResourceVersion { pre["resourceVersion"] = .string(rv) }
        if !pre.isEmpty { body["preconditions"] = .object(pre) }
        if let p = options.propagationPolicy { body["propagationPolicy"] = .string(p) }
        if options.dryRun { body["dryRun"] = ["All"] }
        return KubeRequest(method: "DELETE", path: r.path(namespace: namespace, name: name),
                           query: options.dryRun ? [.init("dryRun", "All")] : [],
                           headers: jsonHeaders + [.init("Content-Type", "application/json")],
                           body: JSONValue.object(body).serializedBytes())
    }
}
