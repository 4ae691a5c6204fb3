import KubeModel
import StructuredData

/// `kustomize.toolkit.fluxcd.io/v1 Kustomization` (storage version).
public struct Kustomization: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.kustomize, version: "v1", resource: "kustomizations", kind: "Kustomization", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["ks"])
    public var apiVersion = Kustomization.apiResource.apiVersion
    public var kind = Kustomization.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: KustomizationSpec
    @ZeroValued public var status: KustomizationStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: KustomizationSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
