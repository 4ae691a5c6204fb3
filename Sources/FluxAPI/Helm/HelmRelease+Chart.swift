import KubeModel
import StructuredData

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

/// `HelmRelease.spec.chart.metadata` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.chart.spec.sourceRef` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.chart.spec.verify` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct HelmChartTemplateVerification: Codable, Sendable, Hashable {
    public var provider: VerificationProvider
    public var secretRef: LocalObjectReference?
    public var unknownFields = UnknownFields()

    public init(provider: VerificationProvider) {
        self.provider = provider
    }
}
