import KubeModel
import StructuredData

/// `helm.toolkit.fluxcd.io/v2beta2 HelmRelease` (storage version).
public struct HelmRelease: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.helm, version: "v2beta2", resource: "helmreleases", kind: "HelmRelease", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["hr"])
    public var apiVersion = HelmRelease.apiResource.apiVersion
    public var kind = HelmRelease.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: HelmReleaseSpec
    @ZeroValued public var status: HelmReleaseStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: HelmReleaseSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
