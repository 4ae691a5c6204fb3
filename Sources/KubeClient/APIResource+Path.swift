import KubeModel

extension APIResource {
    /// The URL path of the collection (namespace ignored for cluster-scoped resources; an empty
    /// namespace on a namespaced resource is the all-namespaces collection), an object, or a
    /// subresource.
    public func path(namespace: String? = nil, name: String? = nil, subresource: String? = nil) -> String {
        var p = groupVersionPath
        if namespaced, let namespace, !namespace.isEmpty {
            p += "/namespaces/" + KubeRequest.escapePathSegment(namespace)
        }
        p += "/" + resource
        if let name, !name.isEmpty {
            p += "/" + KubeRequest.escapePathSegment(name)
            if let subresource, !subresource.isEmpty { p += "/" + subresource }
        }
        return p
    }
}
