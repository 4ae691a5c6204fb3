import ArtifactStorage
import AsyncHTTPClient
import NIOCore
import SourceHTTP
import StructuredData

enum StructuredDataJSON {
    static func parse(_ bytes: [UInt8]) throws -> JSONValue { try JSONParser.parse(bytes: bytes) }
}

extension RegistryClient {
    func blobURL(_ ref: ImageReference, _ digest: String) -> String {
        baseURL(ref.registry) + "/v2/\(ref.repository)/blobs/\(digest)"
    }

    /// The blob `digest` of `ref`'s repository, at most `maxSize` bytes, verified against its
    /// digest before it is returned (and then kept in `options.blobCache`, which answers the next
    /// fetch of it from that repository).
    /// - Throws: `.sizeLimit` past `maxSize` (nothing more is read), `.digestMismatch` when the
    ///   content hashes differently, `.invalidReference` for an unsupported digest.
    public func fetchBlob(_ ref: ImageReference, digest: String, maxSize: Int) async throws(RegistryError) -> [UInt8] {
        let expected: Digest
        do { expected = try Digest(parsing: digest) } catch {
            throw RegistryError(.invalidReference, "invalid digest \(digest): \(error.message)")
        }
        if let kept = options.blobCache?.get(ref, digest: digest), kept.count <= maxSize { return kept }
        let url = blobURL(ref, digest)
        let response = try await send(RegistryRequest(method: .GET, url: url, registry: ref.registry, scopes: Self.pullScope(ref)))
        guard response.status.code == 200 else { throw await statusError(response, method: "GET", url: url) }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maxSize {
            await BodyLimit.discard(response.body, limit: 0)
            throw RegistryError(.sizeLimit, "blob \(digest) is \(length) bytes, larger than the limit of \(maxSize) bytes")
        }
        let bytes: [UInt8]
        do { bytes = try await BodyLimit.collect(response.body, limit: maxSize, what: "blob \(digest)") } catch is SourceHTTPError {
            throw RegistryError(.sizeLimit, "blob \(digest) is larger than the limit of \(maxSize) bytes")
        } catch {
            // The connection failed mid-body (e.g. the registry went away): a transport error.
            throw RegistryError(.transport, TransportErrorText.describe(error, method: "GET", url: url))
        }
        let actual = expected.algorithm.digest(bytes)
        guard actual == expected else {
            throw RegistryError(.digestMismatch, "GET \"\(url)\": content digest mismatch: expected \(digest), got \(actual)")
        }
        options.blobCache?.put(ref, digest: digest, bytes)
        return bytes
    }

    /// Streams the blob into `file` (at most `maxSize` bytes) and verifies its digest; for
    /// layers too big to hold in memory.
    public func fetchBlob(_ ref: ImageReference, digest: String, maxSize: Int, into file: TemporaryFile) async throws(RegistryError) {
        let expected: Digest
        do { expected = try Digest(parsing: digest) } catch {
            throw RegistryError(.invalidReference, "invalid digest \(digest): \(error.message)")
        }
        let url = blobURL(ref, digest)
        let response = try await send(RegistryRequest(method: .GET, url: url, registry: ref.registry, scopes: Self.pullScope(ref)))
        guard response.status.code == 200 else { throw await statusError(response, method: "GET", url: url) }
        var hasher = expected.algorithm.makeHasher()
        var total = 0
        do {
            for try await chunk in response.body {
                total += chunk.readableBytes
                if total > maxSize { throw RegistryError(.sizeLimit, "blob \(digest) is larger than the limit of \(maxSize) bytes") }
                let bytes = Array(chunk.readableBytesView)
                hasher.update(bytes)
                try await file.write(bytes)
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.transport, TransportErrorText.describe(error, method: "GET", url: url))
        }
        let actual = hasher.finalize()
        guard actual == expected else {
            throw RegistryError(.digestMismatch, "GET \"\(url)\": content digest mismatch: expected \(digest), got \(actual)")
        }
    }
}
