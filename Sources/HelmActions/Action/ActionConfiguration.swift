import GoCompat
import KubeClient
import StructuredData

/// What every action needs (`action.Configuration`): the cluster, release storage, and poll
/// intervals (Helm's 2 s wait poll by default; tests may shorten them).
public struct ActionConfiguration: Sendable {
    public var kube: KubeOps
    public var storage: ReleaseStorage
    public var waitInterval: Duration
    public var hookInterval: Duration
    /// The cluster's `.Capabilities`, read once and shared by copies of this configuration.
    public var capabilitiesCache = CapabilitiesCache()

    public init(kube: KubeOps, storage: ReleaseStorage, waitInterval: Duration = .seconds(2), hookInterval: Duration = .milliseconds(250)) {
        self.kube = kube
        self.storage = storage
        self.waitInterval = waitInterval
        self.hookInterval = hookInterval
    }

    /// Helm's debug log, shared with the kube client.
    public var log: HelmLog {
        get { kube.log }
        set { kube.log = newValue }
    }

    /// A configuration with the Secret driver in `namespace`, optionally observed.
    public init(client: KubeClient, namespace: String, observer: (@Sendable (Release) async -> Void)? = nil) {
        var driver: any ReleaseDriver = SecretDriver(client: client, namespace: namespace)
        if let observer { driver = ObservingDriver(driver, observe: observer) }
        self.init(kube: KubeOps(client: client, namespace: namespace), storage: ReleaseStorage(driver: driver))
    }

    /// Persists an update, ignoring failures as Helm's `recordRelease` does (it only logs them).
    func record(_ release: Release) async {
        try? await storage.update(release)
    }
}

/// A rendered chart, the narrow input of install and upgrade: the post-rendered manifest (kind
/// sorted, `# Source:` comments), hooks, NOTES, the chart as stored, and the CRDs of `crds/`.
public struct RenderedChart: Sendable {
    public var chart: ChartRecord
    public var manifest: String
    public var hooks: [Hook]
    public var notes: String
    /// CRD documents from `crds/`, applied by install/upgrade according to `CRDPolicy`.
    public var crds: [String]

    public init(chart: ChartRecord, manifest: String, hooks: [Hook] = [], notes: String = "", crds: [String] = []) {
        self.chart = chart
        self.manifest = manifest
        self.hooks = hooks
        self.notes = notes
        self.crds = crds
    }
}

/// helm-controller's CRD policy (`spec.install.crds` / `spec.upgrade.crds`).
public enum CRDPolicy: String, Sendable, CaseIterable {
    case skip = "Skip"
    case create = "Create"
    case createReplace = "CreateReplace"
}

/// Wait settings shared by the actions.
public struct WaitOptions: Sendable {
    public var wait: Bool
    public var waitForJobs: Bool
    public var timeout: GoDuration

    public init(wait: Bool = false, waitForJobs: Bool = false, timeout: GoDuration = GoDuration(nanoseconds: 300_000_000_000)) {
        self.wait = wait
        self.waitForJobs = waitForJobs
        self.timeout = timeout
    }
}
