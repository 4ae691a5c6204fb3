import FluxCLI
import SharedTestData
import Testing

@Suite("flux trace (cmd/flux/trace_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct TraceGoldenTests {
    @Test("trace reports the Flux owner, its source and their Ready state",
          arguments: [
            ("trace podinfo --kind deployment --api-version=apps/v1", "deployment",
             ["helmReleaseLastReconcile": "2021-07-16 15:42:20 +0000 UTC", "helmChartLastReconcile": "2021-07-16 15:32:09 +0000 UTC",
              "helmRepositoryLastReconcile": "2021-07-11 00:25:46 +0000 UTC"]),
            ("trace podinfo --kind HelmRelease --api-version=helm.toolkit.fluxcd.io/v2beta2", "helmrelease",
             ["kustomizationLastReconcile": "2021-08-01 04:52:56 +0000 UTC", "gitRepositoryLastReconcile": "2021-07-20 00:48:16 +0000 UTC"]),
            ("trace podinfo --kind HelmRelease --api-version=helm.toolkit.fluxcd.io/v2beta2", "helmrelease-oci",
             ["kustomizationLastReconcile": "2021-08-01 04:52:56 +0000 UTC", "ociRepositoryLastReconcile": "2021-07-20 00:48:16 +0000 UTC"]),
          ])
    func trace(args: String, name: String, times: [String: String]) async throws {
        let harness = try await SharedHarness.get()
        var values = times
        values["ns"] = SharedHarness.namespace("podinfo")
        values["fluxns"] = SharedHarness.namespace("flux-system")
        try await harness.load("flux-v2.2.0/cli-testdata/trace/\(name).yaml", values)
        let result = await harness.run("\(args) -n=\(values["ns"]!)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("flux-v2.2.0/cli-testdata/trace/\(name).golden", values))
    }
}

@Suite("flux tree (cmd/flux/tree_kustomization_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct TreeGoldenTests {
    @Test("tree prints a Kustomization's inventory recursively, or only Flux objects with --compact",
          arguments: [("tree kustomization flux-system", "tree.golden"),
                      ("tree kustomization flux-system --compact", "tree-compact.golden"),
                      ("tree kustomization empty", "tree-empty.golden")])
    func tree(args: String, golden: String) async throws {
        let harness = try await SharedHarness.get()
        let values = ["fluxns": SharedHarness.namespace("flux-system")]
        try await harness.load("flux-v2.2.0/cli-testdata/tree/kustomizations.yaml", values)
        let result = await harness.run("\(args) -n=\(values["fluxns"]!)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("flux-v2.2.0/cli-testdata/tree/\(golden)", values))
    }
}
