import KubeModel
import StructuredData

extension HelmV2Beta1 {
    /// `helm.toolkit.fluxcd.io/v2beta1 HelmRelease` (served, deprecated).
    public struct HelmRelease: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.helm, version: "v2beta1", resource: "helmreleases", kind: "HelmRelease", namespaced: true,
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

    /// `HelmRelease.spec` (helm.toolkit.fluxcd.io/v2beta1).
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

    /// `HelmRelease.spec.chart` (helm.toolkit.fluxcd.io/v2beta1).
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

    /// `HelmRelease.spec.chart.spec` (helm.toolkit.fluxcd.io/v2beta1).
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

    /// `HelmRelease.spec.test` (helm.toolkit.fluxcd.io/v2beta1).
    public struct Test: Codable, Sendable, Hashable {
        public var enable: Bool?
        public var timeout: String?
        public var ignoreFailures: Bool?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `HelmRelease.status` (helm.toolkit.fluxcd.io/v2beta1).
    public struct HelmReleaseStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var lastHandledReconcileAt: String?
        public var conditions: [Condition]?
        public var lastAppliedRevision: String?
        public var lastAttemptedRevision: String?
        public var lastAttemptedValuesChecksum: String?
        public var lastReleaseRevision: Int?
        public var helmChart: String?
        public var failures: Int64?
        public var installFailures: Int64?
        public var upgradeFailures: Int64?
        public var storageNamespace: String?
        public var history: [Snapshot]?
        public var lastAttemptedGeneration: Int64?
        public var lastAttemptedConfigDigest: String?
        public var lastAttemptedReleaseAction: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
