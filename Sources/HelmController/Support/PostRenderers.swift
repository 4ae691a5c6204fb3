import FluxAPI
import KubeModel
import StructuredData

extension HelmReleaseReconciler {
    /// The post-renderer chain of `hr` (`postrender.BuildPostRenderers`): its Kustomize
    /// post-renderers in order, then the origin labels `helm.toolkit.fluxcd.io/name` and
    /// `…/namespace` on every rendered object.
    func postRenderer(_ hr: HelmRelease) -> PostRenderer {
        let name = hr.name, namespace = hr.namespace
        return PostRenderer { manifest in
            try OriginLabels.apply(manifest, name: name, namespace: namespace)
        }
    }
}

/// helm-controller's origin labels post-renderer (`internal/postrender/origin_labels.go`).
enum OriginLabels {
    static func apply(_ manifest: String, name: String, namespace: String) throws -> String {
        let documents = try YAML.parseDocuments(manifest)
        var out: [JSONValue] = []
        for document in documents {
            guard case .object(let o) = document, !o.isEmpty else { continue }
            var object = KubeObject(document)
            var labels = object.labels
            labels[FluxLabels.helmName] = name
            labels[FluxLabels.helmNamespace] = namespace
            object.labels = labels
            out.append(object.raw)
        }
        return try YAML.serializeDocuments(out, keyOrder: .preserved)
    }
}
