import ArtifactStorage
import AsyncHTTPClient
import Foundation
import NIOCore
import SourceHTTP

/// Downloads artifacts from the source-controller file server for consuming controllers
/// (fluxcd/pkg `http/fetch.ArchiveFetcher`): GET with go-retryablehttp's retries, a 404 as
/// `ArtifactHTTPError.fileNotFound`, the body streamed to a temp file under a size cap, the
/// digest verified, then a safe untar.
///
/// The `HTTPClient` is borrowed: its owner (the controller manager or CLI command) shuts it down.
public struct ArtifactFetcher: Sendable {
    public let httpClient: HTTPClient
    public var retry: RetryPolicy
    /// Largest accepted download; ≤ 0 means unlimited (kustomize-controller passes unlimited).
    public var maxDownloadSize: Int
    /// Untar limit on the sum of member sizes; negative means unlimited.
    public var maxUntarSize: Int
    /// Replaces the host of every artifact URL (`SOURCE_CONTROLLER_LOCALHOST`).
    public var hostnameOverwrite: String?
    /// Per-attempt request timeout.
    public var requestTimeout: Duration

    public init(httpClient: HTTPClient, retry: RetryPolicy = RetryPolicy(), maxDownloadSize: Int = -1, maxUntarSize: Int = -1,
                hostnameOverwrite: String? = nil, requestTimeout: Duration = .seconds(60)) {
        self.httpClient = httpClient
        self.retry = retry
        self.maxDownloadSize = maxDownloadSize
        self.maxUntarSize = maxUntarSize
        self.hostnameOverwrite = hostnameOverwrite
        self.requestTimeout = requestTimeout
    }

    /// Downloads the tarball at `url`, verifies it against `digest` (`algo:hex`; a bare hex is
    /// taken as sha256) and extracts it into `directory` (`ArchiveFetcher.Fetch`).
    /// - Throws: `.fileNotFound` on 404; otherwise fetch's messages, e.g. "failed to download
    ///   archive from <url> (status: 500 Internal Server Error)", "artifact is <n> bytes greater
    ///   than the max download size of <m> bytes", "failed to verify archive: computed digest
    ///   doesn't match provided '<digest>' (check whether file size exceeds max download size)",
    ///   "failed to extract archive (check whether file size exceeds max download size): …".
    public func fetch(url: String, digest: String, into directory: String) async throws(ArtifactHTTPError) {
        let file = try await download(url: url)
        do throws(ArtifactHTTPError) {
            try await verify(file: file, digest: digest)
            do {
                try await Untar.extract(archivePath: file.path, into: directory,
                                        options: .init(maxUntarSize: maxUntarSize, skipSymlinks: true))
            } catch {
                throw ArtifactHTTPError(.extraction, "failed to extract archive (check whether file size exceeds max download size): \(error.message)")
            }
        } catch {
            await file.remove()
            throw error
        }
        await file.remove()
    }

    /// Downloads `url` into memory (at most `maxSize` bytes) and verifies `digest`, for
    /// artifacts that are loaded rather than extracted (a Helm chart `.tgz`).
    public func fetchBytes(url: String, digest: String, maxSize: Int) async throws(ArtifactHTTPError) -> [UInt8] {
        let file = try await download(url: url)
        let bytes: [UInt8]
        do throws(ArtifactHTTPError) {
            try await verify(file: file, digest: digest)
            do { bytes = try await file.read(limit: maxSize) } catch {
                throw ArtifactHTTPError(.sizeLimit, "artifact exceeds the maximum size of \(maxSize) bytes")
            }
        } catch {
            await file.remove()
            throw error
        }
        await file.remove()
        return bytes
    }

    func effectiveURL(_ url: String) -> String {
        guard let hostnameOverwrite, var components = URLComponents(string: url) else { return url }
        let parts = hostnameOverwrite.split(separator: ":", maxSplits: 1)
        components.host = parts.first.map(String.init)
        components.port = parts.count > 1 ? Int(parts[1]) : nil
        return components.string ?? url
    }

    /// GETs `url` with retries and streams the body into a temp file.
    func download(url original: String) async throws(ArtifactHTTPError) -> TemporaryFile {
        let url = effectiveURL(original)
        let response = try await getWithRetries(url)
        if response.status.code != 200 {
            await BodyLimit.discard(response.body)
            if response.status.code == 404 { throw ArtifactHTTPError.fileNotFound }
            throw ArtifactHTTPError(.download, "failed to download archive from \(url) (status: \(response.status.code) \(response.status.reasonPhrase))")
        }
        let file: TemporaryFile
        do { file = try await TemporaryFile.create(prefix: "fetch.") } catch {
            throw ArtifactHTTPError(.download, "failed to create temp file: \(error.message)")
        }
        var written = 0
        var excess = 0
        do {
            for try await chunk in response.body {
                var bytes = Array(chunk.readableBytesView)
                if maxDownloadSize > 0 {
                    let room = max(0, maxDownloadSize - written)
                    if bytes.count > room {
                        excess += bytes.count - room
                        bytes = Array(bytes.prefix(room))
                    }
                }
                if !bytes.isEmpty {
                    try await file.write(bytes)
                    written += bytes.count
                }
            }
        } catch {
            await file.remove()
            throw ArtifactHTTPError(.download, "failed to copy temp contents: \(error)")
        }
        if excess > 0 {
            await file.remove()
            throw ArtifactHTTPError(.sizeLimit, "artifact is \(excess) bytes greater than the max download size of \(maxDownloadSize) bytes")
        }
        do { try await file.close() } catch {
            await file.remove()
            throw ArtifactHTTPError(.download, "failed to copy temp contents: \(error.message)")
        }
        return file
    }

    func verify(file: TemporaryFile, digest raw: String) async throws(ArtifactHTTPError) {
        guard !raw.isEmpty else { throw ArtifactHTTPError(.verification, "failed to verify archive: empty digest") }
        let text = raw.contains(":") ? raw : "sha256:" + raw
        let expected: Digest
        do { expected = try Digest(parsing: text) } catch {
            throw ArtifactHTTPError(.verification, "failed to verify archive: failed to parse digest '\(text)': \(error.message)")
        }
        let actual: Digest
        do { actual = try await file.digest(expected.algorithm) } catch {
            throw ArtifactHTTPError(.verification, "failed to verify archive: \(error.message)")
        }
        if actual != expected {
            throw ArtifactHTTPError(.verification, "failed to verify archive: computed digest doesn't match provided '\(text)' (check whether file size exceeds max download size)")
        }
    }

    /// go-retryablehttp's `Do`: the first non-retryable response, or "GET <url> giving up after
    /// <n> attempt(s)[: <last error>]" wrapped as "failed to download archive: …".
    func getWithRetries(_ url: String) async throws(ArtifactHTTPError) -> HTTPClientResponse {
        var lastError = ""
        var attempt = 0
        while true {
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            var status: Int?
            var retryAfter: String?
            do {
                let response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(requestTimeout.components.seconds) * 1_000_000_000))
                let code = Int(response.status.code)
                if !RetryPolicy.shouldRetry(status: code) { return response }
                status = code
                retryAfter = response.headers.first(name: "Retry-After")
                lastError = "unexpected HTTP status \(code) \(response.status.reasonPhrase)"
                await BodyLimit.discard(response.body)
            } catch {
                if Task.isCancelled { throw ArtifactHTTPError(.download, "failed to download archive: context canceled") }
                lastError = TransportErrorText.describe(error, method: "GET", url: url)
            }
            if attempt >= retry.retries { break }
            do { try await Task.sleep(for: retry.backoff(attempt: attempt, status: status, retryAfter: retryAfter)) } catch {
                throw ArtifactHTTPError(.download, "failed to download archive: context canceled")
            }
            attempt += 1
        }
        throw ArtifactHTTPError(.download, "failed to download archive: GET \(url) giving up after \(attempt + 1) attempt(s): \(lastError)")
    }
}
