/// A release storage backend (`pkg/storage/driver.Driver`). Keys are `sh.helm.release.v1.<name>.v<rev>`.
///
/// Errors: `get`/`delete`/`update` of a missing key throw `.releaseNotFound`; `create` of an
/// existing key throws `.releaseExists`; `query` with no match throws `.releaseNotFound`.
public protocol ReleaseDriver: Sendable {
    /// `Secret` or `ConfigMap` or `Memory`.
    var name: String { get }
    /// One record; its `labels` exclude the system labels.
    func get(_ key: String) async throws(HelmActionsError) -> Release
    /// Every record of the namespace matching `filter`; labels complete.
    func list(_ filter: @Sendable (Release) -> Bool) async throws(HelmActionsError) -> [Release]
    /// Records whose labels match all of `labels`; labels complete.
    func query(_ labels: [String: String]) async throws(HelmActionsError) -> [Release]
    func create(_ key: String, _ release: Release) async throws(HelmActionsError)
    func update(_ key: String, _ release: Release) async throws(HelmActionsError)
    func delete(_ key: String) async throws(HelmActionsError) -> Release
}

/// Storage keys and system labels (`pkg/storage/driver/util.go`, `labels.go`).
public enum ReleaseKey {
    /// `sh.helm.release.v1.<name>.v<version>`.
    public static func make(name: String, version: Int) -> String { "sh.helm.release.v1.\(name).v\(version)" }

    /// Labels the driver owns; user release labels may not use them.
    public static let systemLabels = ["name", "owner", "status", "version", "createdAt", "modifiedAt"]
    /// Helm's error for user labels that use a system label name (Helm's spelling, Go's `%+v`).
    public static let systemLabelsMessage =
        "user suplied labels contains system reserved label name. System labels: [\(systemLabels.joined(separator: " "))]"

    /// Whether `labels` uses a reserved name.
    public static func containsSystemLabels(_ labels: [String: String]) -> Bool {
        labels.keys.contains { systemLabels.contains($0) }
    }

    /// `labels` without the system labels.
    public static func filterSystemLabels(_ labels: [String: String]) -> [String: String] {
        labels.filter { !systemLabels.contains($0.key) }
    }
}
