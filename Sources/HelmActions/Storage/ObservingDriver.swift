/// A driver wrapper that reports every record actually persisted (helm-controller's
/// `internal/storage.Observer`): `observe` is called after each successful `create` or `update`,
/// never for a failed write, and never for reads or deletes.
public struct ObservingDriver: ReleaseDriver {
    public let base: any ReleaseDriver
    public let observe: @Sendable (Release) async -> Void

    public init(_ base: any ReleaseDriver, observe: @escaping @Sendable (Release) async -> Void) {
        self.base = base
        self.observe = observe
    }

    public var name: String { base.name }

    public func get(_ key: String) async throws(HelmActionsError) -> Release { try await base.get(key) }

    public func list(_ filter: @Sendable (Release) -> Bool) async throws(HelmActionsError) -> [Release] {
        try await base.list(filter)
    }

    public func query(_ labels: [String: String]) async throws(HelmActionsError) -> [Release] {
        try await base.query(labels)
    }

    public func create(_ key: String, _ release: Release) async throws(HelmActionsError) {
        try await base.create(key, release)
        await observe(release)
    }

    public func update(_ key: String, _ release: Release) async throws(HelmActionsError) {
        try await base.update(key, release)
        await observe(release)
    }

    public func delete(_ key: String) async throws(HelmActionsError) -> Release { try await base.delete(key) }
}
