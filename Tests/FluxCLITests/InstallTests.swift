import FluxCLI
import FluxInstall
import Foundation
import KubeModel
import SharedTestData
import StructuredData
import Testing

@Suite("flux install and uninstall guardrails", .serialized, .enabled(if: SharedConformance.isAvailable))
struct InstallTests {
    /// Sets (or removes, with nil) labels on the GitRepository CRD the guardrails read.
    static func label(_ harness: FluxHarness, _ labels: [String: String?]) async throws {
        var patch: JSONObject = [:]
        for (k, v) in labels { patch[k] = v.map { .string($0) } ?? .null }
        _ = try await harness.client.patch(Builtin_crds, name: "gitrepositories.source.toolkit.fluxcd.io", type: .merge,
                                           body: ["metadata": ["labels": .object(patch)]])
    }

    static let Builtin_crds = APIResource(group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions",
                                          kind: "CustomResourceDefinition", namespaced: false)

    @Test("install --export prints the install manifests")
    func export() async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("install --export --components-extra=image-reflector-controller")
        var options = InstallOptions()
        options.componentsExtra = ["image-reflector-controller"]
        options.registry = InstallOptions.defaultRegistry
        options.imageTag = "latest"
        #expect(result.code == 0)
        #expect(result.output == (try InstallManifests.export(options)))
    }

    @Test("install refuses an unknown component")
    func unknownComponent() async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("install --components-extra=foo-controller")
        #expect(result.code == 1 && result.output == "✗ component foo-controller is not available\n")
    }

    @Test("install refuses a bootstrapped cluster, and asks before overriding another tool's installation")
    func guardrails() async throws {
        let harness = try await FluxHarness.start()
        defer { Task { await harness.stop() } }
        try await Self.label(harness, ["kustomize.toolkit.fluxcd.io/name": "flux-system", "kustomize.toolkit.fluxcd.io/namespace": "flux-system"])
        let bootstrapped = await harness.run("install")
        #expect(bootstrapped.code == 1)
        #expect(bootstrapped.output == """
            ✚ generating manifests
            ✔ manifests build completed
            ► installing components in flux-system namespace
            ✗ this cluster has already been bootstrapped with Flux v2.2.0! Please use 'flux bootstrap' to upgrade

            """)
        try await Self.label(harness, ["kustomize.toolkit.fluxcd.io/name": nil, "kustomize.toolkit.fluxcd.io/namespace": nil,
                                       "app.kubernetes.io/managed-by": "Helm"])
        let declined = await harness.run("install", input: ["n"])
        #expect(declined.code == 1)
        #expect(declined.output.hasSuffix("""
            ► installing components in flux-system namespace
            Flux v2.2.0 has been installed on this cluster with Helm!
            ? Are you sure you want to override the Helm installation? Y/N? [y/N] ✗ installation cancelled

            """), "\(declined.output)")

        let uninstall = await harness.run("uninstall --dry-run --keep-namespace")
        #expect(uninstall.code == 0)
        #expect(uninstall.output.hasPrefix("► deleting components in flux-system namespace\n► deleting toolkit.fluxcd.io finalizers in all namespaces\n► deleting toolkit.fluxcd.io custom resource definitions\n"))
        #expect(uninstall.output.contains("✔ CustomResourceDefinition/helmreleases.helm.toolkit.fluxcd.io deleted (dry run)\n"))
        #expect(uninstall.output.hasSuffix("✔ uninstall finished\n"))
        let stillThere = try await harness.client.get(Self.Builtin_crds, name: "helmreleases.helm.toolkit.fluxcd.io")
        #expect(stillThere.name == "helmreleases.helm.toolkit.fluxcd.io")

        let aborted = await harness.run("uninstall", input: ["no"])
        #expect(aborted.code == 1)
        #expect(aborted.output == "? Flux is managed by Helm! Are you sure you want to delete Flux and its CRDs using Flux CLI? [y/N] ✗ aborting\n")
    }
}
