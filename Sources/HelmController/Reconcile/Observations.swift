import Foundation
import Crypto
import FluxAPI
import GoCompat
import HelmActions
import StructuredData

/// The digest algorithm of snapshot digests (`--snapshot-digest-algo`; sha256 by default).
public enum SnapshotDigestAlgorithm: String, Sendable, CaseIterable {
    case sha256, sha384, sha512

    /// `<algo>:<hex>` of `bytes`.
    func digest(_ bytes: [UInt8]) -> String {
        let hex: String
        switch self {
        case .sha256: hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        case .sha384: hex = SHA384.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        case .sha512: hex = SHA512.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        }
        return "\(rawValue):\(hex)"
    }

    /// The algorithm of a digest string, nil when unsupported or malformed.
    init?(digest: String) {
        guard let colon = digest.firstIndex(of: ":"), let algo = Self(rawValue: String(digest[..<colon])) else { return nil }
        self = algo
    }
}

/// Snapshots of observed releases (`internal/release.ObservedToSnapshot`, `TestHooksFromRelease`).
enum Snapshots {
    static func snapshot(_ observation: ReleaseObservation, algorithm: SnapshotDigestAlgorithm) -> Snapshot {
        let info = observation.info
        var snap = Snapshot(
            digest: algorithm.digest(observation.json.serializedBytes(.compact) + [0x0A]),
            name: observation.name, namespace: observation.namespace, version: observation.version,
            status: info?.status.rawValue ?? "",
            chartName: observation.chartMetadata["name"]?.stringValue ?? "",
            chartVersion: observation.chartMetadata["version"]?.stringValue ?? "",
            configDigest: HelmDigest.values(observation.config),
            firstDeployed: time(info?.firstDeployed) ?? "", lastDeployed: time(info?.lastDeployed) ?? "")
        snap.deleted = time(info?.deleted)
        return snap
    }

    /// `metav1.NewTime(t)` as stored: RFC 3339 seconds in UTC; nil for the zero time.
    static func time(_ t: HelmTime?) -> String? {
        guard let instant = t?.instant else { return nil }
        return GoTime(unixSeconds: instant.unixSeconds).rfc3339
    }

    /// The test hooks of a release with their last run (`TestHooksFromRelease`).
    static func testHooks(_ release: Release) -> [String: TestHookStatus] {
        var hooks: [String: TestHookStatus] = [:]
        for hook in release.hooks where hook.events.contains("test") {
            var status = TestHookStatus()
            status.lastStarted = time(hook.lastRun.startedAt)
            status.lastCompleted = time(hook.lastRun.completedAt)
            status.phase = hook.lastRun.phase.rawValue.isEmpty ? nil : hook.lastRun.phase.rawValue
            hooks[hook.name] = status
        }
        return hooks
    }

    /// Whether the release's observation matches `snapshot.digest` (`VerifyReleaseObject`).
    static func verify(_ snapshot: Snapshot, _ release: Release) -> VerifyResult {
        guard let algorithm = SnapshotDigestAlgorithm(digest: snapshot.digest) else { return .digestError }
        let observed = algorithm.digest(ReleaseObservation(release).json.serializedBytes(.compact) + [0x0A])
        return observed == snapshot.digest ? .verified : .notObserved
    }

    enum VerifyResult {
        case verified
        /// `release digest verification error`
        case digestError
        /// `release not observed to be made for object`
        case notObserved
    }
}

/// Releases persisted during one action, by version (`observedReleases`): filled by the storage
/// observer while the action runs, recorded on the object afterwards.
final class ObservedReleases: @unchecked Sendable {
    private let lock = NSLock()
    private var byVersion: [Int: (ReleaseObservation, Release)] = [:]

    var observer: @Sendable (Release) async -> Void {
        { [self] release in self.add(release) }
    }

    func add(_ release: Release) {
        let observation = ReleaseObservation(release)
        lock.withLock { byVersion[observation.version] = (observation, release) }
    }

    var isEmpty: Bool { lock.withLock { byVersion.isEmpty } }
    var count: Int { lock.withLock { byVersion.count } }

    /// Every persisted release, in write order of versions (newest last).
    var releases: [Release] { lock.withLock { byVersion.keys.sorted().compactMap { byVersion[$0]?.1 } } }

    /// `recordOnObject`: the newest observation is prepended to the history; older ones that were
    /// touched replace their snapshot (keeping its test hooks). As upstream, only the first older
    /// match is refreshed.
    func record(on object: inout HelmRelease, algorithm: SnapshotDigestAlgorithm) {
        let observations = lock.withLock { byVersion }
        let versions = observations.keys.sorted(by: >)
        guard let newest = versions.first, let top = observations[newest]?.0 else { return }
        var history = object.status.history ?? []
        history.insert(Snapshots.snapshot(top, algorithm: algorithm), at: 0)
        outer: for version in versions.dropFirst() {
            guard let o = observations[version]?.0 else { continue }
            for i in history.indices where history[i].targets(name: o.name, namespace: o.namespace, version: o.version) {
                var snap = Snapshots.snapshot(o, algorithm: algorithm)
                snap.testHooks = history[i].testHooks
                history[i] = snap
                break outer
            }
        }
        object.status.history = history
    }
}


