import Foundation
import FluxInstall
import StructuredData
import SwiftFluxTesting
import Testing

/// The machine's kubectl.
private let kubectlPath = "/usr/bin/kubectl"

/// `kubectl apply -f` of the export against the embedded API server.
@Suite("swiftflux install --export applied with kubectl", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: kubectlPath)))
struct InstallApplyTests {
    static let kubectl = kubectlPath

    static func run(_ server: TestAPIServer, _ args: [String], stdin: String? = nil) async throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = server.directory
        env["KUBECONFIG"] = server.kubeconfigPath
        return try await ProcessRunner.run(kubectl, args, environment: env, stdin: stdin, timeout: 120)
    }

    /// Kinds of the export today's embedded server does not serve (a server gap, not an export
    /// bug): applied separately, where the only accepted failure is kubectl's "no matches for kind".
    static let unservedKinds: Set<String> = ["ResourceQuota"]

    @Test("kubectl apply of every component succeeds and the CRDs become Established")
    func applyAndEstablish() async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        var options = InstallOptions()
        options.componentsExtra = ["image-reflector-controller", "image-automation-controller"]
        let objects = try InstallManifests.objects(options)
        let served = objects.filter { !Self.unservedKinds.contains($0["kind"]?.stringValue ?? "") }
        let export = try YAML.serializeDocuments(served)
        let applied = try await Self.run(server, ["apply", "-f", "-"], stdin: export)
        #expect(applied.status == 0, "stdout:\n\(applied.stdout)\nstderr:\n\(applied.stderr)")
        #expect(applied.stdout.contains("customresourcedefinition.apiextensions.k8s.io/helmreleases.helm.toolkit.fluxcd.io created"))
        #expect(applied.stdout.contains("deployment.apps/source-controller created"))
        #expect(applied.stdout.contains("networkpolicy.networking.k8s.io/allow-webhooks created"))

        let waited = try await Self.run(server, ["wait", "--for=condition=established", "--timeout=60s", "crd", "--all"])
        #expect(waited.status == 0, "\(waited.stdout)\n\(waited.stderr)")
        #expect(waited.stdout.components(separatedBy: "condition met").count - 1 == 13, "\(waited.stdout)")

        let again = try await Self.run(server, ["apply", "-f", "-"], stdin: export)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("customresourcedefinition.apiextensions.k8s.io/kustomizations.kustomize.toolkit.fluxcd.io unchanged"),
                "\(again.stdout)")

        let hr = try await Self.run(server, ["get", "hr", "-A"])
        #expect(hr.status == 0 && hr.stderr.contains("No resources found"), "\(hr.stdout)\n\(hr.stderr)")

        for object in objects where Self.unservedKinds.contains(object["kind"]?.stringValue ?? "") {
            let kind = object["kind"]?.stringValue ?? ""
            let result = try await Self.run(server, ["apply", "-f", "-"], stdin: try YAML.serialize(object))
            #expect(result.status == 0 || result.stderr.contains(#"no matches for kind "\#(kind)" in version "v1""#),
                    "\(result.stdout)\n\(result.stderr)")
        }
    }
}
