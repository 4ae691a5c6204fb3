import KubeModel
import StructuredData

/// `HelmRelease.spec.install` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.install.remediation` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
public struct InstallRemediation: Codable, Sendable, Hashable {
    public var retries: Int?
    public var ignoreTestFailures: Bool?
    public var remediateLastFailure: Bool?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `HelmRelease.spec.upgrade` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.upgrade.remediation` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.rollback` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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

/// `HelmRelease.spec.uninstall` (helm.toolkit.fluxcd.io/v2beta1, v2beta2).
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
