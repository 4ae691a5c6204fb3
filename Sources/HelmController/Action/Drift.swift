import FluxAPI
import FluxSSA
import HelmActions
import KubeClient
import KubeModel

/// Drift detection and correction (`internal/action/diff.go`) over FluxSSA's dry-run diff.
enum Drift {
    /// The field manager helm-controller sets as Helm's `kube.ManagedFieldsManager`.
    static let fieldManager = "helm-controller"

    /// Diffs the objects of the release's stored manifest against the cluster: Helm's ownership
    /// metadata is injected, namespaced objects without a namespace get the release namespace, objects
    /// labelled or annotated `helm.toolkit.fluxcd.io/driftDetection: disabled` are excluded, and the
    /// HelmRelease's ignore rules apply. Per-object errors are gathered (`graceful`).
    static func diff(_ client: KubeClient, release: Release, ignore: [FluxAPI.IgnoreRule]) async throws -> DiffSetResult {
        var objects: [KubeObject]
        do {
            objects = try KubeObject.readObjects(release.manifest)
        } catch {
            throw HelmActionsError.message("failed to read objects from release manifest: \(error)")
        }
        Normalize.objects(&objects)
        var errors: [FluxSSAError] = []
        var kept: [KubeObject] = []
        for var object in objects {
            setHelmMetadata(&object, release)
            if object.namespace.isEmpty {
                do {
                    if try await client.resource(for: object.gvk).namespaced { object.namespace = release.namespace }
                } catch {
                    errors.append(FluxSSAError(.query, "failed to determine if \(object.kind) is namespace scoped: \(error)", cause: error))
                    continue
                }
            }
            kept.append(object)
        }
        let rules = ignore.map { rule in
            FluxSSA.IgnoreRule(paths: rule.paths, target: rule.target.map { t in
                DiffSelector(group: t.group ?? "", version: t.version ?? "", kind: t.kind ?? "", name: t.name ?? "",
                             namespace: t.namespace ?? "", annotationSelector: t.annotationSelector ?? "",
                             labelSelector: t.labelSelector ?? "")
            })
        }
        let manager = ResourceManager(client: client, owner: Owner(field: fieldManager, group: FluxGroups.helm))
        var result = try await manager.diffAll(kept, options: .helmController(ignore: rules, fieldManager: fieldManager))
        result.errors = errors + result.errors
        return result
    }

    /// Helm's ownership metadata on an object of the release (`setHelmMetadata`).
    static func setHelmMetadata(_ object: inout KubeObject, _ release: Release) {
        var labels = object.labels
        labels["app.kubernetes.io/managed-by"] = "Helm"
        object.labels = labels
        var annotations = object.annotations
        annotations["meta.helm.sh/release-name"] = release.name
        annotations["meta.helm.sh/release-namespace"] = release.namespace
        object.annotations = annotations
    }

    /// Creates missing objects and JSON-patches changed ones (`action.ApplyDiff`).
    static func correct(_ client: KubeClient, _ diffs: [Diff]) async -> (ChangeSet, FluxSSAError?) {
        let manager = ResourceManager(client: client, owner: Owner(field: fieldManager, group: FluxGroups.helm))
        return await manager.applyDiff(diffs, fieldManager: fieldManager)
    }
}
