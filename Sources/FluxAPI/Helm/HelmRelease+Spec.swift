import KubeModel
import StructuredData

/// `HelmRelease.spec` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmReleaseSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var chart: HelmChartTemplate
    public var interval: String
    public var kubeConfig: KubeConfigReference?
    public var suspend: Bool?
    public var releaseName: String?
    public var targetNamespace: String?
    public var storageNamespace: String?
    public var dependsOn: [NamespacedObjectReference]?
    public var timeout: String?
    public var maxHistory: Int?
    public var serviceAccountName: String?
    public var persistentClient: Bool?
    public var driftDetection: DriftDetection?
    public var install: Install?
    public var upgrade: Upgrade?
    public var test: Test?
    public var rollback: Rollback?
    public var uninstall: Uninstall?
    public var valuesFrom: [ValuesReference]?
    public var values: JSONValue?
    public var postRenderers: [PostRenderer]?
    public var unknownFields = UnknownFields()

    public init(chart: HelmChartTemplate, interval: String) {
        self.chart = chart
        self.interval = interval
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        chart = HelmChartTemplate()
        interval = ""
    }
}

/// `HelmRelease.spec.driftDetection` (helm.toolkit.fluxcd.io/v2beta2).
public struct DriftDetection: Codable, Sendable, Hashable {
    public var mode: DriftDetectionMode?
    public var ignore: [IgnoreRule]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.driftDetection.mode`: `enabled`, `warn`, `disabled`.
public enum DriftDetectionMode: String, FluxEnum {
    case enabled = "enabled"
    case warn = "warn"
    case disabled = "disabled"
}

/// `HelmRelease.spec.driftDetection.ignore[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct IgnoreRule: Codable, Sendable, Hashable {
    public var paths: [String]
    public var target: Selector?
    public var unknownFields = UnknownFields()

    public init(paths: [String]) {
        self.paths = paths
    }
}

/// `HelmRelease.spec.valuesFrom[]` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct ValuesReference: Codable, Sendable, Hashable {
    public var kind: ConfigObjectKind
    public var name: String
    public var valuesKey: String?
    public var targetPath: String?
    public var optional: Bool?
    public var unknownFields = UnknownFields()

    public init(kind: ConfigObjectKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// `HelmRelease.spec.postRenderers[]` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct PostRenderer: Codable, Sendable, Hashable {
    public var kustomize: Kustomize?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.postRenderers[].kustomize` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct Kustomize: Codable, Sendable, Hashable {
    public var patches: [Patch]?
    public var patchesStrategicMerge: [JSONValue]?
    public var patchesJson6902: [JSON6902Patch]?
    public var images: [Image]?
    public var unknownFields = UnknownFields()

    public init() {}
}
