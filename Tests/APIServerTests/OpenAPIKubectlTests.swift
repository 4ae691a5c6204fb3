import Foundation
import StructuredData
import SwiftFluxTesting
import Testing
@testable import APIServerCore

/// `kubectl explain` through each kubectl's preferred document (1.28 and 1.32 read `/openapi/v3`,
/// 1.20 the `/openapi/v2` protobuf), and kubectl's client-side validation against the schemas.
@Suite("kubectl explain and validation against the OpenAPI documents", .serialized)
struct OpenAPIKubectlTests {
    /// kubectl 1.20 prints the old explain layout (`RESOURCE:`, 3- and 5-space indents).
    static func isOld(_ kubectl: Kubectl) -> Bool { kubectl.label == "kubectl 1.20" }

    /// Whether `expected` occur as whole lines of `output`, in order.
    static func containsLines(_ output: String, _ expected: [String]) -> Bool {
        var remaining = expected[...]
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) where remaining.first == String(line) {
            remaining = remaining.dropFirst()
        }
        return remaining.isEmpty
    }

    /// The Flux HelmRelease CRD from the shared conformance data, when present.
    static var helmReleaseCRD: String? {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared").path
        if let env = ProcessInfo.processInfo.environment["SWIFTFLUX_SHARED"], !env.isEmpty { root = env }
        let path = root + "/conformance/flux-v2.2.0/crds/helm.toolkit.fluxcd.io_helmreleases.yaml"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test("explain deployment.spec prints the kind, the field, its description and its fields", arguments: Kubectl.available)
    func explainDeploymentSpec(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let result = try await kubectl.run(server, ["explain", "deployment.spec"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.isOld(kubectl) ? [
            "KIND:     Deployment",
            "VERSION:  apps/v1",
            "RESOURCE: spec <Object>",
            "DESCRIPTION:",
            "     The desired behavior of the Deployment.",
            "     The desired state of a Deployment.",
            "FIELDS:",
            "   replicas\t<integer>",
            "     The number of desired pods. Defaults to 1.",
            "   selector\t<Object> -required-",
            "   template\t<Object> -required-",
        ] : [
            "GROUP:      apps",
            "KIND:       Deployment",
            "VERSION:    v1",
            "FIELD: spec <DeploymentSpec>",
            "DESCRIPTION:",
            "    The desired behavior of the Deployment.",
            "    The desired state of a Deployment.",
            "FIELDS:",
            "  replicas\t<integer>",
            "    The number of desired pods. Defaults to 1.",
            "  selector\t<LabelSelector> -required-",
            "  template\t<PodTemplateSpec> -required-",
        ]
        #expect(Self.containsLines(result.stdout, expected), "\(result.stdout)")
    }

    @Test("explain pods.spec.containers lists the container fields", arguments: Kubectl.available)
    func explainContainers(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let result = try await kubectl.run(server, ["explain", "pods.spec.containers"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.isOld(kubectl) ? [
            "KIND:     Pod",
            "VERSION:  v1",
            "RESOURCE: containers <[]Object>",
            "     The containers of the pod. At least one is required; cannot be updated.",
            "   env\t<[]Object>",
            "   image\t<string>",
            "     The container image reference.",
            "   livenessProbe\t<Object>",
            "   name\t<string> -required-",
            "   resources\t<Object>",
        ] : [
            "KIND:       Pod",
            "VERSION:    v1",
            "FIELD: containers <[]Container>",
            "    The containers of the pod. At least one is required; cannot be updated.",
            "  env\t<[]EnvVar>",
            "  image\t<string>",
            "    The container image reference.",
            "  livenessProbe\t<Probe>",
            "  name\t<string> -required-",
            "  resources\t<ResourceRequirements>",
        ]
        #expect(Self.containsLines(result.stdout, expected), "\(result.stdout)")
    }

    @Test("explain helmreleases.spec reads the CRD's schema once the CRD is applied", arguments: Kubectl.available)
    func explainCustomResource(kubectl: Kubectl) async throws {
        guard let crd = Self.helmReleaseCRD else { return }
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let applied = try await kubectl.run(server, ["apply", "-f", crd])
        #expect(applied.status == 0, "\(applied.stderr)")
        let result = try await kubectl.run(server, ["explain", "helmreleases.spec"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.isOld(kubectl) ? [
            "KIND:     HelmRelease",
            "VERSION:  helm.toolkit.fluxcd.io/v2beta2",
            "RESOURCE: spec <Object>",
            "     HelmReleaseSpec defines the desired state of a Helm release.",
            "   chart\t<Object> -required-",
            "   interval\t<string> -required-",
        ] : [
            "GROUP:      helm.toolkit.fluxcd.io",
            "KIND:       HelmRelease",
            "VERSION:    v2beta2",
            "FIELD: spec <Object>",
            "    HelmReleaseSpec defines the desired state of a Helm release.",
            "  chart\t<Object> -required-",
            "  interval\t<string> -required-",
        ]
        #expect(Self.containsLines(result.stdout, expected), "\(result.stdout)")
    }

    @Test("explain of a CRD created in the test, and an error once it is deleted", arguments: Kubectl.available)
    func explainCreatedAndDeleted(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let created = await server.api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", OpenAPITestData.widgetCRD)
        #expect(created.code == 201)
        let result = try await kubectl.run(server, ["explain", "widgets.spec.color"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.isOld(kubectl)
            ? ["KIND:     Widget", "VERSION:  example.com/v1", "FIELD:    color <string>", "     The widget's color."]
            : ["GROUP:      example.com", "KIND:       Widget", "VERSION:    v1", "FIELD: color <string>", "    The widget's color."]
        #expect(Self.containsLines(result.stdout, expected), "\(result.stdout)")
        _ = await server.api.call("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
        let gone = await eventually(within: 10) { server.api.registry.lookup(group: "example.com", kind: "Widget") == nil }
        #expect(gone)
        let after = try await kubectl.run(server, ["explain", "widgets", "--api-version=example.com/v1"])
        #expect(after.status != 0)
    }

    @Test("client-side apply of a changed custom resource succeeds (kubectl sends a merge patch, not a strategic one)",
          arguments: Kubectl.available)
    func customResourceReapply(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        _ = await server.api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", OpenAPITestData.widgetCRD)
        let widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  color: red\n  size: 1\n"
        let first = try await kubectl.run(server, ["apply", "-f", "-"], stdin: widget)
        #expect(first.stdout.contains("widget.example.com/w created"), "\(first.stderr)")
        let second = try await kubectl.run(server, ["apply", "-f", "-"], stdin: widget.replacingOccurrences(of: "red", with: "blue"))
        #expect(second.stdout.contains("widget.example.com/w configured"), "\(second.stderr)")
        let stored = await server.api.call("GET", "/apis/example.com/v1/namespaces/default/widgets/w").body
        #expect(stored["spec"]?["color"] == "blue")
    }

    @Test("apply of a Deployment with an unknown field fails kubectl's client-side validation", arguments: Kubectl.available)
    func unknownFieldIsRejected(kubectl: Kubectl) async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicaz: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
            """
        let result = try await kubectl.run(server, ["apply", "-f", "-"], stdin: manifest)
        #expect(result.status != 0)
        #expect(result.stderr.contains(#"error validating data: ValidationError(Deployment.spec): unknown field "replicaz" in io.k8s.api.apps.v1.DeploymentSpec"#),
                "\(result.stderr)")
        let valid = try await kubectl.run(server, ["apply", "-f", "-"], stdin: manifest.replacingOccurrences(of: "replicaz", with: "replicas"))
        #expect(valid.stdout.contains("deployment.apps/web created"), "\(valid.stderr)")
    }
}
