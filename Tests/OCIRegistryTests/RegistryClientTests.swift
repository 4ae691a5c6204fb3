import ArtifactStorage
import AsyncHTTPClient
import Foundation
import OCIRegistry
import RegistryTesting
import SourceHTTP
import Testing

@Suite("Registry client against the Distribution registry", .enabled(if: TestTools.haveRegistry), .serialized)
struct RegistryClientTests {
    @Test("push, resolve, fetch manifest and blobs anonymously over plain HTTP")
    func roundTrip() async throws {
        try await withRegistry { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            try await client.ping(registry: registry.host)
            let ref = try ImageReference(parsing: "\(registry.host)/flux/app:v1")
            let pushed = try await pushArtifact(client, ref, layer: "hello layer")
            let resolved = try await client.resolve(ref)
            #expect(resolved.digest == pushed.digest)
            #expect(resolved.mediaType == MediaTypes.ociManifest)
            let (manifest, descriptor) = try await client.manifest(ref)
            #expect(descriptor.digest == pushed.digest)
            #expect(manifest.annotation("org.opencontainers.image.revision") == "main@sha1:abc")
            let layer = try await client.fetchBlob(ref, digest: manifest.layers[0].digest, maxSize: 1024)
            #expect(String(decoding: layer, as: UTF8.self) == "hello layer")
            // By digest too.
            let byDigest = try await client.manifest(ref.with(digest: pushed.digest))
            #expect(byDigest.descriptor.digest == pushed.digest)
        }
    }

    @Test("tag listing follows pagination")
    func tagPages() async throws {
        try await withRegistry { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let base = try ImageReference(parsing: "\(registry.host)/charts/podinfo")
            for tag in ["6.5.1", "6.5.2", "6.5.3", "6.6.0-rc.1", "latest"] { try await pushArtifact(client, base.with(tag: tag), layer: tag) }
            let tags = try await client.tags(base, pageSize: 2)
            #expect(tags.sorted() == ["6.5.1", "6.5.2", "6.5.3", "6.6.0-rc.1", "latest"])
        }
    }

    @Test("missing manifests and blobs are 404 errors worded like oras-go")
    func notFound() async throws {
        try await withRegistry { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:9.9.9")
            try await pushArtifact(client, ref.with(tag: "1.0.0"))
            let error = await #expect(throws: RegistryError.self) { try await client.fetchManifest(ref) }
            #expect(error?.isNotFound == true)
            #expect(error?.message == "GET \"http://\(registry.host)/v2/charts/podinfo/manifests/9.9.9\": unexpected status code 404: manifest unknown: manifest unknown")
        }
    }

    @Test("basic auth: refused without or with wrong credentials, accepted with the right ones")
    func htpasswd() async throws {
        try await withRegistry(auth: .htpasswd(user: "flux", password: "s3cret")) { registry, http in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:1.0.0")
            let anonymous = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let denied = await #expect(throws: RegistryError.self) { try await pushArtifact(anonymous, ref) }
            #expect(denied?.isUnauthorized == true)
            #expect(denied?.message == "HEAD \"http://\(registry.host)/v2/charts/podinfo/blobs/sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\": unexpected status code 401: Unauthorized")
            let wrong = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "nope"), plainHTTP: true))
            let refused = await #expect(throws: RegistryError.self) { try await wrong.tags(ref) }
            #expect(refused?.statusCode == 401)
            await #expect(throws: RegistryError(.unauthorized, "login attempt to http://\(registry.host)/v2/ failed with status: 401 Unauthorized", statusCode: 401)) {
                try await wrong.login(registry: registry.host)
            }
            let good = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "s3cret"), plainHTTP: true))
            try await good.login(registry: registry.host)
            try await pushArtifact(good, ref)
            #expect(try await good.tags(ref) == ["1.0.0"])
        }
    }

    @Test("bearer tokens: the challenge's realm issues a token the registry accepts")
    func bearerToken() async throws {
        let tokens = try TokenServer(user: "flux", password: "t0ken")
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = tokens.application { continuation.yield($0) }
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let tokenPort = try #require(await iterator.next())
        let auth = TestRegistry.Auth.token(realm: "http://127.0.0.1:\(tokenPort)/token", service: tokens.service, issuer: tokens.issuer,
                                           signingCertificatePEM: tokens.rootBundlePEM)
        try await withRegistry(auth: auth) { registry, http in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:2.0.0")
            let good = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "t0ken"), plainHTTP: true))
            let pushed = try await pushArtifact(good, ref)
            #expect(try await good.resolve(ref).digest == pushed.digest)
            let wrong = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "bad"), plainHTTP: true))
            let error = await #expect(throws: RegistryError.self) { try await wrong.resolve(ref) }
            #expect(error?.kind == .unauthorized)
            #expect(error?.message.hasPrefix("GET \"http://127.0.0.1:\(tokenPort)/token?service=\(tokens.service)&scope=repository:charts/podinfo:pull\": unexpected status code 401: unauthorized: bad credentials") == true)
        }
    }
}
