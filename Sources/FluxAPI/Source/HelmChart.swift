import KubeModel
import StructuredData

/// `source.toolkit.fluxcd.io/v1beta2 HelmChart` (storage version).
public struct HelmChart: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.source, version: "v1beta2", resource: "helmcharts", kind: "HelmChart", namespaced: true,
        verbs: FluxGroups.customResourceVerbs, shortNames: ["hc"])
    public var apiVersion = HelmChart.apiResource.apiVersion
    public var kind = HelmChart.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: HelmChartSpec
    @ZeroValued public var status: HelmChartStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: HelmChartSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
