import StructuredData

/// Release information (`release.Info`).
public struct ReleaseInfo: Sendable, Hashable {
    public var firstDeployed: HelmTime
    public var lastDeployed: HelmTime
    public var deleted: HelmTime
    public var description: String
    public var status: ReleaseStatus
    public var notes: String
    /// `resources`, passed through untouched when a record carries it.
    public var resources: JSONValue?

    public init(firstDeployed: HelmTime = .zero, lastDeployed: HelmTime = .zero, deleted: HelmTime = .zero,
                description: String = "", status: ReleaseStatus = .unknown, notes: String = "", resources: JSONValue? = nil) {
        self.firstDeployed = firstDeployed
        self.lastDeployed = lastDeployed
        self.deleted = deleted
        self.description = description
        self.status = status
        self.notes = notes
        self.resources = resources
    }
}

/// A Helm release record (`release.Release`), one per revision.
///
/// `labels` is not part of the JSON (`json:"-"`); the storage driver fills it from the Secret.
/// `config` holds only the user-supplied values.
public struct Release: Sendable, Hashable {
    public var name: String
    public var info: ReleaseInfo?
    public var chart: ChartRecord?
    public var config: JSONValue?
    public var manifest: String
    public var hooks: [Hook]
    public var version: Int
    public var namespace: String
    public var labels: [String: String]

    public init(name: String, namespace: String, version: Int, info: ReleaseInfo? = ReleaseInfo(), chart: ChartRecord? = nil,
                config: JSONValue? = nil, manifest: String = "", hooks: [Hook] = [], labels: [String: String] = [:]) {
        self.name = name
        self.info = info
        self.chart = chart
        self.config = config
        self.manifest = manifest
        self.hooks = hooks
        self.version = version
        self.namespace = namespace
        self.labels = labels
    }

    /// `info.status`, `unknown` when there is no info.
    public var status: ReleaseStatus {
        get { info?.status ?? .unknown }
        set {
            if info == nil { info = ReleaseInfo() }
            info?.status = newValue
        }
    }

    /// Sets status and description together (`Release.SetStatus`).
    public mutating func setStatus(_ status: ReleaseStatus, _ description: String) {
        if info == nil { info = ReleaseInfo() }
        info?.status = status
        info?.description = description
    }
}
