import AsyncHTTPClient
import Crypto
import Hummingbird
import HummingbirdTLS
import NIOCore
import NIOSSL
import RegistryTesting
import SwiftASN1
import Foundation
import HelmEngine
import SourceHTTP
import Testing
@testable import HelmRepo

@Suite("HTTP Helm repositories: index download, credentials, chart URLs, limits", .serialized)
struct HTTPRepositoryTests {
    static let chart: [UInt8] = (try? chartArchive(name: "podinfo", version: "6.5.3")) ?? []

    static func index(urls: [String]) -> [UInt8] {
        Array("""
        apiVersion: v1
        entries:
          podinfo:
          - name: podinfo
            version: 6.5.3
            urls: [\(urls.map { "\"\($0)\"" }.joined(separator: ", "))]
        """.utf8)
    }

    func withClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(http)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    @Test("the index is fetched with credentials, its revision is the sha256 of its bytes")
    func fetchIndex() async throws {
        let indexBytes = Self.index(urls: ["podinfo-6.5.3.tgz"])
        let server = ChartServer(files: ["index.yaml": indexBytes, "podinfo-6.5.3.tgz": Self.chart], credentials: ("u", "p"))
        try await withClient { http in
            try await server.run { base in
                let getter = try HelmGetter(httpClient: http, repositoryURL: base + "/charts/", credentials: .init(username: "u", password: "p"))
                let repo = try HTTPChartRepository(url: base + "/charts", getter: getter)
                #expect(repo.url == base + "/charts/")
                #expect(repo.indexURL == base + "/charts/index.yaml")
                let download = try await repo.fetchIndex(maxSize: 50 << 20)
                #expect(download.revision() == "sha256:" + SHA256Hex.of(indexBytes))
                var loaded = repo
                loaded.index = try download.load()
                let entry = try await loaded.chartVersion(name: "podinfo", version: "*")
                #expect(try await loaded.download(entry, maxSize: 10 << 20) == Self.chart)

                let anonymous = try HTTPChartRepository(url: base + "/charts/", getter: try HelmGetter(httpClient: http, repositoryURL: base + "/charts/"))
                await #expect(throws: HelmRepoError(.fetch, "failed to cache index to temporary file: failed to fetch \(base)/charts/index.yaml : 401 Unauthorized")) {
                    try await anonymous.fetchIndex(maxSize: 50 << 20)
                }
            }
        }
    }

    @Test("credentials go to other hosts only with passCredentials", arguments: [false, true])
    func passCredentials(_ pass: Bool) async throws {
        let cdn = ChartServer(files: ["podinfo-6.5.3.tgz": Self.chart])
        try await withClient { http in
            try await cdn.run { cdnBase in
                let repoServer = ChartServer(files: ["index.yaml": Self.index(urls: [cdnBase + "/charts/podinfo-6.5.3.tgz"])])
                try await repoServer.run { base in
                    let getter = try HelmGetter(httpClient: http, repositoryURL: base + "/charts/", credentials: .init(username: "u", password: "p"), passCredentials: pass)
                    var repo = try HTTPChartRepository(url: base + "/charts/", getter: getter)
                    repo.index = try await repo.fetchIndex(maxSize: 1 << 20).load()
                    let entry = try await repo.chartVersion(name: "podinfo", version: "6.5.3")
                    _ = try await repo.download(entry, maxSize: 10 << 20)
                    #expect(repoServer.log.map(\.authorized) == [true])
                    #expect(cdn.log.map(\.authorized) == [pass])
                }
            }
        }
    }

    @Test("chart URLs resolve against the repository URL as Helm resolves them", arguments: [
        ("https://charts.example/sub/", "podinfo-6.5.3.tgz", "https://charts.example/sub/podinfo-6.5.3.tgz"),
        ("https://charts.example/sub", "../other/podinfo-6.5.3.tgz", "https://charts.example/other/podinfo-6.5.3.tgz"),
        ("https://charts.example/sub/", "/abs/podinfo.tgz", "https://charts.example/abs/podinfo.tgz"),
        ("https://charts.example/sub/?token=x", "podinfo.tgz", "https://charts.example/sub/podinfo.tgz?token=x"),
        ("https://charts.example/sub/", "https://cdn.example/podinfo.tgz", "https://cdn.example/podinfo.tgz"),
    ])
    func resolveURLs(_ base: String, _ reference: String, _ expected: String) throws {
        #expect(try HTTPChartRepository.resolveReferenceURL(base: base, reference: reference) == expected)
    }

    @Test("repository URLs are normalised like source-controller's NormalizeURL", arguments: [
        ("https://h/charts", "https://h/charts/"), ("https://h/charts///", "https://h/charts/"), ("oci://h/charts/", "oci://h/charts"), ("", ""),
    ])
    func normalize(_ url: String, _ expected: String) throws {
        #expect(try HTTPChartRepository.normalizeURL(url) == expected)
    }

    @Test("a 100 MB index stops at --helm-index-max-size without being held in memory")
    func hugeIndex() async throws {
        let server = ChartServer(files: [:], bigIndexSize: 100 << 20)
        try await withClient { http in
            try await server.run { base in
                let repo = try HTTPChartRepository(url: base + "/big/", getter: try HelmGetter(httpClient: http, repositoryURL: base + "/big/"))
                let download = try await repo.fetchIndex(maxSize: 1 << 20)
                #expect(download.exceedsLimit)
                #expect(download.bytes.count == 1 << 20)
                #expect(throws: HelmRepoError(.sizeLimit, "failed to load index: \(base)/big/index.yaml exceeds the maximum index file size of 1048576 bytes")) {
                    try download.load()
                }
            }
        }
    }

    @Test("an unreachable repository reports Go's dial error")
    func unreachable() async throws {
        try await withClient { http in
            let repo = try HTTPChartRepository(url: "http://127.0.0.1:1/charts", getter: try HelmGetter(httpClient: http, repositoryURL: "http://127.0.0.1:1/charts/"))
            await #expect(throws: HelmRepoError(.fetch, "failed to cache index to temporary file: Get \"http://127.0.0.1:1/charts/index.yaml\": dial tcp 127.0.0.1:1: connect: connection refused")) {
                try await repo.fetchIndex(maxSize: 1 << 20)
            }
        }
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        String(describing: ArtifactStorageDigest.sha256(bytes).dropFirst("sha256:".count))
    }
}

@Suite("HelmRepository Secrets to client options")
struct HelmClientOptionsTests {
    @Test("basic auth, legacy TLS keys and docker configs are read as source-controller reads them")
    func options() throws {
        let auth = SecretData(name: "auth", data: ["username": Array("u".utf8), "password": Array("p".utf8)])
        let http = try HelmClientOptions.from(url: "https://charts.example/", oci: false, certSecret: nil, authSecret: auth)
        #expect(http.basicAuth == BasicCredentials(username: "u", password: "p"))
        #expect(http.tls == nil && !http.deprecatedTLSConfig)
        let oci = try HelmClientOptions.from(url: "oci://registry.example/charts", oci: true, certSecret: nil, authSecret: auth)
        #expect(oci.registryCredentials?.username == "u")
        let docker = SecretData(name: "regcred", type: "kubernetes.io/dockerconfigjson",
                                data: [".dockerconfigjson": Array(#"{"auths":{"registry.example":{"username":"d","password":"q"}}}"#.utf8)])
        #expect(try HelmClientOptions.from(url: "oci://registry.example/charts", oci: true, certSecret: nil, authSecret: docker).registryCredentials?.password == "q")
    }

    @Test("half-filled Secrets fail with source-controller's messages", arguments: [
        (SecretData(name: "a", data: ["username": Array("u".utf8)]), false, "failed to configure Helm client: invalid 'a' secret data: required fields 'username' and 'password'"),
        (SecretData(name: "a", data: ["certFile": Array("x".utf8)]), false, "failed to construct Helm client's TLS config: invalid 'a' secret data: both certificate and private key need to be provided"),
        (SecretData(name: "a", type: "kubernetes.io/dockerconfigjson", data: [".dockerconfigjson": Array(#"{"auths":{}}"#.utf8)]), true,
         "failed to configure login options: no auth config for 'registry.example' in the docker-registry Secret 'a'"),
    ])
    func failures(_ secret: SecretData, _ oci: Bool, _ message: String) {
        #expect(throws: HelmRepoError(.authentication, message)) {
            try HelmClientOptions.from(url: oci ? "oci://registry.example/charts" : "https://charts.example/", oci: oci, certSecret: nil, authSecret: secret)
        }
    }
}

@Suite("HTTPS Helm repositories with a custom CA", .serialized)
struct HTTPSRepositoryTests {
    @Test("the certSecretRef CA makes the repository trusted; without it the handshake fails")
    func customCA() async throws {
        let ca = try TestCA(commonName: "charts CA")
        let key = P256.Signing.PrivateKey()
        let certificate = try ca.issue(commonName: "127.0.0.1", key: key.publicKey, sans: [.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificate.pemText.utf8), format: .pem))],
                                                           privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.pemText.utf8), format: .pem)))
        tls.applicationProtocols = ["http/1.1"]
        let router = Router()
        let index = HTTPRepositoryTests.index(urls: ["podinfo-6.5.3.tgz"])
        router.get("charts/index.yaml") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: index))) }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, server: try .tls(.http1(), tlsConfiguration: tls),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: quietLogger)
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let base = "https://127.0.0.1:\(port)/charts/"
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let options = try HelmClientOptions.from(url: base, oci: false, certSecret: SecretData(name: "ca", data: ["ca.crt": Array(ca.pem.utf8)]), authSecret: nil)
            let trusted = try HTTPChartRepository(url: base, getter: try HelmGetter(httpClient: http, repositoryURL: base, tls: options.tls))
            #expect(try await trusted.fetchIndex(maxSize: 1 << 20).bytes == index)
            let untrusted = try HTTPChartRepository(url: base, getter: try HelmGetter(httpClient: http, repositoryURL: base))
            await #expect(throws: HelmRepoError(.fetch, "failed to cache index to temporary file: Get \"\(base)index.yaml\": tls: failed to verify certificate: x509: certificate signed by unknown authority")) {
                try await untrusted.fetchIndex(maxSize: 1 << 20)
            }
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}
