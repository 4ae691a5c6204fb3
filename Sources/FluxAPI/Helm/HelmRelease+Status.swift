import KubeModel
import StructuredData

/// `HelmRelease.status` (helm.toolkit.fluxcd.io/v2beta2).
public struct HelmReleaseStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
    public var observedGeneration: Int64?
    public var lastAttemptedGeneration: Int64?
    public var conditions: [Condition]?
    public var helmChart: String?
    public var storageNamespace: String?
    public var history: [Snapshot]?
    public var lastAttemptedReleaseAction: ReleaseAction?
    public var failures: Int64?
    public var installFailures: Int64?
    public var upgradeFailures: Int64?
    public var lastAppliedRevision: String?
    public var lastAttemptedRevision: String?
    public var lastAttemptedValuesChecksum: String?
    public var lastReleaseRevision: Int?
    public var lastAttemptedConfigDigest: String?
    public var lastHandledForceAt: String?
    public var lastHandledResetAt: String?
    public var lastHandledReconcileAt: String?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.status.lastAttemptedReleaseAction`: `install`, `upgrade`.
public enum ReleaseAction: String, FluxEnum {
    case install = "install"
    case upgrade = "upgrade"
}

/// `HelmRelease.status.history[]` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct Snapshot: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var digest: String
    public var name: String
    public var namespace: String
    public var version: Int
    public var status: String
    public var chartName: String
    public var chartVersion: String
    public var configDigest: String
    public var firstDeployed: String
    public var lastDeployed: String
    public var deleted: String?
    public var testHooks: [String: TestHookStatus]?
    public var unknownFields = UnknownFields()

    public init(digest: String, name: String, namespace: String, version: Int, status: String, chartName: String, chartVersion: String, configDigest: String, firstDeployed: String, lastDeployed: String) {
        self.digest = digest
        self.name = name
        self.namespace = namespace
        self.version = version
        self.status = status
        self.chartName = chartName
        self.chartVersion = chartVersion
        self.configDigest = configDigest
        self.firstDeployed = firstDeployed
        self.lastDeployed = lastDeployed
    }
}

/// `HelmRelease.status.history[].testHooks{}` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct TestHookStatus: Codable, Sendable, Hashable {
    public var lastStarted: String?
    public var lastCompleted: String?
    public var phase: String?
    public var unknownFields = UnknownFields()

    public init() {}
}
