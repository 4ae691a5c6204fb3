/// Helm's test action (`pkg/action/release_testing.go`): runs the `test` hooks of the last
/// revision, filtered by name, and records each hook's `last_run` in the release, also on failure.
public struct ReleaseTesting: Sendable {
    public var releaseName: String
    public var timeout = WaitOptions()
    /// Only these hook names (when non-empty).
    public var include: [String] = []
    /// Not these hook names.
    public var exclude: [String] = []

    public init(releaseName: String) { self.releaseName = releaseName }

    @discardableResult
    public func run(_ config: ActionConfiguration) async throws(HelmActionsError) -> Release {
        try ReleaseName.validate(releaseName)
        var release = try await config.storage.last(releaseName)
        var skipped: [Hook] = []
        if !exclude.isEmpty {
            skipped += release.hooks.filter { exclude.contains($0.name) }
            release.hooks = release.hooks.filter { !exclude.contains($0.name) }
        }
        if !include.isEmpty {
            skipped += release.hooks.filter { !include.contains($0.name) }
            release.hooks = release.hooks.filter { include.contains($0.name) }
        }
        do {
            try await config.execHooks(&release, .test, timeout: timeout)
        } catch {
            release.hooks = skipped + release.hooks
            try? await config.storage.update(release)
            throw error
        }
        release.hooks = skipped + release.hooks
        try await config.storage.update(release)
        return release
    }
}
