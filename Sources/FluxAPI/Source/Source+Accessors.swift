import GoCompat

/// The default `spec.timeout` of GitRepository, HelmRepository, OCIRepository and Bucket.
public enum SourceDefaults {
    public static let timeout = GoDuration.minute
    /// HelmRepository `spec.interval` when unset (OCI HelmRepositories have none).
    public static let helmRepositoryInterval = GoDuration.minute
}

extension GitRepository {
    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
    /// `spec.timeout`, else 60s.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: SourceDefaults.timeout) }
}

extension GitRepositoryInclude {
    /// `GetFromPath()`.
    public var fromPathOrDefault: String { fromPath ?? "" }
    /// `GetToPath()`: `toPath`, else the included repository's name.
    public var toPathOrDefault: String { nonEmpty(toPath) ?? repository.name }
}

extension GitRepositoryVerification {
    /// `GetMode()`: `mode`, else `HEAD`. (The lower-case `head` is accepted and means `HEAD`.)
    public var modeOrDefault: GitVerificationMode {
        switch mode {
        case nil, .headLowercase?: .head
        case let mode?: mode
        }
    }

    /// `VerifyHEAD()`: the mode is `HEAD` or `TagAndHEAD`.
    public var verifiesHEAD: Bool { modeOrDefault == .head || modeOrDefault == .tagAndHead }
    /// `VerifyTag()`: the mode is `Tag` or `TagAndHEAD`.
    public var verifiesTag: Bool { modeOrDefault == .tag || modeOrDefault == .tagAndHead }
}

extension HelmRepository {
    /// `GetRequeueAfter()`: `spec.interval`, else one minute.
    public var requeueAfter: GoDuration {
        let interval = FluxDuration.parse(spec.interval, default: .zero)
        return interval == .zero ? SourceDefaults.helmRepositoryInterval : interval
    }
    /// `GetTimeout()`: `spec.timeout`, else 60s.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: SourceDefaults.timeout) }
    /// `spec.type`, else `default`. OCI HelmRepositories are static (no artifact, no finalizer).
    public var repositoryType: HelmRepositoryType { spec.type ?? .default }
}

extension HelmChart {
    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
    /// `GetValuesFiles()`: the deprecated `spec.valuesFile` (when set) followed by `spec.valuesFiles`.
    public var valuesFiles: [String] {
        (nonEmpty(spec.valuesFile).map { [$0] } ?? []) + (spec.valuesFiles ?? [])
    }
    /// `spec.reconcileStrategy`, else `ChartVersion`.
    public var reconcileStrategy: ReconcileStrategy { spec.reconcileStrategy ?? .chartVersion }
}

extension OCIRepository {
    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
    /// `spec.timeout`, else 60s.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: SourceDefaults.timeout) }
    /// `GetLayerMediaType()`: `spec.layerSelector.mediaType`, else empty (the first layer).
    public var layerMediaType: String { spec.layerSelector?.mediaType ?? "" }
    /// `GetLayerOperation()`: `spec.layerSelector.operation`, else `extract`.
    public var layerOperation: OCILayerOperation { spec.layerSelector?.operation ?? .extract }
}

extension Bucket {
    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }
    /// `spec.timeout`, else 60s.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: SourceDefaults.timeout) }
    /// `spec.provider`, else `generic`.
    public var provider: BucketProvider { spec.provider ?? .generic }
}
