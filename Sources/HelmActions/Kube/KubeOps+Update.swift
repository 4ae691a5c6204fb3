import KubeClient
import KubeModel
import StructuredData

/// The outcome of `KubeOps.update`.
public struct UpdateResult: Sendable {
    public var created: [HelmResource] = []
    public var updated: [HelmResource] = []
    public var deleted: [HelmResource] = []
}

extension KubeOps {
    /// Helm's `Client.Update(original, target, force)`: creates target objects missing from the
    /// cluster, patches existing ones (three-way strategic merge for built-in kinds, JSON merge patch
    /// from the old manifest for custom resources, or a replace when `force`), then deletes objects
    /// of `original` absent from `target` unless they carry `helm.sh/resource-policy: keep`.
    /// Get/create failures and unknown objects abort at once; patch errors are joined with ` && `; deletion errors are ignored, as Helm only logs them.
    public func update(original: [HelmResource], target: [HelmResource], force: Bool) async throws(HelmActionsError) -> UpdateResult {
        var result = UpdateResult()
        var errors: [String] = []
        log("checking \(target.count) resources for changes")
        let originals = Dictionary(original.map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a })
        for t in target {
            guard let live = try await live(t) else {
                do { _ = try await client.create(t.object) } catch { throw .kube("failed to create resource", error) }
                log("Created a new \(t.kind) called \(HelmLog.q(t.name)) in \(t.namespace)\n")
                result.created.append(t)
                continue
            }
            guard let o = originals[t.identity] else {
                throw .message("no \(t.kind) with the name \"\(t.name)\" found")
            }
            do {
                try await patch(original: o, target: t, live: live, force: force)
            } catch {
                errors.append(error.description)
            }
            result.updated.append(t)
        }
        if !errors.isEmpty { throw .message(errors.joined(separator: " && ")) }
        let targets = Set(target.map(\.identity))
        for o in original where !targets.contains(o.identity) {
            log("Deleting \(o.kind) \(HelmLog.q(o.name)) in namespace \(o.namespace)...")
            guard let live = try? await live(o) else { continue }
            if Ownership.keeps(live) {
                log("Skipping delete of \(HelmLog.q(o.name)) due to annotation [helm.sh/resource-policy=keep]")
                continue
            }
            if (await delete([o])).isEmpty { result.deleted.append(o) }
        }
        return result
    }

    func patch(original: HelmResource, target: HelmResource, live: KubeObject, force: Bool) async throws(HelmActionsError) {
        if force {
            var replacement = target.object
            replacement.resourceVersion = live.resourceVersion
            do { _ = try await client.update(replacement) } catch {
                throw .kube("failed to replace object", error)
            }
            log("Replaced \(HelmLog.q(target.name)) with kind \(target.kind) for kind \(target.kind)")
            return
        }
        let body: JSONValue
        let type: PatchType
        let isV1CRD = target.kind == "CustomResourceDefinition" && target.object.apiVersion == "apiextensions.k8s.io/v1"
        if let schema = PatchSchema.forKind(target.kind), target.mapping.group.isEmpty || Self.builtInGroups.contains(target.mapping.group) || isV1CRD {
            do {
                body = try StrategicMergePatch.createThreeWayPatch(original: original.object.raw, modified: target.object.raw,
                                                                   current: live.raw, schema: schema, overwrite: true)
            } catch {
                throw .message("failed to create patch: \(error)")
            }
            type = .strategic
        } else {
            body = MergePatch.create(from: original.object.raw, to: target.object.raw)
            type = .merge
        }
        if body.isNull || body.objectValue?.isEmpty == true {
            log("Looks like there are no changes for \(target.kind) \(HelmLog.q(target.name))")
            return
        }
        log("Patch \(target.kind) \(HelmLog.q(target.name)) in namespace \(target.namespace)")
        do {
            _ = try await client.patch(target.mapping, namespace: target.namespace, name: target.name, type: type, body: body)
        } catch {
            throw .kube("cannot patch \"\(target.name)\" with kind \(target.kind)", error)
        }
    }

    static let builtInGroups: Set<String> = [
        "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io",
        "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io", "certificates.k8s.io",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "events.k8s.io",
    ]
}
