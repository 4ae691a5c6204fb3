import ArtifactStorage
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import OCIRegistry
import Testing

/// A registry that lies: garbage manifests, blobs that do not match their digest, endless
/// manifests.
enum LyingRegistry {
    static let goodBlob = Array("the real layer".utf8)
    static let goodDigest = DigestAlgorithm.sha256.digest(goodBlob).description

    static func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("v2") { _, _ in Response(status: .ok) }
        router.get("v2/garbage/manifests/:ref") { _, _ in
            Response(status: .ok, headers: [.contentType: MediaTypes.ociManifest], body: .init(byteBuffer: ByteBuffer(string: "<html>oops</html>")))
        }
        router.get("v2/evil/manifests/:ref") { _, _ in
            let manifest = Manifest(config: Descriptor(mediaType: MediaTypes.helmConfig, digest: goodDigest, size: Int64(goodBlob.count)),
                                    layers: [Descriptor(mediaType: MediaTypes.helmChartContent, digest: goodDigest, size: Int64(goodBlob.count))])
            return Response(status: .ok, headers: [.contentType: MediaTypes.ociManifest], body: .init(byteBuffer: ByteBuffer(bytes: manifest.bytes)))
        }
        router.get("v2/evil/blobs/:digest") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "tampered layer")))
        }
        router.get("v2/huge/manifests/:ref") { _, _ in
            Response(status: .ok, headers: [.contentType: MediaTypes.ociManifest], body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: " "), count: 6 << 20)))
        }
        router.get("v2/huge/blobs/:digest") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0, count: 2 << 20)))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           onServerRunning: { await onListening($0.localAddress?.port ?? 0) }, logger: quietLogger)
    }
}

@Suite("Registry client against a registry returning garbage")
struct BadRegistryTests {
    func withLiar(_ body: (RegistryClient, String) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = LyingRegistry.application { continuation.yield($0) }
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = http.shutdown() }
        try await body(try RegistryClient(httpClient: http, options: .init(plainHTTP: true)), "127.0.0.1:\(port)")
    }

    @Test("a manifest that is not JSON is an invalid response")
    func garbageManifest() async throws {
        try await withLiar { client, host in
            let error = await #expect(throws: RegistryError.self) { try await client.manifest(ImageReference(parsing: "\(host)/garbage:1.0.0")) }
            #expect(error?.kind == .invalidResponse)
            #expect(error?.message.hasPrefix("invalid manifest:") == true)
        }
    }

    @Test("a blob that does not match its digest is refused")
    func wrongDigest() async throws {
        try await withLiar { client, host in
            let ref = try ImageReference(parsing: "\(host)/evil:1.0.0")
            let tampered = DigestAlgorithm.sha256.digest(Array("tampered layer".utf8))
            await #expect(throws: RegistryError(.digestMismatch, "GET \"http://\(host)/v2/evil/blobs/\(LyingRegistry.goodDigest)\": content digest mismatch: expected \(LyingRegistry.goodDigest), got \(tampered)")) {
                try await client.pullHelmChart("oci://\(host)/evil:1.0.0", maxChartSize: 1 << 20)
            }
            _ = ref
        }
    }

    @Test("manifests and blobs beyond their limits are cut off")
    func sizeLimits() async throws {
        try await withLiar { client, host in
            let huge = try ImageReference(parsing: "\(host)/huge:1.0.0")
            let manifestError = await #expect(throws: RegistryError.self) { try await client.fetchManifest(huge) }
            #expect(manifestError?.kind == .sizeLimit)
            await #expect(throws: RegistryError(.sizeLimit, "blob \(LyingRegistry.goodDigest) is 2097152 bytes, larger than the limit of 1024 bytes")) {
                try await client.fetchBlob(huge, digest: LyingRegistry.goodDigest, maxSize: 1024)
            }
        }
    }
}

/// A logger that keeps server shutdown noise out of test output.
let quietLogger: Logger = { var l = Logger(label: "test-server"); l.logLevel = .critical; return l }()
