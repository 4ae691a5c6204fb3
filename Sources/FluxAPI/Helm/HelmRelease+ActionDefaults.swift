import GoCompat

extension Install {
    /// `GetTimeout(default)`: `timeout`, else `fallback` (the release's `timeout`).
    public func timeout(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(timeout, default: fallback) }

    /// `GetRemediation()`: `remediation`, else its zero value.
    public var remediationOrDefault: InstallRemediation { remediation ?? InstallRemediation() }

    /// The CRD policy helm-controller v0.37 applies: `crds`, else `Create` (its
    /// `crdPolicyOrDefault`; the deprecated `skipCRDs` is not read on this code path).
    public var crdsPolicy: CRDsPolicy { crds ?? .create }
}

extension Upgrade {
    /// `GetTimeout(default)`.
    public func timeout(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(timeout, default: fallback) }

    /// `GetRemediation()`: `remediation`, else its zero value.
    public var remediationOrDefault: UpgradeRemediation { remediation ?? UpgradeRemediation() }

    /// The CRD policy helm-controller v0.37 applies on upgrade: `crds`, else `Create` (the API
    /// docs say `Skip`, but the controller's `crdPolicyOrDefault` turns an empty policy into `Create`).
    public var crdsPolicy: CRDsPolicy { crds ?? .create }
}

extension Test {
    /// `GetTimeout(default)`.
    public func timeout(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(timeout, default: fallback) }

    /// `GetFilters()`.
    public var filtersOrEmpty: [Filter] { filters ?? [] }

    /// Whether tests run after install and upgrade (`enable`, default false).
    public var isEnabled: Bool { enable ?? false }
}

extension Rollback {
    /// `GetTimeout(default)`.
    public func timeout(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(timeout, default: fallback) }
}

extension Uninstall {
    /// `GetTimeout(default)`.
    public func timeout(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(timeout, default: fallback) }

    /// `GetDeletionPropagation()`: `deletionPropagation`, else `background`.
    public var deletionPropagationOrDefault: DeletionPropagation { deletionPropagation ?? .background }
}

extension DriftDetection {
    /// `GetMode()`: `mode`, else `disabled`.
    public var modeOrDefault: DriftDetectionMode { mode ?? .disabled }

    /// `MustDetectChanges()`: true for `enabled` and `warn`.
    public var mustDetectChanges: Bool { modeOrDefault != .disabled }
}

extension ValuesReference {
    /// `valuesKey` when unset.
    public static let defaultValuesKey = "values.yaml"

    /// `GetValuesKey()`: `valuesKey`, else `values.yaml`.
    public var valuesKeyOrDefault: String { nonEmpty(valuesKey) ?? Self.defaultValuesKey }
}

extension HelmChartTemplate {
    /// `GetInterval(default)`: `spec.interval`, else `fallback` (the release's interval).
    public func interval(default fallback: GoDuration) -> GoDuration { FluxDuration.parse(spec.interval, default: fallback) }

    /// `GetNamespace(default)`: `spec.sourceRef.namespace`, else `fallback` (the release's namespace).
    public func namespace(default fallback: String) -> String { nonEmpty(spec.sourceRef.namespace) ?? fallback }
}

extension HelmChartTemplateSpec {
    /// `version` when unset: any version.
    public static let defaultVersion = "*"
}
