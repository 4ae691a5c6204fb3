import Foundation
import StructuredData
import SharedTestData
import Testing
@testable import HelmEngine

/// Real charts: podinfo 6.5.3 (default and production values) and a consumer chart built on
/// bitnami's common library 2.13.3. Every rendered manifest and hook must parse as YAML.
@Suite("real chart renders", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct ChartRenderTests {
    static let charts = SharedConformance.path("charts")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func install(kube: String = "1.28.3") throws -> InstallRender {
        var capabilities = Capabilities()
        capabilities.kubeVersion = try Capabilities.KubeVersion.parse(kube)
        return InstallRender(release: ReleaseOptions(name: "demo", namespace: "apps"), capabilities: capabilities)
    }

    static func documents(_ result: InstallRender.Result) throws -> [JSONValue] {
        var out: [JSONValue] = []
        for m in result.manifests { out.append(try YAML.parse(m.content)) }
        for h in result.hooks { out.append(try YAML.parse(h.manifest)) }
        return out
    }

    @Test("podinfo renders with its defaults and every manifest parses")
    func podinfoDefaults() throws {
        let chart = try ChartLoader().load(path: Self.charts + "/podinfo-6.5.3")
        let result = try Self.install().run(chart: chart, values: [:])
        #expect(result.manifests.map(\.kind) == ["Service", "Deployment"])
        #expect(result.hooks.map(\.kind) == ["Pod", "Pod", "Pod"])
        #expect(result.hooks.allSatisfy { $0.isTest })
        let docs = try Self.documents(result)
        #expect(docs.allSatisfy { $0["kind"]?.stringValue != nil })
        #expect(docs[1][dotted: "spec.replicas"] == .int(1))
        #expect(docs[1][path: ["metadata", "name"]] == .string("demo-podinfo"))
        #expect(result.notes.contains("demo"))
    }

    @Test("podinfo renders with values-prod.yaml and --set overrides")
    func podinfoProduction() throws {
        let chart = try ChartLoader().load(path: Self.charts + "/podinfo-6.5.3")
        let prodData = try #require(FileManager.default.contents(atPath: Self.charts + "/podinfo-6.5.3/values-prod.yaml"))
        var options = ValueOptions()
        options.valueFiles = [("values-prod.yaml", [UInt8](prodData))]
        options.values = ["replicaCount=3", "ingress.enabled=true"]
        let values = try options.merge { _ in [] }
        let result = try Self.install().run(chart: chart, values: values)
        let kinds = result.manifests.map(\.kind)
        #expect(kinds.contains("HorizontalPodAutoscaler"))
        #expect(kinds.contains("Ingress"))
        #expect(kinds.filter { $0 == "Deployment" }.count == 2)
        let docs = try Self.documents(result)
        #expect(docs.count == result.manifests.count + result.hooks.count)
    }

    @Test("podinfo's kubeVersion constraint rejects Kubernetes 1.20")
    func podinfoKubeVersion() throws {
        let chart = try ChartLoader().load(path: Self.charts + "/podinfo-6.5.3")
        let failure = #expect(throws: InstallRender.RenderFailure.self) {
            _ = try Self.install(kube: "1.20.0").run(chart: chart, values: [:])
        }
        #expect(failure?.error.message == "chart requires kubeVersion: >=1.23.0-0 which is incompatible with Kubernetes v1.20.0")
    }

    @Test("a chart built on bitnami common renders and every manifest parses")
    func bitnamiConsumer() throws {
        var chart = try ChartLoader().load(path: Self.fixtures + "/bitnami-consumer")
        chart.dependencies.append(try ChartLoader().load(path: Self.charts + "/bitnami-common-2.13.3"))
        let result = try Self.install().run(chart: chart, values: [:])
        #expect(result.manifests.map(\.kind) == ["Secret", "Service", "Deployment"])
        let docs = try Self.documents(result)
        let deployment = try #require(docs.last)
        #expect(deployment["apiVersion"] == .string("apps/v1"))
        #expect(deployment[dotted: "metadata.name"] == .string("demo-consumer"))
        #expect(deployment[dotted: "metadata.namespace"] == .string("apps"))
        #expect(deployment[dotted: "metadata.labels.team"] == .string("platform"))
        #expect(deployment[path: ["metadata", "labels", "helm.sh/chart"]] == .string("consumer-1.2.3"))
        let container = deployment[path: ["spec", "template", "spec", "containers"]]?[0]
        #expect(container?["image"] == .string("docker.io/bitnami/nginx:1.25.3-debian-11-r1"))
        let secret = try #require(docs.first)
        #expect(secret[dotted: "data.password"]?.stringValue?.isEmpty == false)
    }
}
