import FluxAPI
import Kustomize
import StructuredData

extension HelmReleaseReconciler {
    /// The post-renderer chain of `hr` (`postrender.BuildPostRenderers`): its Kustomize
    /// post-renderers in order, then the origin labels `helm.toolkit.fluxcd.io/name` and
    /// `…/namespace` on every rendered object.
    func postRenderer(_ hr: HelmRelease) -> PostRenderer {
        let name = hr.name, namespace = hr.namespace
        let renderers = (hr.spec.postRenderers ?? []).compactMap { $0.kustomize.map(KustomizePostRenderers.make) }
        return PostRenderer { manifest in
            try HelmPostRender.run(manifest, postRenderers: renderers, releaseName: name, releaseNamespace: namespace)
        }
    }
}

/// `spec.postRenderers[].kustomize` as the Kustomize library's post-renderer.
enum KustomizePostRenderers {
    static func make(_ k: FluxAPI.Kustomize) -> KustomizePostRenderer {
        KustomizePostRenderer(
            patches: (k.patches ?? []).map { KustomizePostRenderer.Patch(patch: $0.patch, target: $0.target.map(selector)) },
            patchesStrategicMerge: k.patchesStrategicMerge ?? [],
            patchesJson6902: (k.patchesJson6902 ?? []).map { patch in
                KustomizePostRenderer.JSON6902Patch(target: selector(patch.target), patch: patch.patch.map(operation))
            },
            images: (k.images ?? []).map { image in
                KustomizeImageSpec(name: image.name, newName: image.newName ?? "", newTag: image.newTag ?? "", digest: image.digest ?? "")
            })
    }

    static func selector(_ s: FluxAPI.Selector) -> KustomizeSelector {
        KustomizeSelector(group: s.group ?? "", version: s.version ?? "", kind: s.kind ?? "", name: s.name ?? "",
                          namespace: s.namespace ?? "", labelSelector: s.labelSelector ?? "",
                          annotationSelector: s.annotationSelector ?? "")
    }

    /// One operation as JSON, fields in kustomize's order (`op`, `path`, `from`, `value`).
    static func operation(_ op: FluxAPI.JSON6902) -> JSONValue {
        var fields: [(String, JSONValue)] = [("op", .string(op.op.rawValue)), ("path", .string(op.path))]
        if let from = op.from { fields.append(("from", .string(from))) }
        if let value = op.value { fields.append(("value", value)) }
        return .object(.init(uniqueKeysWithValues: fields))
    }
}
