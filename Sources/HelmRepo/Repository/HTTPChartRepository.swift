import ArtifactStorage
import Foundation

/// Something a chart can be resolved in, downloaded from and verified against
/// (source-controller's `repository.Downloader`).
public protocol ChartDownloader: Sendable {
    /// The entry for `name` at `version` (a semver range; empty or `*` for the latest stable).
    /// `.reference` errors mean the chart or version does not exist (`ErrReference`); other
    /// errors are external (`ErrExternal`).
    func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion
    /// Verifies the chart's signature; throws when unverified.
    func verify(_ chart: ChartVersion) async throws(HelmRepoError)
    /// The chart archive, at most `maxSize` bytes.
    func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8]
}

/// A Helm HTTP(S) repository (`repository.ChartRepository`): its index and charts.
public struct HTTPChartRepository: ChartDownloader {
    /// The normalised URL, with a trailing `/`.
    public let url: String
    public let getter: HelmGetter
    /// The loaded index, when known (from storage or the cache).
    public var index: IndexFile?

    /// - Throws: `.invalidURL` when `url` does not parse or is not http(s) (Helm's
    ///   `scheme "<s>" not supported`).
    public init(url: String, getter: HelmGetter, index: IndexFile? = nil) throws(HelmRepoError) {
        let normalized = try Self.normalizeURL(url)
        guard let scheme = URLComponents(string: normalized)?.scheme, scheme == "http" || scheme == "https" else {
            let scheme = URLComponents(string: normalized)?.scheme ?? ""
            throw HelmRepoError(.invalidURL, "scheme \"\(scheme)\" not supported")
        }
        self.url = normalized
        self.getter = getter
        self.index = index
    }

    /// source-controller's `NormalizeURL`: `oci://` URLs lose trailing slashes, others get
    /// exactly one; empty stays empty.
    public static func normalizeURL(_ url: String) throws(HelmRepoError) -> String {
        guard !url.isEmpty else { return "" }
        guard var components = URLComponents(string: url) else {
            throw HelmRepoError(.invalidURL, "parse \"\(url)\": invalid URL")
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        components.percentEncodedPath = components.scheme == "oci" ? path : path + "/"
        return components.string ?? url
    }

    /// The index URL: the repository URL with `index.yaml` joined to its path.
    public var indexURL: String {
        guard var components = URLComponents(string: url) else { return url + "index.yaml" }
        components.percentEncodedPath = components.percentEncodedPath + "index.yaml"
        return components.string ?? url + "index.yaml"
    }

    /// Downloads the index (`CacheIndex`), keeping at most `maxSize` bytes
    /// (`--helm-index-max-size`).
    /// - Throws: `.fetch` "failed to cache index to temporary file: <getter error>".
    public func fetchIndex(maxSize: Int) async throws(HelmRepoError) -> IndexDownload {
        do {
            let (bytes, truncated) = try await getter.get(indexURL, maxSize: maxSize)
            return IndexDownload(url: indexURL, bytes: bytes, exceedsLimit: truncated, maxSize: maxSize)
        } catch {
            throw HelmRepoError(error.kind, "failed to cache index to temporary file: \(error.message)")
        }
    }

    public func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion {
        guard let index else { throw HelmRepoError(.reference, "no chart index") }
        return try VersionResolution.chartVersion(in: index, name: name, version: version)
    }

    /// HTTP repositories are not verified (`VerifyChart` is a no-op error upstream).
    public func verify(_ chart: ChartVersion) async throws(HelmRepoError) {
        throw HelmRepoError(.fetch, "not implemented")
    }

    /// Downloads the chart from its first URL, resolved against the repository URL
    /// (`DownloadChart`, `repo.ResolveReferenceURL`).
    /// - Throws: "chart '<name>' has no downloadable URLs", the getter's errors, or `.sizeLimit`
    ///   "size of chart '<name>-<version>.tgz' exceeds '<limit>' bytes limit".
    public func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8] {
        guard let first = chart.urls?.first else {
            throw HelmRepoError(.fetch, "chart '\(chart.name)' has no downloadable URLs")
        }
        let resolved = try Self.resolveReferenceURL(base: url, reference: first)
        let (bytes, truncated) = try await getter.get(resolved, maxSize: maxSize)
        if truncated {
            throw HelmRepoError(.sizeLimit, "size of chart '\(chart.name)-\(chart.version).tgz' exceeds '\(maxSize)' bytes limit")
        }
        return bytes
    }

    /// Helm's `ResolveReferenceURL`: absolute references as they are; relative ones resolved
    /// against the base (with a trailing slash), keeping the base's query.
    public static func resolveReferenceURL(base: String, reference: String) throws(HelmRepoError) -> String {
        guard let ref = URLComponents(string: reference) else {
            throw HelmRepoError(.invalidURL, "failed to parse \(reference) as URL: invalid URL")
        }
        if ref.scheme != nil { return reference }
        guard var baseComponents = URLComponents(string: base) else {
            throw HelmRepoError(.invalidURL, "failed to parse \(base) as URL: invalid URL")
        }
        var path = baseComponents.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        baseComponents.percentEncodedPath = path + "/"
        let query = baseComponents.percentEncodedQuery
        baseComponents.percentEncodedQuery = nil
        guard let baseURL = baseComponents.url, let resolved = URL(string: reference, relativeTo: baseURL)?.absoluteURL,
              var out = URLComponents(url: resolved, resolvingAgainstBaseURL: false) else {
            throw HelmRepoError(.invalidURL, "failed to parse \(reference) as URL: invalid URL")
        }
        out.percentEncodedQuery = query
        return out.string ?? resolved.absoluteString
    }
}

/// A downloaded index (`CacheIndex` + `LoadFromPath` + `Digest`), held in memory up to the
/// size limit.
public struct IndexDownload: Sendable {
    public let url: String
    /// The first `maxSize` bytes of the index.
    public let bytes: [UInt8]
    /// Whether the index was larger than `maxSize`.
    public let exceedsLimit: Bool
    public let maxSize: Int

    public init(url: String, bytes: [UInt8], exceedsLimit: Bool, maxSize: Int) {
        self.url = url
        self.bytes = bytes
        self.exceedsLimit = exceedsLimit
        self.maxSize = maxSize
    }

    /// The revision `<algo>:<hex>` of the index: the digest of (at most `maxSize` of) its
    /// bytes, as `ChartRepository.Digest` computes it through a limited reader.
    public func revision(_ algorithm: DigestAlgorithm = .sha256) -> String { algorithm.digest(bytes).description }

    /// Parses the index (`LoadFromPath`).
    /// - Throws: `.index` "failed to load index: <url> exceeds the maximum index file size of
    ///   <n> bytes", or "failed to load index: <parse error>".
    public func load() throws(HelmRepoError) -> IndexFile {
        if exceedsLimit {
            throw HelmRepoError(.sizeLimit, "failed to load index: \(url) exceeds the maximum index file size of \(maxSize) bytes")
        }
        do { return try IndexFile(bytes: bytes) } catch {
            throw HelmRepoError(.index, "failed to load index: \(error.message)")
        }
    }
}
