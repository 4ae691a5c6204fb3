import Crypto
import GoCompat
import KubeModel
import StructuredData

extension HelmRelease {
    /// `spec.timeout` when unset: 5 minutes.
    public static let defaultTimeout = GoDuration.minute * 5
    /// `spec.maxHistory` when unset (v2beta1's default was 10).
    public static let defaultMaxHistory = 5

    /// `GetReleaseName()`: `spec.releaseName`, else `<targetNamespace>-<name>` when
    /// `spec.targetNamespace` is set, else the object's name. Not shortened; see `shortReleaseName`.
    public var releaseName: String {
        if let name = spec.releaseName, !name.isEmpty { return name }
        if let target = spec.targetNamespace, !target.isEmpty { return "\(target)-\(name)" }
        return name
    }

    /// The release name helm-controller uses (`internal/release.ShortenName(GetReleaseName())`):
    /// `releaseName` when it has at most 53 bytes, else its first 40 bytes, `-`, and the first 12
    /// hex digits of its SHA-256.
    public var shortReleaseName: String { Self.shortenReleaseName(releaseName) }

    /// helm-controller's shortening of release names longer than Helm's 53-byte limit.
    public static func shortenReleaseName(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 53 else { return name }
        let digest = SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        return String(decoding: bytes[0..<40], as: UTF8.self) + "-" + digest.prefix(12)
    }

    /// `GetReleaseNamespace()`: `spec.targetNamespace`, else the object's namespace.
    public var releaseNamespace: String { nonEmpty(spec.targetNamespace) ?? namespace }

    /// `GetStorageNamespace()`: `spec.storageNamespace`, else the object's namespace.
    public var storageNamespace: String { nonEmpty(spec.storageNamespace) ?? namespace }

    /// `GetHelmChartName()`: the name of the HelmChart generated from `spec.chart`, `<namespace>-<name>`.
    public var helmChartName: String { "\(namespace)-\(name)" }

    /// `GetTimeout()`: `spec.timeout`, else `defaultTimeout`.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: Self.defaultTimeout) }

    /// `GetMaxHistory()`: `spec.maxHistory`, else `defaultMaxHistory`; `0` means unlimited.
    public var maxHistory: Int { spec.maxHistory ?? Self.defaultMaxHistory }

    /// `UsePersistentClient()`: `spec.persistentClient`, else true.
    public var usesPersistentClient: Bool { spec.persistentClient ?? true }

    /// `GetRequeueAfter()`: `spec.interval` (zero when unparsable).
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }

    /// `GetDependsOn()`.
    public var dependsOn: [NamespacedObjectReference] { spec.dependsOn ?? [] }

    /// `GetValues()`: the inline `spec.values` when it is an object, else empty.
    public var values: JSONObject { spec.values?.objectValue ?? [:] }

    /// `GetInstall()` … `GetUninstall()`, `GetDriftDetection()`: the configuration, or its zero value.
    public var install: Install { spec.install ?? Install() }
    public var upgrade: Upgrade { spec.upgrade ?? Upgrade() }
    public var test: Test { spec.test ?? Test() }
    public var rollback: Rollback { spec.rollback ?? Rollback() }
    public var uninstall: Uninstall { spec.uninstall ?? Uninstall() }
    public var driftDetection: DriftDetection { spec.driftDetection ?? DriftDetection() }
}

extension HelmReleaseStatus {
    /// `GetHelmChart()`: `status.helmChart` (`<namespace>/<name>`) split in two; nil when unset or
    /// without a `/`.
    public var helmChartReference: (namespace: String, name: String)? {
        guard let value = helmChart, let slash = value.firstIndex(of: "/") else { return nil }
        let rest = value[value.index(after: slash)...]
        let name = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return (String(value[..<slash]), String(name))
    }

    /// `ClearHistory()`.
    public mutating func clearHistory() { history = nil }

    /// `ClearFailures()`: resets the three failure counters.
    public mutating func clearFailures() {
        failures = nil
        installFailures = nil
        upgradeFailures = nil
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.isEmpty else { return nil }
    return s
}

extension GoDuration {
    static func * (lhs: GoDuration, rhs: Int64) -> GoDuration { GoDuration(nanoseconds: lhs.nanoseconds * rhs) }
}
