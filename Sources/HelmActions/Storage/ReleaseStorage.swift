/// Helm's release storage (`pkg/storage/storage.go`) over a driver: history queries and
/// `maxHistory` pruning on create.
public struct ReleaseStorage: Sendable {
    public let driver: any ReleaseDriver
    /// When > 0, `create` first prunes the history to make room (never the latest deployed revision).
    public var maxHistory: Int

    public init(driver: any ReleaseDriver, maxHistory: Int = 0) {
        self.driver = driver
        self.maxHistory = maxHistory
    }

    /// One revision. Throws `.releaseNotFound` when absent.
    public func get(_ name: String, version: Int) async throws(HelmActionsError) -> Release {
        try await driver.get(ReleaseKey.make(name: name, version: version))
    }

    /// Creates a record, pruning first when `maxHistory > 0`.
    public func create(_ release: Release) async throws(HelmActionsError) {
        if maxHistory > 0 {
            do {
                try await removeLeastRecent(release.name, keep: maxHistory - 1)
            } catch HelmActionsError.releaseNotFound {
                // nothing to prune
            }
        }
        try await driver.create(ReleaseKey.make(name: release.name, version: release.version), release)
    }

    /// Updates a record in place.
    public func update(_ release: Release) async throws(HelmActionsError) {
        try await driver.update(ReleaseKey.make(name: release.name, version: release.version), release)
    }

    /// Deletes one revision and returns it.
    @discardableResult
    public func delete(_ name: String, version: Int) async throws(HelmActionsError) -> Release {
        try await driver.delete(ReleaseKey.make(name: name, version: version))
    }

    /// Every record of the namespace.
    public func listReleases() async throws(HelmActionsError) -> [Release] {
        try await driver.list { _ in true }
    }

    /// Every revision of `name`, sorted by revision. Throws `.releaseNotFound` when none.
    public func history(_ name: String) async throws(HelmActionsError) -> [Release] {
        try await driver.query(["name": name, "owner": "helm"]).sorted { $0.version < $1.version }
    }

    /// All deployed revisions, sorted by revision; throws `.noDeployedReleases` when none.
    public func deployedAll(_ name: String) async throws(HelmActionsError) -> [Release] {
        do {
            return try await driver.query(["name": name, "owner": "helm", "status": "deployed"]).sorted { $0.version < $1.version }
        } catch HelmActionsError.releaseNotFound {
            throw .noDeployedReleases(name)
        }
    }

    /// The highest deployed revision.
    public func deployed(_ name: String) async throws(HelmActionsError) -> Release {
        guard let last = try await deployedAll(name).last else { throw .noDeployedReleases(name) }
        return last
    }

    /// The highest revision, whatever its status. Throws `.releaseNotFound` when there is none.
    public func last(_ name: String) async throws(HelmActionsError) -> Release {
        guard let last = try await history(name).last else { throw .message("no revision for release \"\(name)\"") }
        return last
    }

    /// Deletes the oldest revisions until at most `keep` remain, never the latest deployed one
    /// (which then counts towards the removed ones, as in Helm).
    func removeLeastRecent(_ name: String, keep: Int) async throws(HelmActionsError) {
        guard keep >= 0 else { return }
        var history = try await history(name)
        guard history.count > keep else { return }
        var lastDeployed: Release?
        do {
            lastDeployed = try await deployed(name)
        } catch HelmActionsError.noDeployedReleases {
            lastDeployed = nil
        }
        var doomed: [Int] = []
        while history.count > keep {
            let oldest = history.removeFirst()
            if let lastDeployed, oldest.version == lastDeployed.version { continue }
            doomed.append(oldest.version)
        }
        var failures: [String] = []
        for version in doomed {
            do { try await delete(name, version: version) } catch { failures.append(error.description) }
        }
        if !failures.isEmpty {
            throw .message("error(s) deleting old release versions: \(failures.joined(separator: "; "))")
        }
    }
}
