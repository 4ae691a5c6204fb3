import Foundation

/// The artifact store of source-controller (`internal/controller/storage.go`): files live at
/// `<basePath>/<kind-lowercase>/<namespace>/<name>/<file>`, are written atomically (temp file
/// then rename) under a sibling `<file>.lock`, carry a digest computed while writing, and are
/// served at `http://<hostname>/<path>`.
///
/// Artifacts are addressed by their storage-relative `path` (the `status.artifact.path` of the
/// Flux API), so mapping to and from `Artifact` is a field copy. All file-system work runs on
/// NIO's thread pool, never on the cooperative pool.
public struct Storage: Sendable {
    /// Absolute root of the store (`--storage-path`).
    public let basePath: String
    /// Advertised host (and port) of the file server (`--storage-adv-addr`), used in URLs.
    public var hostname: String
    /// How long non-current artifacts survive garbage collection (`--artifact-retention-ttl`).
    public var retentionTTL: Duration
    /// How many artifacts garbage collection keeps at most (`--artifact-retention-records`).
    public var retentionRecords: Int
    /// The digest written into `StoredArtifact.digest` (`--artifact-digest-algo`).
    public var digestAlgorithm: DigestAlgorithm

    /// - Throws: `.invalidPath` "invalid dir path: <path>" when `basePath` is not an existing
    ///   directory (source-controller's `NewStorage`).
    public init(basePath: String, hostname: String, retentionTTL: Duration = .seconds(60), retentionRecords: Int = 2,
                digestAlgorithm: DigestAlgorithm = .canonical) throws(ArtifactStorageError) {
        guard let info = try? POSIXFile.info(basePath, follow: true), info.isDirectory else {
            throw ArtifactStorageError(.invalidPath, "invalid dir path: \(basePath)")
        }
        self.basePath = basePath
        self.hostname = hostname
        self.retentionTTL = retentionTTL
        self.retentionRecords = retentionRecords
        self.digestAlgorithm = digestAlgorithm
    }

    /// `<kind-lowercase>/<namespace>/<name>/<fileName>` (`v1.ArtifactPath`).
    public static func artifactPath(kind: String, namespace: String, name: String, fileName: String) -> String {
        "\(kind.lowercased())/\(namespace)/\(name)/\(fileName)"
    }

    /// The artifact URL for `path`: `http://<hostname>/<path>`, or `<hostname>/<path>` when the
    /// hostname already carries an `http://`/`https://` scheme (`Storage.SetArtifactURL`).
    /// Empty for an empty path.
    public func url(forPath path: String) -> String {
        guard !path.isEmpty else { return "" }
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if hostname.hasPrefix("http://") || hostname.hasPrefix("https://") { return "\(hostname)/\(trimmed)" }
        return "http://\(hostname)/\(trimmed)"
    }

    /// `url` with its host replaced by this storage's hostname (`Storage.SetHostname`); empty
    /// when `url` does not parse.
    public func replacingHost(of url: String) -> String {
        guard var components = URLComponents(string: url) else { return "" }
        let parts = hostname.split(separator: ":", maxSplits: 1)
        components.host = parts.first.map(String.init) ?? ""
        components.port = parts.count > 1 ? Int(parts[1]) : nil
        return components.string ?? ""
    }

    /// The absolute local path of `path`, resolved inside `basePath` the way
    /// `securejoin.SecureJoin` resolves it (`..` cannot climb above the root); nil for an
    /// empty path.
    public func localPath(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        let root = basePath.hasSuffix("/") && basePath.count > 1 ? String(basePath.dropLast()) : basePath
        return parts.isEmpty ? root : root + "/" + parts.joined(separator: "/")
    }

    func requireLocalPath(_ path: String) throws(ArtifactStorageError) -> String {
        guard let local = localPath(path) else { throw ArtifactStorageError(.invalidPath, "artifact path is empty") }
        return local
    }
}

/// What a write into the storage produced: the values `status.artifact` takes.
public struct StoredArtifact: Sendable, Equatable {
    /// Storage-relative path.
    public var path: String
    /// `<algorithm>:<hex>` of the stored file.
    public var digest: String
    /// Size of the stored file in bytes.
    public var size: Int64
    /// When the write finished.
    public var lastUpdateTime: Date

    public init(path: String, digest: String, size: Int64, lastUpdateTime: Date) {
        self.path = path
        self.digest = digest
        self.size = size
        self.lastUpdateTime = lastUpdateTime
    }
}
