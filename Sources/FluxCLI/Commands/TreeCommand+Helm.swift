import FluxAPI
import FluxSSA
import HelmActions
import KubeModel
import StructuredData

extension TreeCommand {
    /// `getHelmReleaseInventory`: the objects of the HelmRelease's latest release, read from its
    /// Helm storage Secret (namespaced objects without a namespace get the release's), plus the CRDs
    /// labelled with the HelmRelease when it installs or upgrades CRDs.
    static func helmReleaseInventory(_ session: KubeSession, namespace: String, name: String) async throws -> [ObjMetadata] {
        let object = try await session.get(HelmRelease.apiResource, namespace: namespace, name: name)
        let hr: HelmRelease
        do { hr = try HelmRelease(json: object.raw) } catch { throw FluxCLIError(error.description) }
        if hr.spec.kubeConfig != nil { return [] }
        guard let storageNamespace = hr.status.storageNamespace, !storageNamespace.isEmpty,
              let latest = (hr.status.history ?? []).latest else { return [] }
        let key = "\(namespace)/\(name)"
        let secret: KubeObject
        do {
            secret = try await session.client.get(Builtin.secrets, namespace: storageNamespace,
                                                  name: ReleaseKey.make(name: latest.name, version: Int(latest.version)))
        } catch {
            if error.isNotFound { return [] }
            throw FluxCLIError("failed to find the Helm storage object for HelmRelease '\(key)': \(error.description)")
        }
        guard secret.raw[path: ["data", "release"]] != nil else {
            throw FluxCLIError("failed to decode the Helm storage object for HelmRelease '\(key)'")
        }
        let release: Release
        do { release = try SecretDriver.decode(secret) } catch {
            throw FluxCLIError("failed to decode the Helm storage object for HelmRelease '\(key)': \(error.description)")
        }
        var objects: [KubeObject]
        do { objects = try KubeObject.readObjects(release.manifest) } catch {
            throw FluxCLIError("failed to read the Helm storage object for HelmRelease '\(key)': \(error.message)")
        }
        var result: [ObjMetadata] = []
        for index in objects.indices {
            if objects[index].namespace.isEmpty,
               let resource = try? await session.resource(objects[index].gvk), resource.namespaced {
                objects[index].namespace = latest.namespace
            }
            result.append(ObjMetadata(objects[index]))
        }
        let crdPolicies = [hr.spec.install?.crds?.rawValue, hr.spec.upgrade?.crds?.rawValue]
        if crdPolicies.contains(where: { ($0 ?? "") != "" && $0 != "Skip" }) {
            let selector = "\(FluxGroups.helm)/name=\(hr.name),\(FluxGroups.helm)/namespace=\(hr.namespace)"
            if let crds = try? await session.list(Builtin.customResourceDefinitions, namespace: nil, labelSelector: selector) {
                for crd in crds where !result.contains(where: { $0.name == crd.name && $0.groupKind.kind == "CustomResourceDefinition" }) {
                    result.append(ObjMetadata(namespace: "", name: crd.name,
                                              groupKind: GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition")))
                }
            }
        }
        return result
    }
}
