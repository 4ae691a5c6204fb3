import ArtifactStorage
import AsyncHTTPClient
import Cosign
import Crypto
import Foundation
import HelmEngine
import OCIRegistry
import RegistryTesting
import SharedTestData
import SourceHTTP
import Testing
@testable import HelmRepo

@Suite("OCI Helm repositories against the real registry and helm 3.13.2",
       .enabled(if: TestTools.haveRegistry && TestTools.helm() != nil && SharedConformance.isAvailable), .serialized)
struct OCIRepositoryTests {
    /// Runs `body` with a registry holding podinfo 6.5.3 pushed by `helm push`, plus tags
    /// 6.5.1 (also by helm, version rewritten) and 6.5.3+build.1.
    func withPodinfo(_ body: (TestRegistry, HTTPClient, [UInt8]) async throws -> Void) async throws {
        let home = FileManager.default.temporaryDirectory.path + "/swiftflux-helm-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let helm = try #require(TestTools.helm())
        let env = ["HELM_CACHE_HOME": home + "/c", "HELM_CONFIG_HOME": home + "/g", "HELM_DATA_HOME": home + "/d", "HELM_REGISTRY_CONFIG": home + "/r.json"]
        var (status, output) = try await runTool(helm, ["package", SharedConformance.path("charts/podinfo-6.5.3"), "-d", home], environment: env)
        try #require(status == 0, "\(output)")
        let tgz = Array(try Data(contentsOf: URL(fileURLWithPath: home + "/podinfo-6.5.3.tgz")))
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        (status, output) = try await runTool(helm, ["push", home + "/podinfo-6.5.3.tgz", "oci://\(registry.host)/charts", "--plain-http"], environment: env)
        try #require(status == 0, "\(output)")
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let config = Array(#"{"name":"podinfo","version":"6.5.1","apiVersion":"v2"}"#.utf8)
            try await client.pushHelmChart(tgz, configJSON: config, to: "oci://\(registry.host)/charts/podinfo:6.5.1")
            try await client.pushHelmChart(tgz, configJSON: config, to: "oci://\(registry.host)/charts/podinfo:6.5.3+build.1")
            try await body(registry, http, tgz)
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    @Test("ranges resolve over registry tags (with _ read as +), concrete versions skip the listing")
    func versions() async throws {
        try await withPodinfo { registry, http, _ in
            let repo = try OCIChartRepository(url: "oci://\(registry.host)/charts/", client: try RegistryClient(httpClient: http, options: .init(plainHTTP: true)))
            #expect(repo.url == "oci://\(registry.host)/charts")
            #expect(try await repo.chartVersion(name: "podinfo", version: "6.5.x").version == "6.5.3+build.1")
            #expect(try await repo.chartVersion(name: "podinfo", version: "<6.5.3").version == "6.5.1")
            let concrete = try await repo.chartVersion(name: "podinfo", version: "9.9.9")
            #expect(concrete.urls == ["oci://\(registry.host)/charts/podinfo:9.9.9"])
            await #expect(throws: HelmRepoError(.fetch, "could not locate a version matching provided version string 7.x")) {
                try await repo.chartVersion(name: "podinfo", version: "7.x")
            }
            let error = await #expect(throws: HelmRepoError.self) { try await repo.chartVersion(name: "missing", version: "*") }
            #expect(error?.message == "could not get tags for \"missing\": could not fetch tags for \"oci://\(registry.host)/charts/missing\": GET \"http://\(registry.host)/v2/charts/missing/tags/list\": unexpected status code 404: name unknown: repository name not known to registry")
        }
    }

    @Test("the chart helm pushed is built into a chart the project's loader loads")
    func build() async throws {
        try await withPodinfo { registry, http, tgz in
            let repo = try OCIChartRepository(url: "oci://\(registry.host)/charts", client: try RegistryClient(httpClient: http, options: .init(plainHTTP: true)))
            let out = TempDir()
            defer { out.remove() }
            let build = try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "6.5.3"), to: out.path + "/c.tgz", options: ChartBuildOptions())
            #expect(build.summary == "pulled 'podinfo' chart with version '6.5.3'")
            #expect(out.read("c.tgz") == tgz)
            #expect(try ChartLoader().loadArchive(tgz).metadata.version == "6.5.3")
            let missing = await #expect(throws: HelmRepoError.self) {
                try await RemoteChartBuilder(repository: repo).build(RemoteReference(name: "podinfo", version: "9.9.9"), to: out.path + "/d.tgz", options: ChartBuildOptions())
            }
            #expect(missing?.buildReason == .chartPull)
            #expect(missing?.message == "chart pull error: failed to download chart for remote reference: failed to get 'oci://\(registry.host)/charts/podinfo:9.9.9': \(registry.host)/charts/podinfo:9.9.9: not found")
        }
    }

    @Test("chart signatures are checked with cosign before pulling")
    func verify() async throws {
        try await withPodinfo { registry, http, _ in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:6.5.3")
            let digest = try await client.resolve(ref).digest
            let key = P256.Signing.PrivateKey()
            let payload = CosignSignature.simpleSigningPayload(dockerReference: "\(registry.host)/charts/podinfo", digest: digest)
            let signature = CosignSignature(payload: payload, base64Signature: Base64.encode(Array(try key.signature(for: SHA256.hash(data: payload)).derRepresentation)))
            try await CosignSignature.attach([signature], to: ref, digest: digest, client: client)
            var options = ChartBuildOptions()
            options.verify = true
            let out = TempDir()
            defer { out.remove() }
            let good = try OCIChartRepository(url: "oci://\(registry.host)/charts", client: client,
                                              verifiers: [try CosignVerifier(publicKeyPEM: key.publicKey.pemRepresentation).chartVerifier(client: client)])
            _ = try await RemoteChartBuilder(repository: good).build(RemoteReference(name: "podinfo", version: "6.5.3"), to: out.path + "/ok.tgz", options: options)
            let other = P256.Signing.PrivateKey()
            let bad = try OCIChartRepository(url: "oci://\(registry.host)/charts", client: client,
                                             verifiers: [try CosignVerifier(publicKeyPEM: other.publicKey.pemRepresentation).chartVerifier(client: client)])
            await #expect(throws: HelmRepoError(.build, "chart verification error: failed to verify oci://\(registry.host)/charts/podinfo:6.5.3: no matching signatures: invalid signature when validating ASN.1 encoded signature", buildReason: .chartVerification)) {
                try await RemoteChartBuilder(repository: bad).build(RemoteReference(name: "podinfo", version: "6.5.3"), to: out.path + "/bad.tgz", options: options)
            }
            #expect(out.read("bad.tgz") == nil)
        }
    }
}

@Suite("Packaging matches helm package", .enabled(if: TestTools.helm() != nil && SharedConformance.isAvailable))
struct PackagingConformanceTests {
    @Test("re-packaging helm's podinfo archive yields the same files, modes and contents")
    func samePackage() async throws {
        let home = FileManager.default.temporaryDirectory.path + "/swiftflux-pkg-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let helm = try #require(TestTools.helm())
        let (status, output) = try await runTool(helm, ["package", SharedConformance.path("charts/podinfo-6.5.3"), "-d", home],
                                                 environment: ["HELM_CACHE_HOME": home + "/c", "HELM_CONFIG_HOME": home + "/g", "HELM_DATA_HOME": home + "/d"])
        try #require(status == 0, "\(output)")
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: home + "/podinfo-6.5.3.tgz")))
        let repackaged = try ChartPackager(archive: original, limits: .init()).package(modificationTime: Date())
        let a = try entries(original), b = try entries(repackaged)
        #expect(b.map(\.0) == a.map(\.0))
        for (x, y) in zip(a, b) { #expect(x == y, "\(x.0)") }
        // Helm's gzip header: FEXTRA and FCOMMENT "Helm".
        #expect(repackaged[3] == 0x14)
    }

    func entries(_ archive: [UInt8]) throws -> [(String, Int, [UInt8])] {
        var out: [(String, Int, [UInt8])] = []
        try TarGzScanner.scan(archive, maxDecompressedSize: 64 << 20) { _ in 10 << 20 } handle: { entry, data in
            out.append((entry.name, entry.mode, data))
        }
        return out
    }
}

@Suite("Helm index cache (--helm-cache-max-size, -ttl, -purge-interval)")
struct IndexCacheTests {
    final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_000_000) }

    @Test("items expire after their TTL, hits can extend it, and a full cache refuses new keys")
    func behaviour() async throws {
        let clock = Clock()
        let cache = IndexCache(maxItems: 2, now: { clock.now })
        try await cache.set("a", IndexFile(), ttl: .seconds(60))
        try await cache.set("b", IndexFile(), ttl: .seconds(60))
        await #expect(throws: HelmRepoError(.cache, "Cache is full")) { try await cache.set("c", IndexFile(), ttl: .seconds(60)) }
        try await cache.set("a", IndexFile(apiVersion: "v2"), ttl: .seconds(60))
        #expect(await cache.get("a")?.apiVersion == "v2")
        clock.now += 30
        await cache.setExpiration("a", ttl: .seconds(60))
        clock.now += 45
        #expect(await cache.get("a") != nil)
        #expect(await cache.get("b") == nil)
        #expect(await cache.itemCount == 2)
        await cache.deleteExpired()
        #expect(await cache.itemCount == 1)
        try await cache.set("c", IndexFile(), ttl: .seconds(60))
    }
}
