import Foundation
import Testing
@testable import KubeClient

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
private func fixture(_ name: String) -> String { fixtures + "/" + name }

@Suite("Kubeconfig loading")
struct KubeConfigTests {
    static let merged = [fixture("config-a.yaml"), fixture("config-b.yaml")]

    @Test("merges KUBECONFIG files: first current-context and first definition win")
    func mergesFirstWins() throws {
        let config = try KubeConfig.load(paths: Self.merged)
        #expect(config.currentContext == "dev")
        #expect(config.clusters["shared"]?.server == "https://shared-from-a.example.com")
        #expect(config.clusters["prod-cluster"]?.server == "https://prod.example.com")
        #expect(Set(config.contexts.keys) == ["dev", "certs", "prod", "data", "broken"])
        let reversed = try KubeConfig.load(paths: Self.merged.reversed())
        #expect(reversed.currentContext == "prod")
        #expect(reversed.clusters["shared"]?.server == "https://shared-from-b.example.com")
    }

    @Test("reads KUBECONFIG from the environment, skipping missing files")
    func environment() throws {
        let env = ["KUBECONFIG": fixture("nope.yaml") + ":" + Self.merged.joined(separator: ":")]
        #expect(try KubeConfig.loadDefault(environment: env).currentContext == "dev")
    }

    @Test("resolves contexts into client configurations", arguments: [
        (nil, "https://dev.example.com:6443", "apps", "dev-token", "-----BEGIN CERTIFICATE-----\ndev-ca\n-----END CERTIFICATE-----\n", nil, false),
        ("certs", "https://shared-from-a.example.com", "default", nil, nil, "client-cert-pem\n", true),
        ("prod", "https://prod.example.com", "default", "file-token", "prod-ca-pem\n", nil, false),
        ("data", "https://prod.example.com", "flux-system", nil, "prod-ca-pem\n", "cert-data", false),
    ] as [(String?, String, String, String?, String?, String?, Bool)])
    func resolvesContext(context: String?, server: String, namespace: String, token: String?, ca: String?, cert: String?,
                         insecure: Bool) throws {
        let c = try KubeConfig.load(paths: Self.merged).clientConfig(context: context)
        #expect(c.server == server)
        #expect(c.namespace == namespace)
        #expect(c.bearerToken == token)
        #expect(c.caData.map { String(decoding: $0, as: UTF8.self) } == ca)
        #expect(c.clientCertificateData.map { String(decoding: $0, as: UTF8.self) } == cert)
        #expect(c.insecureSkipTLSVerify == insecure)
    }

    @Test("carries impersonation from the user entry")
    func impersonation() throws {
        let c = try KubeConfig.load(paths: Self.merged).clientConfig(context: "prod")
        #expect(c.impersonation == Impersonation(user: "alice", groups: ["admins", "devs"]))
        #expect(c.bearerTokenFile == fixture("certs/token"))
    }

    @Test("namespace override beats the context namespace")
    func namespaceOverride() throws {
        #expect(try KubeConfig.load(paths: Self.merged).clientConfig(namespace: "other").namespace == "other")
    }

    @Test("bad input gives a clear error naming what is wrong", arguments: [
        ([fixture("config-a.yaml")], "missing", "invalid configuration: context was not found for specified context: missing"),
        (KubeConfigTests.merged, "broken", "invalid configuration: cluster \"nowhere\" not found for context \"broken\""),
        ([fixture("missing-cert.yaml")], nil,
         "unable to read client-cert \(fixture("certs/does-not-exist.crt")) for user \"u\": no such file or not readable"),
        ([fixture("nope.yaml")], nil, "invalid configuration: no configuration has been provided (no current-context is set)"),
    ] as [([String], String?, String)])
    func errors(paths: [String], context: String?, message: String) {
        #expect {
            try KubeConfig.load(paths: paths).clientConfig(context: context)
        } throws: { error in
            (error as? KubeClientError)?.description == message
        }
    }

    @Test("an unparsable or missing explicit file names the file")
    func unparsable() {
        #expect {
            try KubeConfig.load(paths: [fixture("bad-yaml.yaml")])
        } throws: { error in
            (error as? KubeClientError)?.description.hasPrefix("error loading config file \"\(fixture("bad-yaml.yaml"))\": ") == true
        }
        #expect {
            try KubeConfig.load(paths: [fixture("nope.yaml")], requireAll: true)
        } throws: { error in
            (error as? KubeClientError)?.description == "error loading config file \"\(fixture("nope.yaml"))\": no such file or directory"
        }
        #expect {
            try KubeConfig.load(paths: [fixture("certs")])
        } throws: { error in
            (error as? KubeClientError)?.description == "error loading config file \"\(fixture("certs"))\": the file is not readable"
        }
    }

    @Test("load follows the controller-runtime order", arguments: [
        (fixture("config-b.yaml"), [String: String](), "https://prod.example.com"),
        (nil, ["KUBECONFIG": fixture("config-a.yaml")], "https://dev.example.com:6443"),
        (nil, ["HOME": fixture("no-home"), "KUBECONFIG": fixture("config-b.yaml") + ":" + fixture("config-a.yaml")],
         "https://prod.example.com"),
    ] as [(String?, [String: String], String)])
    func loadOrder(path: String?, environment: [String: String], server: String) throws {
        #expect(try ClientConfig.load(kubeconfig: path, environment: environment).server == server)
    }

    @Test("load without any configuration says so")
    func loadNothing() {
        #expect {
            try ClientConfig.load(environment: ["HOME": fixture("no-home")])
        } throws: { error in
            (error as? KubeClientError)?.description
                == "invalid configuration: no configuration has been provided (no current-context is set)"
        }
    }

    @Test("in-cluster configuration reads the service-account files")
    func inCluster() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sa-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sa-token\n".write(toFile: dir + "/token", atomically: true, encoding: .utf8)
        try "ca-pem".write(toFile: dir + "/ca.crt", atomically: true, encoding: .utf8)
        try "flux-system".write(toFile: dir + "/namespace", atomically: true, encoding: .utf8)
        let env = ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let c = try ClientConfig.inCluster(environment: env, root: dir)
        #expect(c.server == "https://10.0.0.1:443")
        #expect(c.bearerToken == "sa-token")
        #expect(c.namespace == "flux-system")
        #expect(c.caData == Array("ca-pem".utf8))
        #expect {
            try ClientConfig.inCluster(environment: [:], root: dir)
        } throws: { error in
            (error as? KubeClientError)?.description
                == "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined"
        }
    }
}
