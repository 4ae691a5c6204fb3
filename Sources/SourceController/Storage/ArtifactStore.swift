import ArtifactStorage
import FluxAPI
import Foundation
import GoCompat

/// source-controller's `Storage` seen through the Flux API's `Artifact`: the library
/// `ArtifactStorage.Storage` works on storage-relative paths, this maps them to and from
/// `status.artifact` (`NewArtifactFor`, `SetArtifactURL`, `Copy`, `Symlink`, …).
struct ArtifactStore: Sendable {
    let storage: Storage

    /// `NewArtifactFor`: path `<kind>/<ns>/<name>/<file>`, its URL and the revision.
    func newArtifact(kind: String, namespace: String, name: String, revision: String, fileName: String) -> Artifact {
        var artifact = Artifact(path: Artifact.path(kind: kind, namespace: namespace, name: name, filename: fileName),
                                url: "", revision: revision, lastUpdateTime: "")
        setURL(&artifact)
        return artifact
    }

    /// `SetArtifactURL`: the URL from the path and the advertised host.
    func setURL(_ artifact: inout Artifact) {
        guard !artifact.path.isEmpty else { return }
        artifact.url = storage.url(forPath: artifact.path)
    }

    /// `SetHostname`: `url` with the advertised host.
    func setHostname(_ url: String) -> String { storage.replacingHost(of: url) }

    /// `LocalPath`: the absolute path of the artifact's file ("" for an empty path).
    func localPath(_ artifact: Artifact) -> String { storage.localPath(artifact.path) ?? "" }

    /// `ArtifactExist`: the file exists and is a regular file.
    func exists(_ artifact: Artifact) async -> Bool { await storage.exists(artifact.path) }

    /// `VerifyArtifact`: re-hashes the file and compares with `digest`.
    func verify(_ artifact: Artifact) async throws(ArtifactStorageError) {
        try await storage.verify(artifact.path, digest: artifact.digest ?? "")
    }

    func remove(_ artifact: Artifact) async throws(ArtifactStorageError) { try await storage.remove(artifact.path) }

    func makeDirectory(for artifact: Artifact) async throws(ArtifactStorageError) { try await storage.makeDirectory(for: artifact.path) }

    func lock(_ artifact: Artifact) async throws(ArtifactStorageError) -> ArtifactLock { try await storage.lock(artifact.path) }

    /// `Copy`: writes `bytes` atomically and records digest, size and update time.
    func copy(_ bytes: [UInt8], into artifact: inout Artifact) async throws(ArtifactStorageError) {
        record(try await storage.copy(bytes, to: artifact.path), in: &artifact)
    }

    /// `CopyFromPath`: streams the file at `source` into the artifact's place.
    func copy(fromFile source: String, into artifact: inout Artifact) async throws(ArtifactStorageError) {
        record(try await storage.copy(fromFile: source, to: artifact.path), in: &artifact)
    }

    private func record(_ stored: StoredArtifact, in artifact: inout Artifact) {
        artifact.digest = stored.digest
        artifact.size = stored.size
        let seconds = stored.lastUpdateTime.timeIntervalSince1970
        artifact.lastUpdateTime = GoTime(unixSeconds: Int64(seconds.rounded(.down))).rfc3339
    }

    /// `Symlink`: points `<dir>/<linkName>` at the artifact; returns the link's URL.
    func symlink(_ artifact: Artifact, linkName: String) async throws(ArtifactStorageError) -> String {
        try await storage.symlink(artifact.path, linkName: linkName)
    }

    /// `GarbageCollect` with the 5 s timeout; returns the deleted files.
    func garbageCollect(_ artifact: Artifact) async throws(ArtifactStorageError) -> [String] {
        try await storage.garbageCollect(currentPath: artifact.path, timeout: .seconds(5))
    }

    /// `RemoveAll` of the object's directory; returns it, or nil when it did not exist.
    func removeAll(kind: String, namespace: String, name: String) async throws(ArtifactStorageError) -> String? {
        try await storage.removeAll(Artifact.path(kind: kind, namespace: namespace, name: name, filename: "*"))
    }
}
