import Foundation
import FluxAPI
import FluxCLI
import KubeModel
import SharedTestData
import StructuredData
import Testing

private let data = "flux-v2.2.0/cli-testdata"

@Suite("flux check (check_test.go golden)", .enabled(if: SharedConformance.isAvailable))
struct CheckGoldenTests {
    @Test("check --pre reads the embedded server's version and checks it against >=1.26.0-0")
    func pre() async throws {
        let harness = try await SharedHarness.get()
        let version = try await harness.client.send(.init(method: "GET", path: "/version"))["gitVersion"]?.stringValue ?? ""
        let result = await harness.run("check --pre")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("\(data)/check/check_pre.golden", ["serverVersion": String(version.dropFirst())]))
    }
}

@Suite("flux logs (logs_unit_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct LogsGoldenTests {
    static let logFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/logs/controllers.log").path

    @Test("logs filters the controllers' JSON lines by namespace, kind, name and level",
          arguments: [("-A", "all-logs.txt"), ("-n default", "namespace.txt"), ("--kind Kustomization", "kind.txt"),
                      ("--level error -A", "log-level.txt"),
                      ("-n flux-system --level error --kind Kustomization --name podinfo", "multiple-filters.txt")])
    func logs(args: String, golden: String) async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("logs \(args) --log-file \(Self.logFile)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("\(data)/logs/\(golden)"))
    }
}

@Suite("flux create source git waits (create_source_git_test.go)", .enabled(if: SharedConformance.isAvailable))
struct CreateSourceGitWaitTests {
    @Test("create source git succeeds once the simulated controller stores an artifact")
    func succeeded() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("podinfo")
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [.init(
            resource: GitRepository.apiResource, message: { _ in "succeeded message" },
            fields: { _ in ["artifact": Simulated.artifact("v1")] })])
        defer { controller.stop() }
        let result = await harness.run("create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --timeout=10s -n=\(ns)")
        #expect(result.code == 0)
        expectOutput(result.output, try Golden.read("\(data)/create_source_git/success.golden"))
    }

    @Test("create source git fails with the Stalled message, or when Ready comes without an artifact",
          arguments: [(true, "failed message"), (false, "GitRepository source reconciliation completed but no artifact was found")])
    func failures(stalled: Bool, message: String) async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("podinfo")
        try await Simulated.namespace(harness, ns)
        let task = Task {
            try await FluxHarness.eventually { (try? await harness.client.get(GitRepository.apiResource, namespace: ns, name: "podinfo")) != nil }
            try await harness.setStatus(GitRepository.apiResource, namespace: ns, name: "podinfo") { object in
                let generation = JSONValue.int(object.generation)
                var conditions: [JSONValue] = [["type": "Ready", "status": stalled ? "False" : "True", "reason": stalled ? "URLInvalid" : "Succeeded",
                                                "message": stalled ? "failed message" : "succeeded message", "observedGeneration": generation,
                                                "lastTransitionTime": "2023-01-01T00:00:00Z"]]
                if stalled {
                    conditions.insert(["type": "Stalled", "status": "True", "reason": "URLInvalid", "message": "failed message",
                                       "observedGeneration": generation, "lastTransitionTime": "2023-01-01T00:00:00Z"], at: 0)
                }
                object.raw["status"] = ["observedGeneration": generation, "conditions": .array(conditions)]
            }
        }
        let result = await harness.run("create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --timeout=10s -n=\(ns)")
        try await task.value
        #expect(result.code == 1)
        #expect(result.output.hasSuffix("✗ \(message)\n"), "\(result.output)")
    }
}
