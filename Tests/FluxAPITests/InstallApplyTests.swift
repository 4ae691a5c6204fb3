import Foundation
import FluxInstall
import StructuredData
import SwiftFluxTesting
import Testing

/// `kubectl apply -f` of the export against the embedded API server.
@Suite("swiftflux install --export applied with kubectl", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: InstallApplyTests.kubectl)))
struct InstallApplyTests {
    static let kubectl = "/usr/bin/kubectl"

    static func run(_ server: TestAPIServer, _ args: [String], stdin: String? = nil) async throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = server.directory
        env["KUBECONFIG"] = server.kubeconfigPath
        return try await ProcessRunner.run(kubectl, args, environment: env, stdin: stdin, timeout: 120)
    }

    @Test("kubectl apply of every component succeeds and the CRDs become Established")
    func applyAndEstablish() async throws {
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        var options = InstallOptions()
        options.componentsExtra = ["image-reflector-controller", "image-automation-controller"]
        let export = try InstallManifests.export(options)
        let applied = try await Self.run(server, ["apply", "-f", "-"], stdin: export)
        #expect(applied.status == 0, "stdout:\n\(applied.stdout)\nstderr:\n\(applied.stderr)")
        #expect(applied.stdout.contains("customresourcedefinition.apiextensions.k8s.io/helmreleases.helm.toolkit.fluxcd.io created"))
        #expect(applied.stdout.contains("deployment.apps/source-controller created"))

        let waited = try await Self.run(server, ["wait", "--for=condition=established", "--timeout=60s", "crd", "--all"])
        #expect(waited.status == 0, "\(waited.stdout)\n\(waited.stderr)")
        #expect(waited.stdout.components(separatedBy: "condition met").count - 1 == 13, "\(waited.stdout)")

        let again = try await Self.run(server, ["apply", "-f", "-"], stdin: export)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("customresourcedefinition.apiextensions.k8s.io/kustomizations.kustomize.toolkit.fluxcd.io unchanged"),
                "\(again.stdout)")

        let hr = try await Self.run(server, ["get", "hr", "-A"])
        #expect(hr.status == 0 && hr.stderr.contains("No resources found"), "\(hr.stdout)\n\(hr.stderr)")
    }
}
