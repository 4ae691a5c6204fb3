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

/// `HelmRelease.spec.chart` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmChartTemplate: Codable, Sendable, Hashable, ZeroInitializable {
    public var metadata: HelmChartTemplateObjectMeta?
    public var spec: HelmChartTemplateSpec
    public var unknownFields = UnknownFields()

    public init(spec: HelmChartTemplateSpec) {
        self.spec = spec
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        spec = HelmChartTemplateSpec()
    }
}

/// `HelmRelease.spec.chart.metadata` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.chart.metadata` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmChartTemplateObjectMeta: Codable, Sendable, Hashable {
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.chart.spec` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmChartTemplateSpec: Codable, Sendable, Hashable, ZeroInitializable {
    public var chart: String
    public var version: String?
    public var sourceRef: HelmChartTemplateSourceReference
    public var interval: String?
    public var reconcileStrategy: ReconcileStrategy?
    public var valuesFiles: [String]?
    public var valuesFile: String?
    public var verify: HelmChartTemplateVerification?
    public var unknownFields = UnknownFields()

    public init(chart: String, sourceRef: HelmChartTemplateSourceReference) {
        self.chart = chart
        self.sourceRef = sourceRef
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        chart = ""
        sourceRef = HelmChartTemplateSourceReference()
    }
}

/// `HelmRelease.spec.chart.spec.sourceRef` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.chart.spec.sourceRef` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmChartTemplateSourceReference: Codable, Sendable, Hashable, ZeroInitializable {
    public var apiVersion: String?
    public var kind: HelmChartSourceKind?
    public var name: String
    public var namespace: String?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        name = ""
    }
}

/// `HelmRelease.spec.chart.spec.verify` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.chart.spec.verify` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmChartTemplateVerification: Codable, Sendable, Hashable {
    public var provider: VerificationProvider
    public var secretRef: LocalObjectReference?
    public var unknownFields = UnknownFields()

    public init(provider: VerificationProvider) {
        self.provider = provider
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

/// `HelmRelease.spec.install` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.install` (helm.toolkit.fluxcd.io/v2beta2).
public struct Install: Codable, Sendable, Hashable {
    public var timeout: String?
    public var remediation: InstallRemediation?
    public var disableWait: Bool?
    public var disableWaitForJobs: Bool?
    public var disableHooks: Bool?
    public var disableOpenAPIValidation: Bool?
    public var replace: Bool?
    public var skipCRDs: Bool?
    public var crds: CRDsPolicy?
    public var createNamespace: Bool?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.install.crds`: `Skip`, `Create`, `CreateReplace`.
public enum CRDsPolicy: String, FluxEnum {
    case skip = "Skip"
    case create = "Create"
    case createReplace = "CreateReplace"
}

/// `HelmRelease.spec.install.remediation` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.install.remediation` (helm.toolkit.fluxcd.io/v2beta2).
public struct InstallRemediation: Codable, Sendable, Hashable {
    public var retries: Int?
    public var ignoreTestFailures: Bool?
    public var remediateLastFailure: Bool?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.upgrade` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.upgrade` (helm.toolkit.fluxcd.io/v2beta2).
public struct Upgrade: Codable, Sendable, Hashable {
    public var timeout: String?
    public var remediation: UpgradeRemediation?
    public var disableWait: Bool?
    public var disableWaitForJobs: Bool?
    public var disableHooks: Bool?
    public var disableOpenAPIValidation: Bool?
    public var force: Bool?
    public var preserveValues: Bool?
    public var cleanupOnFail: Bool?
    public var crds: CRDsPolicy?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.upgrade.remediation` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.upgrade.remediation` (helm.toolkit.fluxcd.io/v2beta2).
public struct UpgradeRemediation: Codable, Sendable, Hashable {
    public var retries: Int?
    public var ignoreTestFailures: Bool?
    public var remediateLastFailure: Bool?
    public var strategy: RemediationStrategy?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.upgrade.remediation.strategy`: `rollback`, `uninstall`.
public enum RemediationStrategy: String, FluxEnum {
    case rollback = "rollback"
    case uninstall = "uninstall"
}

/// `HelmRelease.spec.test` (helm.toolkit.fluxcd.io/v2beta2).
public struct Test: Codable, Sendable, Hashable {
    public var enable: Bool?
    public var timeout: String?
    public var ignoreFailures: Bool?
    public var filters: [Filter]?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.test.filters[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct Filter: Codable, Sendable, Hashable {
    public var name: String
    public var exclude: Bool?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }
}

/// `HelmRelease.spec.rollback` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.rollback` (helm.toolkit.fluxcd.io/v2beta2).
public struct Rollback: Codable, Sendable, Hashable {
    public var timeout: String?
    public var disableWait: Bool?
    public var disableWaitForJobs: Bool?
    public var disableHooks: Bool?
    public var recreate: Bool?
    public var force: Bool?
    public var cleanupOnFail: Bool?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.uninstall` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.uninstall` (helm.toolkit.fluxcd.io/v2beta2).
public struct Uninstall: Codable, Sendable, Hashable {
    public var timeout: String?
    public var disableHooks: Bool?
    public var keepHistory: Bool?
    public var disableWait: Bool?
    public var deletionPropagation: DeletionPropagation?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.uninstall.deletionPropagation`: `background`, `foreground`, `orphan`.
public enum DeletionPropagation: String, FluxEnum {
    case background = "background"
    case foreground = "foreground"
    case orphan = "orphan"
}

/// `HelmRelease.spec.valuesFrom[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.valuesFrom[]` (helm.toolkit.fluxcd.io/v2beta2).
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

/// `HelmRelease.spec.postRenderers[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct PostRenderer: Codable, Sendable, Hashable {
    public var kustomize: Kustomize?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.postRenderers[].kustomize` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize` (helm.toolkit.fluxcd.io/v2beta2).
public struct Kustomize: Codable, Sendable, Hashable {
    public var patches: [Patch]?
    public var patchesStrategicMerge: [JSONValue]?
    public var patchesJson6902: [JSON6902Patch]?
    public var images: [Image]?
    public var unknownFields = UnknownFields()

    public init() {}
}
