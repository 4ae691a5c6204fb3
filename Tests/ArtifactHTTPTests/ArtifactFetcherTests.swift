import ArtifactHTTP
import ArtifactStorage
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import SourceHTTP
import Synchronization
import Testing

/// A shared hit counter.
final class Hits: Sendable {
    let value = Mutex(0)
    func withLock<T>(_ body: (inout Int) -> T) -> T { value.withLock { body(&$0) } }
}

@Suite("Artifact fetcher: retries, 404, digests, size limits, safe untar")
struct ArtifactFetcherTests {
    /// A scripted artifact server: `/ok` serves the tarball, `/flaky` fails `failures` times
    /// with 503 first, `/broken` always answers 500, `/big` serves 4 KiB of zeros.
    static func app(tarball: [UInt8], failures: Int, hits: Hits, onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("ok") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: tarball))) }
        router.get("flaky") { _, _ -> Response in
            let n = hits.withLock { $0 += 1; return $0 }
            if n <= failures { return Response(status: .serviceUnavailable) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: tarball)))
        }
        router.get("broken") { _, _ -> Response in
            hits.withLock { $0 += 1 }
            return Response(status: .internalServerError)
        }
        router.get("big") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0, count: 4096))) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           onServerRunning: { await onListening($0.localAddress?.port ?? 0) }, logger: quietLogger)
    }

    static let fastRetry = RetryPolicy(retries: 3, waitMin: .milliseconds(1), waitMax: .milliseconds(4))

    func withFetcher(failures: Int = 0, _ body: (ArtifactFetcher, String, Hits, [UInt8]) async throws -> Void) async throws {
        let tarball = try sampleTarball()
        let hits = Hits()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let fetcher = ArtifactFetcher(httpClient: client, retry: Self.fastRetry)
        try await withServer({ Self.app(tarball: tarball, failures: failures, hits: hits, onListening: $0) }) { port in
            try await body(fetcher, "http://127.0.0.1:\(port)", hits, tarball)
        }
    }

    @Test("a good artifact is verified and extracted")
    func fetches() async throws {
        try await withFetcher { fetcher, base, _, tarball in
            let out = TempDir()
            defer { out.remove() }
            let digest = DigestAlgorithm.sha256.digest(tarball)
            try await fetcher.fetch(url: "\(base)/ok", digest: digest.description, into: out.path + "/x")
            #expect(out.read("x/deploy/app.yaml") == "kind: ConfigMap\n")
            // A bare hex digest is taken as sha256; a blake3 digest works too.
            try await fetcher.fetch(url: "\(base)/ok", digest: digest.encoded, into: out.path + "/y")
            try await fetcher.fetch(url: "\(base)/ok", digest: DigestAlgorithm.blake3.digest(tarball).description, into: out.path + "/z")
            #expect(out.read("z/deploy/app.yaml") == "kind: ConfigMap\n")
        }
    }

    @Test("5xx answers are retried until one succeeds")
    func retries() async throws {
        try await withFetcher(failures: 2) { fetcher, base, hits, tarball in
            let out = TempDir()
            defer { out.remove() }
            try await fetcher.fetch(url: "\(base)/flaky", digest: DigestAlgorithm.sha256.digest(tarball).description, into: out.path)
            #expect(hits.withLock { $0 } == 3)
        }
    }

    @Test("exhausted retries report go-retryablehttp's give-up message")
    func givesUp() async throws {
        try await withFetcher { fetcher, base, hits, _ in
            await #expect(throws: ArtifactHTTPError(.download, "failed to download archive: GET \(base)/broken giving up after 4 attempt(s): unexpected HTTP status 500 Internal Server Error")) {
                try await fetcher.fetch(url: "\(base)/broken", digest: "sha256:x", into: "/tmp/unused")
            }
            #expect(hits.withLock { $0 } == 4)
        }
    }

    @Test("a 404 is the distinct file-not-found error")
    func notFound() async throws {
        try await withFetcher { fetcher, base, _, _ in
            await #expect(throws: ArtifactHTTPError.fileNotFound) {
                try await fetcher.fetch(url: "\(base)/missing.tar.gz", digest: "sha256:x", into: "/tmp/unused")
            }
        }
    }

    @Test("a wrong digest is refused and nothing is extracted")
    func wrongDigest() async throws {
        try await withFetcher { fetcher, base, _, _ in
            let out = TempDir()
            defer { out.remove() }
            let wrong = DigestAlgorithm.sha256.digest(Array("other".utf8)).description
            await #expect(throws: ArtifactHTTPError(.verification, "failed to verify archive: computed digest doesn't match provided '\(wrong)' (check whether file size exceeds max download size)")) {
                try await fetcher.fetch(url: "\(base)/ok", digest: wrong, into: out.path + "/x")
            }
            #expect(!FileManager.default.fileExists(atPath: out.path + "/x"))
            await #expect(throws: ArtifactHTTPError(.verification, "failed to verify archive: empty digest")) {
                try await fetcher.fetch(url: "\(base)/ok", digest: "", into: out.path + "/x")
            }
        }
    }

    @Test("a download over the size limit counts the excess bytes")
    func sizeLimit() async throws {
        try await withFetcher { fetcher, base, _, _ in
            var limited = fetcher
            limited.maxDownloadSize = 1000
            await #expect(throws: ArtifactHTTPError(.sizeLimit, "artifact is 3096 bytes greater than the max download size of 1000 bytes")) {
                try await limited.fetch(url: "\(base)/big", digest: "sha256:x", into: "/tmp/unused")
            }
        }
    }

    @Test("garbage instead of a tarball fails extraction with fetch's wording")
    func garbage() async throws {
        try await withFetcher { fetcher, base, _, _ in
            let zeros = [UInt8](repeating: 0, count: 4096)
            await #expect(throws: ArtifactHTTPError(.extraction, "failed to extract archive (check whether file size exceeds max download size): requires gzip-compressed body: gzip: invalid header")) {
                try await fetcher.fetch(url: "\(base)/big", digest: DigestAlgorithm.sha256.digest(zeros).description, into: "/tmp/unused-\(UUID())")
            }
        }
    }

    @Test("fetchBytes returns the verified bytes and overrides the host when asked")
    func bytes() async throws {
        try await withFetcher { fetcher, base, _, tarball in
            var overridden = fetcher
            overridden.hostnameOverwrite = String(base.dropFirst("http://".count))
            let bytes = try await overridden.fetchBytes(url: "http://source-controller.flux-system.svc/ok",
                                                        digest: DigestAlgorithm.sha256.digest(tarball).description, maxSize: 1 << 20)
            #expect(bytes == tarball)
        }
    }

    @Test("retry waits double from the minimum, are capped, and honour Retry-After")
    func backoff() {
        let policy = RetryPolicy(retries: 9, waitMin: .seconds(5), waitMax: .seconds(30))
        #expect((0..<5).map { policy.backoff(attempt: $0) } == [.seconds(5), .seconds(10), .seconds(20), .seconds(30), .seconds(30)])
        #expect(policy.backoff(attempt: 0, status: 429, retryAfter: "7") == .seconds(7))
        #expect(policy.backoff(attempt: 0, status: 500, retryAfter: "7") == .seconds(5))
        #expect(RetryPolicy.shouldRetry(status: 503) && !RetryPolicy.shouldRetry(status: 501) && !RetryPolicy.shouldRetry(status: 404))
    }
}
