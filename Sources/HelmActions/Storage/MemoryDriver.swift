/// An in-memory driver (`driver.Memory`) for tests and dry runs: same contract as the Secret
/// driver, including the label bookkeeping.
public actor MemoryDriver: ReleaseDriver {
    public nonisolated let name = "Memory"
    private var records: [String: (Release, [String: String])] = [:]

    public init() {}

    public func get(_ key: String) throws(HelmActionsError) -> Release {
        guard let (release, labels) = records[key] else { throw .releaseNotFound }
        var r = release
        r.labels = ReleaseKey.filterSystemLabels(labels)
        return r
    }

    public func list(_ filter: @Sendable (Release) -> Bool) -> [Release] {
        records.keys.sorted().compactMap { key in
            guard let (release, labels) = records[key] else { return nil }
            var r = release
            r.labels = labels
            return filter(r) ? r : nil
        }
    }

    public func query(_ labels: [String: String]) throws(HelmActionsError) -> [Release] {
        let found = list { r in labels.allSatisfy { r.labels[$0.key] == $0.value } }
        if found.isEmpty { throw .releaseNotFound }
        return found
    }

    public func create(_ key: String, _ release: Release) throws(HelmActionsError) {
        guard records[key] == nil else { throw .releaseExists }
        records[key] = (release, SecretDriver.labels(for: release, stamp: "createdAt"))
    }

    public func update(_ key: String, _ release: Release) throws(HelmActionsError) {
        guard records[key] != nil else { throw .releaseNotFound }
        records[key] = (release, SecretDriver.labels(for: release, stamp: "modifiedAt"))
    }

    public func delete(_ key: String) throws(HelmActionsError) -> Release {
        guard let (release, _) = records.removeValue(forKey: key) else { throw .releaseNotFound }
        return release
    }
}
