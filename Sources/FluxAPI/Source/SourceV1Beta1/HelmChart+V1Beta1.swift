import KubeModel
import StructuredData

extension SourceV1Beta1 {
    /// `source.toolkit.fluxcd.io/v1beta1 HelmChart` (served).
    public struct HelmChart: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.source, version: "v1beta1", resource: "helmcharts", kind: "HelmChart", namespaced: true,
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

    /// `HelmChart.spec` (source.toolkit.fluxcd.io/v1beta1).
    public struct HelmChartSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var chart: String
        public var version: String?
        public var sourceRef: LocalHelmChartSourceReference
        public var interval: String
        public var reconcileStrategy: ReconcileStrategy?
        public var valuesFiles: [String]?
        public var valuesFile: String?
        public var suspend: Bool?
        public var accessFrom: AccessFrom?
        public var unknownFields = UnknownFields()

        public init(chart: String, sourceRef: LocalHelmChartSourceReference, interval: String) {
            self.chart = chart
            self.sourceRef = sourceRef
            self.interval = interval
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            chart = ""
            sourceRef = LocalHelmChartSourceReference()
            interval = ""
        }
    }

    /// `HelmChart.status` (source.toolkit.fluxcd.io/v1beta1).
    public struct HelmChartStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var url: String?
        public var artifact: Artifact?
        public var lastHandledReconcileAt: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
