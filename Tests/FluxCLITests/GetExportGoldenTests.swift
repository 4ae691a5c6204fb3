import Foundation
import FluxCLI
import SharedTestData
import Testing

/// A shared embedded server for the golden suites; each test allocates its own namespace.
enum SharedHarness {
    static let harness = Task { try await FluxHarness.start() }
    static let counter = Counter()

    static func get() async throws -> FluxHarness { try await harness.value }

    /// `allocateNamespace`: `<prefix>-<n>`, unique in the process.
    static func namespace(_ prefix: String) -> String { "\(prefix)-\(counter.next())" }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

@Suite("flux get (cmd/flux/get_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct GetGoldenTests {
    @Test("get sources git lists GitRepositories, filtered by label selectors",
          arguments: [("", "get/get.golden"),
                      ("-l sharding.fluxcd.io/key=shard1", "get/get_label_one.golden"),
                      (#"-l "sharding.fluxcd.io/key notin (shard1, shard2)""#, "get/get_label_two.golden")])
    func getSourcesGit(args: String, golden: String) async throws {
        let harness = try await SharedHarness.get()
        let values = ["fluxns": SharedHarness.namespace("flux-system")]
        try await harness.load("flux-v2.2.0/cli-testdata/get/objects.yaml", values)
        let result = await harness.run("get sources git \(args) -n \(values["fluxns"]!)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("flux-v2.2.0/cli-testdata/\(golden)"))
    }
}

@Suite("flux export (cmd/flux/export_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct ExportGoldenTests {
    @Test("export prints each kind as flux does: spec only, durations re-printed, defaults applied, keys sorted",
          arguments: [("export alert-provider slack", "provider.yaml"), ("export alert flux-system", "alert.yaml"),
                      ("export image policy flux-system", "image-policy.yaml"),
                      ("export image repository flux-system", "image-repo.yaml"),
                      ("export image update flux-system", "image-update.yaml"),
                      ("export source git flux-system", "git-repo.yaml"), ("export source helm flux-system", "helm-repo.yaml"),
                      ("export receiver flux-system", "receiver.yaml"), ("export kustomization flux-system", "ks.yaml"),
                      ("export helmrelease flux-system", "helm-release.yaml"), ("export source bucket flux-system", "bucket.yaml")])
    func export(args: String, golden: String) async throws {
        let harness = try await SharedHarness.get()
        let values = ["fluxns": SharedHarness.namespace("flux-system")]
        try await harness.load("flux-v2.2.0/cli-testdata/export/objects.yaml", values)
        let result = await harness.run("\(args) -n=\(values["fluxns"]!)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("flux-v2.2.0/cli-testdata/export/\(golden)", values))
    }
}
