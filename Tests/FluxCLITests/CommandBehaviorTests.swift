import FluxAPI
import FluxCLI
import Foundation
import KubeModel
import SharedTestData
import StructuredData
import Testing

private func helmRepository(_ ns: String, _ name: String, oci: Bool = false, suspend: Bool = false) -> KubeObject {
    var spec: JSONObject = ["interval": "5m", "url": oci ? "oci://ghcr.io/stefanprodan/charts" : "https://stefanprodan.github.io/podinfo"]
    if oci { spec["type"] = "oci" }
    if suspend { spec["suspend"] = true }
    return KubeObject(["apiVersion": .string(HelmRepository.apiResource.apiVersion), "kind": "HelmRepository",
                       "metadata": ["name": .string(name), "namespace": .string(ns)], "spec": .object(spec)])
}

@Suite("flux command behaviour beyond the goldens", .enabled(if: SharedConformance.isAvailable))
struct CommandBehaviorTests {
    @Test("reconcile: static objects are not reconciled, suspended ones refused, a False Ready is waited on until the timeout")
    func reconcileOutcomes() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("reconcile")
        try await Simulated.namespace(harness, ns)
        try await harness.create(helmRepository(ns, "oci", oci: true))
        try await harness.create(helmRepository(ns, "paused", suspend: true))
        try await harness.create(helmRepository(ns, "broken"))
        let staticResult = await harness.run("reconcile source helm oci -n \(ns)")
        #expect(staticResult.code == 0 && staticResult.output == "✔ reconciliation not supported by the object\n")
        let suspended = await harness.run("reconcile source helm paused -n \(ns)")
        #expect(suspended.code == 1 && suspended.output == "✗ resource is suspended\n")
        let failing = Task {
            try await FluxHarness.eventually {
                let o = try await harness.client.get(HelmRepository.apiResource, namespace: ns, name: "broken")
                return o.annotations["reconcile.fluxcd.io/requestedAt"] != nil
            }
            try await harness.setStatus(HelmRepository.apiResource, namespace: ns, name: "broken") { o in
                o.raw["status"] = ["observedGeneration": .int(o.generation),
                                   "lastHandledReconcileAt": .string(o.annotations["reconcile.fluxcd.io/requestedAt"] ?? ""),
                                   "conditions": [["type": "Ready", "status": "False", "reason": "Failed", "message": "index unreachable",
                                                   "lastTransitionTime": "2024-01-01T00:00:00Z", "observedGeneration": .int(o.generation)]]]
            }
        }
        // kstatus reads Ready=False as InProgress, so flux keeps polling until --timeout.
        let failed = await harness.run("reconcile source helm broken -n \(ns) --timeout 2s")
        try await failing.value
        #expect(failed.code == 1)
        #expect(failed.output == """
            ► annotating HelmRepository broken in \(ns) namespace
            ✔ HelmRepository annotated
            ◎ waiting for HelmRepository reconciliation
            ✗ context deadline exceeded

            """)
    }

    @Test("waiting gives up after --timeout with context deadline exceeded")
    func timeout() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("timeout")
        try await Simulated.namespace(harness, ns)
        try await harness.create(helmRepository(ns, "slow"))
        let result = await harness.run("reconcile source helm slow -n \(ns) --timeout 300ms")
        #expect(result.code == 1)
        #expect(result.output.hasSuffix("◎ waiting for HelmRepository reconciliation\n✗ context deadline exceeded\n"))
    }

    @Test("suspend --all and resume --all patch every object of the kind in the namespace")
    func allObjects() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("all")
        try await Simulated.namespace(harness, ns)
        for name in ["a", "b"] { try await harness.create(helmRepository(ns, name)) }
        let suspended = await harness.run("suspend source helm --all -n \(ns)")
        #expect(suspended.output == """
            ► suspending source helm a in \(ns) namespace
            ✔ source helm suspended
            ► suspending source helm b in \(ns) namespace
            ✔ source helm suspended

            """)
        let listed = await harness.run("get sources helm -n \(ns) --no-header")
        #expect(listed.output == "a\t\tTrue\tFalse\twaiting to be reconciled\t\nb\t\tTrue\tFalse\twaiting to be reconciled\t\n")
        let selected = await harness.run("get sources helm -n \(ns) --status-selector ready=false")
        // Objects without a Ready condition never match; the table keeps its header.
        #expect(selected.output == "NAME\tREVISION\tSUSPENDED\tREADY\tMESSAGE \n")
        let resumed = await harness.run("resume source helm --all -n \(ns)")
        #expect(resumed.output == """
            ► resuming source helm a in \(ns) namespace
            ✔ source helm resumed
            ► resuming source helm b in \(ns) namespace
            ✔ source helm resumed

            """)
        let all = await harness.run("get all -A -l nothing=here")
        #expect(all.code == 0 && all.output.isEmpty)
    }

    @Test("delete asks first; anything but y aborts")
    func deletePrompt() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("delete")
        try await Simulated.namespace(harness, ns)
        try await harness.create(helmRepository(ns, "keep"))
        let aborted = await harness.run("delete source helm keep -n \(ns)", input: ["n"])
        #expect(aborted.code == 1)
        #expect(aborted.output == "? Are you sure you want to delete this source helm? [y/N] ✗ aborting\n")
        let confirmed = await harness.run("delete source helm keep -n \(ns)", input: ["y"])
        #expect(confirmed.code == 0)
        #expect(confirmed.output.hasSuffix("► deleting source helm keep in \(ns) namespace\n✔ source helm deleted\n"))
    }

    @Test("stats counts running, failing and suspended objects per kind")
    func stats() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("stats")
        try await Simulated.namespace(harness, ns)
        try await harness.create(helmRepository(ns, "one"))
        try await harness.create(helmRepository(ns, "two", suspend: true))
        let result = await harness.run("stats -n \(ns)")
        #expect(result.code == 0)
        #expect(result.output.contains("\nHelmRepository       \t1      \t0      \t1        \t-      \t\n"))
        #expect(result.output.hasPrefix("RECONCILERS          \tRUNNING\tFAILING\tSUSPENDED\tSTORAGE \n"))
    }

    @Test("logs honours --tail, --since-time and rejects both --since and --since-time")
    func logsOptions() async throws {
        let harness = try await SharedHarness.get()
        let file = LogsGoldenTests.logFile
        let tail = await harness.run("logs -A --tail 1 --log-file \(file)")
        #expect(tail.output == "2022-08-02T12:56:34.961Z error Kustomization/podinfo.flux-system - no changes since last reconcilation: observed revision \n")
        let since = await harness.run("logs -A --since-time 2022-08-02T12:56:30Z --level info --log-file \(file)")
        #expect(since.output.split(separator: "\n").count == 2)
        let both = await harness.run("logs --since 5m --since-time 2022-08-02T12:56:30Z --log-file \(file)")
        #expect(both.code == 1 && both.output == "✗ at most one of `sinceTime` or `sinceDuration` may be specified\n")
        let missing = await harness.run("logs --log-file /nonexistent/controllers.log")
        #expect(missing.code == 1 && missing.output == "✗ open /nonexistent/controllers.log: no such file or directory\n")
    }

    @Test("get --watch prints the header once, a row per change, and ends at --timeout")
    func watch() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("watch")
        try await Simulated.namespace(harness, ns)
        try await harness.create(helmRepository(ns, "watched"))
        let result = await harness.run("get sources helm --watch -n \(ns) --timeout 1s")
        #expect(result.code == 1)
        #expect(result.output.hasPrefix("NAME   \tREVISION\tSUSPENDED\tREADY\tMESSAGE                  \nwatched\t        \tFalse    \tFalse\twaiting to be reconciled\t\n"))
        #expect(result.output.hasSuffix("✗ timed out waiting for the condition\n"))
    }
}
