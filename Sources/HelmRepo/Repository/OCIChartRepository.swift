import HelmEngine
import OCIRegistry
import SemVer

/// Checks one chart signature; true when verified, false when this verifier found nothing to
/// accept, throwing on a failed verification (source-controller's `oci.Verifier`).
public typealias ChartSignatureVerifier = @Sendable (_ reference: ImageReference) async throws(HelmRepoError) -> Bool

/// A Helm OCI repository (`repository.OCIChartRepository`): versions from registry tags,
/// charts pulled with Helm's media types.
public struct OCIChartRepository: ChartDownloader {
    /// The normalised `oci://host/path` URL.
    public let url: String
    public let client: RegistryClient
    public var verifiers: [ChartSignatureVerifier]

    public init(url: String, client: RegistryClient, verifiers: [ChartSignatureVerifier] = []) throws(HelmRepoError) {
        self.url = try HTTPChartRepository.normalizeURL(url)
        self.client = client
        self.verifiers = verifiers
    }

    /// A concrete version short-cuts to `<url>/<name>:<version>`; a range is matched against
    /// the registry's tags (Helm's tag listing: `_` read as `+`, non-semver tags dropped).
    /// Every failure is external except "could not locate a version matching provided version
    /// string <v>"… which upstream also reports as external (`ErrExternal`).
    public func chartVersion(name: String, version: String) async throws(HelmRepoError) -> ChartVersion {
        let chartURL = url + "/" + name
        if VersionResolution.parseVersion(version) != nil {
            return Self.entry(name: name, version: version, url: chartURL)
        }
        let tags: [String]
        do { tags = try await helmTags(chartURL) } catch {
            throw HelmRepoError(.fetch, "could not get tags for \"\(name)\": \(error.message)")
        }
        guard !tags.isEmpty else {
            throw HelmRepoError(.fetch, "unable to locate any tags in provided repository: \(name)")
        }
        let tag: String
        do { tag = try VersionResolution.matchingTag(in: tags, version: version) } catch {
            throw HelmRepoError(.fetch, error.message)
        }
        return Self.entry(name: name, version: tag, url: chartURL)
    }

    static func entry(name: String, version: String, url: String) -> ChartVersion {
        var metadata = ChartMetadata()
        metadata.name = name
        metadata.version = version
        return ChartVersion(metadata: metadata, urls: ["\(url):\(version)"])
    }

    /// Helm's `registry.Client.Tags`: semver tags (with `_` read as `+`), highest first.
    func helmTags(_ chartURL: String) async throws(HelmRepoError) -> [String] {
        let ref: ImageReference
        do { ref = try ImageReference(parsing: chartURL) } catch {
            throw HelmRepoError(.invalidURL, "could not fetch tags for \"\(chartURL)\": \(error.message)")
        }
        let raw: [String]
        do { raw = try await client.tags(ref) } catch {
            throw HelmRepoError(error.isUnauthorized ? .authentication : .fetch, "could not fetch tags for \"\(chartURL)\": \(error.message)")
        }
        let versions = raw.compactMap { try? Version.strict(ImageReference.helmVersion(forTag: $0)) }
        guard !versions.isEmpty else {
            throw HelmRepoError(.fetch, "unable to locate any tags in provided repository: \(chartURL)")
        }
        return versions.sorted { $1 < $0 }.map(\.description)
    }

    /// Pulls the chart named by the entry's first URL.
    /// - Throws: "failed to get '<url>': <registry error>".
    public func download(_ chart: ChartVersion, maxSize: Int) async throws(HelmRepoError) -> [UInt8] {
        guard let ref = chart.urls?.first else {
            throw HelmRepoError(.fetch, "chart '\(chart.name)' has no downloadable URLs")
        }
        do { return try await client.pullHelmChart(ref, maxChartSize: maxSize).chart } catch {
            let kind: HelmRepoError.Kind = error.kind == .sizeLimit ? .sizeLimit : (error.isUnauthorized ? .authentication : .fetch)
            throw HelmRepoError(kind, "failed to get '\(ref)': \(error.message)")
        }
    }

    /// Runs the verifiers in turn (`VerifyChart`): the first that verifies wins; one that
    /// throws ends the check with "failed to verify <url>: <error>"; none verifying is "no
    /// matching signatures were found for '<reference>'".
    public func verify(_ chart: ChartVersion) async throws(HelmRepoError) {
        guard !verifiers.isEmpty else { throw HelmRepoError(.build, "no verifiers available") }
        guard let first = chart.urls?.first else {
            throw HelmRepoError(.fetch, "chart '\(chart.name)' has no downloadable URLs")
        }
        let ref: ImageReference
        do { ref = try ImageReference(parsing: first) } catch {
            throw HelmRepoError(.build, "invalid chart reference: \(error.message)")
        }
        for verifier in verifiers {
            do {
                if try await verifier(ref) { return }
            } catch {
                throw HelmRepoError(.build, "failed to verify \(first): \(error.message)")
            }
        }
        throw HelmRepoError(.build, "no matching signatures were found for '\(ref.name)'")
    }
}
