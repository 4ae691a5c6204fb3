import KubeModel
import StructuredData

/// `HelmChart.spec` (source.toolkit.fluxcd.io/v1beta2).
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
    public var verify: OCIRepositoryVerification?
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

/// `HelmChart.spec.reconcileStrategy`: `ChartVersion`, `Revision`.
public enum ReconcileStrategy: String, FluxEnum {
    case chartVersion = "ChartVersion"
    case revision = "Revision"
}

/// `HelmChart.spec.sourceRef` (source.toolkit.fluxcd.io/v1beta1, v1beta2).
public struct LocalHelmChartSourceReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var apiVersion: String?
    public var kind: HelmChartSourceKind
    public var name: String
    public var unknownFields = UnknownFields()

    public init(kind: HelmChartSourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        kind = HelmChartSourceKind.helmRepository
        name = ""
    }
}

/// `HelmChart.spec.sourceRef.kind`: `HelmRepository`, `GitRepository`, `Bucket`.
public enum HelmChartSourceKind: String, FluxEnum {
    case helmRepository = "HelmRepository"
    case gitRepository = "GitRepository"
    case bucket = "Bucket"
}
