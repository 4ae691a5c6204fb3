import HelmEngine
import KubeClient
import StructuredData
import Testing
@testable import HelmActions

/// `.Capabilities` come from the embedded API server (`/version` reports v1.28.0+swiftflux) and its discovery.
@Suite("Capabilities from the cluster")
struct CapabilitiesTests {
    static let template = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: caps
        data:
          version: {{ .Capabilities.KubeVersion.Version | quote }}
          major: {{ .Capabilities.KubeVersion.Major | quote }}
          minor: {{ .Capabilities.KubeVersion.Minor | quote }}
          deployment: {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" | quote }}
          appsV1: {{ .Capabilities.APIVersions.Has "apps/v1" | quote }}
          missing: {{ .Capabilities.APIVersions.Has "example.com/v9/Nothing" | quote }}

        """

    static func chart(kubeVersion: String?) throws -> HelmEngine.Chart {
        var meta = "apiVersion: v2\nname: caps\nversion: 0.1.0\n"
        if let kubeVersion { meta += "kubeVersion: \"\(kubeVersion)\"\n" }
        return try ChartLoader().load(files: [HelmEngine.ChartFile(name: "Chart.yaml", data: Array(meta.utf8)),
                                              HelmEngine.ChartFile(name: "templates/caps.yaml", data: Array(template.utf8))])
    }

    @Test("the rendered manifest sees the server version and the served API versions")
    func rendersClusterCapabilities() async throws {
        try await TestCluster.with { client in
            let config = ActionConfiguration(client: client, namespace: "default")
            let caps = try await config.capabilities()
            #expect(caps.kubeVersion == Capabilities.KubeVersion(version: "v1.28.0+swiftflux", major: "1", minor: "28"))
            #expect(caps.apiVersions.contains("v1") && caps.apiVersions.contains("v1/ConfigMap"))
            let rendered = try await config.render(try Self.chart(kubeVersion: ">=1.25.0-0"), values: [:], releaseName: "caps",
                                                   namespace: "default", revision: 1, isUpgrade: false)
            let expected = ["version: \"v1.28.0+swiftflux\"", "major: \"1\"", "minor: \"28\"", "deployment: \"true\"",
                            "appsV1: \"true\"", "missing: \"false\""]
            for line in expected { #expect(rendered.manifest.contains(line), "\(line) in \(rendered.manifest)") }
            let release = try await Install(releaseName: "caps", namespace: "default").run(config, chart: rendered, values: .object([:]))
            #expect(release.manifest.contains("deployment: \"true\""))
        }
    }

    @Test("the server's version carries build metadata, not a prerelease, so plain constraints match it",
          arguments: [">=1.20.0", "^1.28.0", ">=1.23.0-0"])
    func acceptsCompatibleKubeVersion(constraint: String) async throws {
        try await TestCluster.with { client in
            let config = ActionConfiguration(client: client, namespace: "default")
            let chart = try Self.chart(kubeVersion: constraint)
            _ = try await config.render(chart, values: [:], releaseName: "caps", namespace: "default", revision: 1, isUpgrade: false)
        }
    }

    @Test("a chart whose kubeVersion excludes the server fails with Helm's message", arguments: [
        (">=1.29.0-0", "chart requires kubeVersion: >=1.29.0-0 which is incompatible with Kubernetes v1.28.0+swiftflux"),
        ("<1.28.0-0", "chart requires kubeVersion: <1.28.0-0 which is incompatible with Kubernetes v1.28.0+swiftflux"),
    ])
    func rejectsIncompatibleKubeVersion(constraint: String, message: String) async throws {
        try await TestCluster.with { client in
            let config = ActionConfiguration(client: client, namespace: "default")
            let chart = try Self.chart(kubeVersion: constraint)
            do {
                _ = try await config.render(chart, values: [:], releaseName: "caps", namespace: "default", revision: 1, isUpgrade: false)
                Issue.record("render succeeded for kubeVersion \(constraint)")
            } catch let error as HelmActionsError {
                #expect(error.description == message)
            }
        }
    }
}
