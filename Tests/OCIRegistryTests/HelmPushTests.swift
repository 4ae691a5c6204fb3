import AsyncHTTPClient
import Foundation
import OCIRegistry
import RegistryTesting
import SharedTestData
import StructuredData
import Testing

/// Helm v3.13.2 with its config, cache and registry credentials in a temp directory.
struct HelmCLI {
    let helm: String
    let home: String

    init?() {
        guard let helm = TestTools.helm() else { return nil }
        self.helm = helm
        home = FileManager.default.temporaryDirectory.path + "/swiftflux-helm-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        ["HELM_CACHE_HOME": home + "/cache", "HELM_CONFIG_HOME": home + "/config", "HELM_DATA_HOME": home + "/data",
         "HELM_REGISTRY_CONFIG": home + "/registry.json", "HOME": home]
    }

    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
        let (status, output) = try await runTool(helm, arguments, environment: environment)
        guard status == 0 else { throw NSError(domain: "helm", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "helm \(arguments.joined(separator: " ")): \(output)"]) }
        return output
    }

    /// Packages podinfo 6.5.3 from the shared conformance data; returns the .tgz path.
    func packagePodinfo() async throws -> String {
        try await run(["package", SharedConformance.path("charts/podinfo-6.5.3"), "-d", home])
        return home + "/podinfo-6.5.3.tgz"
    }

    func remove() { try? FileManager.default.removeItem(atPath: home) }
}

@Suite("Helm charts in the registry: helm push → our pull, our push → helm pull",
       .enabled(if: TestTools.haveRegistry && TestTools.helm() != nil && SharedConformance.isAvailable), .serialized)
struct HelmPushTests {
    @Test("a chart pushed by helm 3.13.2 is pulled with Helm's media types and digests")
    func helmPushOurPull() async throws {
        let helm = try #require(HelmCLI())
        defer { helm.remove() }
        let tgz = try await helm.packagePodinfo()
        try await withRegistry { registry, http in
            try await helm.run(["push", tgz, "oci://\(registry.host)/charts", "--plain-http"])
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let pulled = try await client.pullHelmChart("oci://\(registry.host)/charts/podinfo:6.5.3", maxChartSize: 10 << 20)
            #expect(pulled.chart == Array(try Data(contentsOf: URL(fileURLWithPath: tgz))))
            #expect(pulled.chartDescriptor.mediaType == MediaTypes.helmChartContent)
            let config = try JSONParser.parse(bytes: pulled.config)
            #expect(config["name"]?.stringValue == "podinfo")
            #expect(config["version"]?.stringValue == "6.5.3")
            #expect(try await client.tags(pulled.reference) == ["6.5.3"])
        }
    }

    @Test("a chart pushed by this client is pulled by helm 3.13.2, with login to an htpasswd registry")
    func ourPushHelmPull() async throws {
        let helm = try #require(HelmCLI())
        defer { helm.remove() }
        let tgz = try await helm.packagePodinfo()
        let chart = Array(try Data(contentsOf: URL(fileURLWithPath: tgz)))
        try await withRegistry(auth: .htpasswd(user: "flux", password: "s3cret")) { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "s3cret"), plainHTTP: true))
            let config = Array(#"{"name":"podinfo","version":"6.5.3","apiVersion":"v2"}"#.utf8)
            try await client.pushHelmChart(chart, configJSON: config, to: "oci://\(registry.host)/charts/podinfo:6.5.3",
                                           annotations: [("org.opencontainers.image.title", "podinfo"), ("org.opencontainers.image.version", "6.5.3")])
            try await helm.run(["registry", "login", registry.host, "-u", "flux", "-p", "s3cret", "--insecure"])
            try FileManager.default.createDirectory(atPath: helm.home + "/pulled", withIntermediateDirectories: true)
            try await helm.run(["pull", "oci://\(registry.host)/charts/podinfo", "--version", "6.5.3", "--plain-http", "-d", helm.home + "/pulled"])
            let pulled = Array(try Data(contentsOf: URL(fileURLWithPath: helm.home + "/pulled/podinfo-6.5.3.tgz")))
            #expect(pulled == chart)
        }
    }
}
