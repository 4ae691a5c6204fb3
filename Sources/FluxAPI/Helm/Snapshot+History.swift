/// `Snapshots` (`status.history`), newest first.
public typealias Snapshots = [Snapshot]

extension Snapshot {
    /// Helm release statuses the history logic looks for.
    public static let statusDeployed = "deployed"
    public static let statusSuperseded = "superseded"
    /// A test hook phase.
    public static let testPhaseFailed = "Failed"

    /// `FullReleaseName()`: `<namespace>/<name>.v<version>`.
    public var fullReleaseName: String { "\(namespace)/\(name).v\(version)" }

    /// `VersionedChartName()`: `<chartName>@<chartVersion>`.
    public var versionedChartName: String { "\(chartName)@\(chartVersion)" }

    /// `HasBeenTested()`: test hooks are recorded (an empty map means tested, with no tests).
    public var hasBeenTested: Bool { testHooks != nil }

    /// `HasTestInPhase(phase)`: some recorded test hook is in `phase`.
    public func hasTestInPhase(_ phase: String) -> Bool {
        testHooks?.values.contains { $0.phase == phase } ?? false
    }

    /// `Targets(name, namespace, version)`.
    public func targets(name: String, namespace: String, version: Int) -> Bool {
        self.name == name && self.namespace == namespace && self.version == version
    }

    /// Deployed or superseded, and (unless `ignoreTests`) without a failed test.
    func isPreviousCandidate(ignoreTests: Bool) -> Bool {
        (status == Self.statusDeployed || status == Self.statusSuperseded)
            && (ignoreTests || !hasTestInPhase(Self.testPhaseFailed))
    }
}

extension Array where Element == Snapshot {
    /// `SortByVersion()`: newest (highest version) first; equal versions keep their order.
    public mutating func sortByVersion() {
        self = enumerated().sorted { a, b in
            a.element.version != b.element.version ? a.element.version > b.element.version : a.offset < b.offset
        }.map(\.element)
    }

    /// `Latest()`: the snapshot with the highest version.
    public var latest: Snapshot? {
        var sorted = self
        sorted.sortByVersion()
        return sorted.first
    }

    /// `Previous(ignoreTests)`: after the latest, the newest snapshot that is deployed or superseded
    /// and (unless `ignoreTests`) has no failed test; nil with fewer than two snapshots.
    public func previous(ignoreTests: Bool) -> Snapshot? {
        guard count >= 2 else { return nil }
        var sorted = self
        sorted.sortByVersion()
        return sorted.dropFirst().first { $0.isPreviousCandidate(ignoreTests: ignoreTests) }
    }

    /// `Truncate(ignoreTests)`: sorts, then keeps everything up to and including `previous`; when
    /// there is none, keeps the newest `HelmRelease.defaultMaxHistory`.
    public mutating func truncate(ignoreTests: Bool) {
        guard count >= 2 else { return }
        sortByVersion()
        if let index = indices.dropFirst().first(where: { self[$0].isPreviousCandidate(ignoreTests: ignoreTests) }) {
            removeSubrange((index + 1)...)
            return
        }
        if count > HelmRelease.defaultMaxHistory { removeSubrange(HelmRelease.defaultMaxHistory...) }
    }
}
