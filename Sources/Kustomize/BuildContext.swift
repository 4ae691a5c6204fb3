import OrderedCollections

/// State shared by every kustomization of one build. Kustomize keeps the OpenAPI schema in a
/// process global: the top kustomization's `openapi:` sets it, otherwise the first base or
/// component (in accumulation order) that has one; it then applies to every strategic merge that
/// runs later in the build.
final class BuildContext {
    private(set) var schema: CustomSchema?
    private var schemaIsSet = false

    /// kyaml's `openapi.SetSchema`: `reset` is true for the top kustomization only.
    func setSchema(_ openapi: OrderedDictionary<String, String>, loader: Loader, reset: Bool) throws(KustomizeError) {
        if schemaIsSet && !reset { return }
        if let path = openapi["path"] {
            let bytes: [UInt8]
            do { bytes = try loader.load(path) } catch {
                throw KustomizeError(.notFound, "'\(KustomizePath.join(loader.root, path))' doesn't exist")
            }
            if openapi["version"] != nil {
                throw KustomizeError(.invalid, "builtin version and custom schema provided, cannot use both")
            }
            schema = try CustomSchema(bytes)
            schemaIsSet = true
            return
        }
        let version = openapi["version"] ?? ""
        if version.isEmpty { return }
        guard version == "v1.21.2" else { throw KustomizeError(.invalid, "the specified OpenAPI version is not built in") }
        schema = nil
        schemaIsSet = true
    }
}
