/// `Remediation`: the install or upgrade remediation settings of the last attempted action.
public enum Remediation: Sendable, Hashable {
    case install(InstallRemediation)
    case upgrade(UpgradeRemediation)

    /// `GetRetries()`: negative means unlimited.
    public var retries: Int {
        switch self {
        case .install(let r): r.retries ?? 0
        case .upgrade(let r): r.retries ?? 0
        }
    }

    /// `MustIgnoreTestFailures(default)`: `ignoreTestFailures`, else `fallback` (`test.ignoreFailures`).
    public func mustIgnoreTestFailures(default fallback: Bool) -> Bool {
        switch self {
        case .install(let r): r.ignoreTestFailures ?? fallback
        case .upgrade(let r): r.ignoreTestFailures ?? fallback
        }
    }

    /// `MustRemediateLastFailure()`: `remediateLastFailure`, else false for install and
    /// `retries > 0` for upgrade.
    public var mustRemediateLastFailure: Bool {
        switch self {
        case .install(let r): r.remediateLastFailure ?? false
        case .upgrade(let r): r.remediateLastFailure ?? ((r.retries ?? 0) > 0)
        }
    }

    /// `GetStrategy()`: always `uninstall` for install; `strategy`, else `rollback`, for upgrade.
    public var strategy: RemediationStrategy {
        switch self {
        case .install: .uninstall
        case .upgrade(let r): r.strategy ?? .rollback
        }
    }

    /// `GetFailureCount(hr)`: `installFailures` or `upgradeFailures`.
    public func failureCount(_ status: HelmReleaseStatus) -> Int64 {
        switch self {
        case .install: status.installFailures ?? 0
        case .upgrade: status.upgradeFailures ?? 0
        }
    }

    /// `IncrementFailureCount(hr)`.
    public func incrementFailureCount(_ status: inout HelmReleaseStatus) {
        switch self {
        case .install: status.installFailures = (status.installFailures ?? 0) + 1
        case .upgrade: status.upgradeFailures = (status.upgradeFailures ?? 0) + 1
        }
    }

    /// `RetriesExhausted(hr)`: with non-negative `retries`, more failures than retries.
    public func retriesExhausted(_ status: HelmReleaseStatus) -> Bool {
        retries >= 0 && failureCount(status) > Int64(retries)
    }
}

extension HelmRelease {
    /// `GetActiveRemediation()`: selected by `status.lastAttemptedReleaseAction`; nil when unset.
    public var activeRemediation: Remediation? {
        switch status.lastAttemptedReleaseAction {
        case .install: .install(install.remediationOrDefault)
        case .upgrade: .upgrade(upgrade.remediationOrDefault)
        case nil: nil
        }
    }
}
