import Foundation
import RegistryTesting
import SwiftFluxTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The whole `swiftflux up` process (API server and controllers) is SIGKILLed while Helm waits on
/// an install, and again on an upgrade, each time right after the `pending-*` release record was
/// written. Restarted on the same data directory, the controller unlocks the stale release and
/// completes: nothing is left pending, revisions are unique and increasing, and the HelmRelease's
/// history agrees with Helm's storage.
@Suite("swiftflux up: SIGKILL during install and upgrade",
       .enabled(if: EndToEnd.isAvailable, "helm, kubectl, docker-registry, the swiftflux executable or ../shared/conformance is absent"))
struct CrashConsistencyTests {
    /// A chart whose release Helm waits on for `delay`: a Job (named after the revision, so each
    /// upgrade makes a new one) that the embedded server completes only after the delay, and a
    /// ConfigMap carrying `message`.
    static func writeChart(to directory: String) throws {
        let root = directory + "/slow"
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try "apiVersion: v2\nname: slow\nversion: 0.1.0\n".write(toFile: root + "/Chart.yaml", atomically: true, encoding: .utf8)
        try "delay: 8s\nmessage: one\n".write(toFile: root + "/values.yaml", atomically: true, encoding: .utf8)
        try """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ .Release.Name }}-{{ .Release.Revision }}
          annotations:
            swiftflux.dev/simulate-delay: {{ .Values.delay }}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: work
                  image: busybox:1.36
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          message: {{ .Values.message | quote }}
        """.write(toFile: root + "/templates/resources.yaml", atomically: true, encoding: .utf8)
    }

    static func manifest(registry: String, message: String) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: demo
        ---
        apiVersion: source.toolkit.fluxcd.io/v1beta2
        kind: HelmRepository
        metadata:
          name: charts
          namespace: demo
        spec:
          type: oci
          insecure: true
          interval: 10m
          url: oci://\(registry)/charts
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: slow
          namespace: demo
        spec:
          interval: 10m
          chart:
            spec:
              chart: slow
              version: "0.1.0"
              sourceRef:
                kind: HelmRepository
                name: charts
          values:
            message: \(message)
        """
    }

    @Test("after a SIGKILL with a pending install, and another with a pending upgrade, the restarted process unlocks and completes each")
    func killDuringInstallAndUpgrade() async throws {
        let e2e = try EndToEnd()
        defer { e2e.cleanUp() }
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try Self.writeChart(to: e2e.directory)
        try await e2e.helm(["package", e2e.directory + "/slow", "-d", e2e.directory])
        try await e2e.helm(["push", e2e.directory + "/slow-0.1.0.tgz", "oci://\(registry.host)/charts", "--plain-http"])

        var up = try e2e.startUp()
        try await e2e.waitForKubeconfig(up)
        try e2e.write("install.yaml", Self.manifest(registry: registry.host, message: "one"))
        try await e2e.kubectl(["apply", "-f", e2e.directory + "/install.yaml"])
        up = try await killWhenPending("pending-install", e2e, up)

        try await waitReady(e2e, up, generation: 1)
        try await expectConsistent(e2e)

        try e2e.write("upgrade.yaml", Self.manifest(registry: registry.host, message: "two"))
        try await e2e.kubectl(["apply", "-f", e2e.directory + "/upgrade.yaml"])
        up = try await killWhenPending("pending-upgrade", e2e, up)
        try await waitReady(e2e, up, generation: 2)
        try await expectConsistent(e2e)
        let message = try await e2e.kubectl(["get", "configmap", "slow-config", "-n", "demo", "-o", "jsonpath={.data.message}"]).stdout
        #expect(message == "two")
        up.stop()
    }

    /// Waits for a Helm release Secret with `status`, SIGKILLs `up`, and starts it again.
    func killWhenPending(_ status: String, _ e2e: EndToEnd, _ up: BackgroundProcess) async throws -> BackgroundProcess {
        let seen = try await e2e.poll(seconds: 120) { () -> Bool? in
            let r = try await e2e.kubectl(["get", "secrets", "-n", "demo", "-l", "owner=helm,status=\(status)", "-o", "name"], check: false)
            return r.stdout.contains("secret/sh.helm.release.v1.slow.") ? true : nil
        }
        guard seen == true else { throw E2EError("no \(status) release record appeared:\n\(up.log.suffix(3000))") }
        kill(up.pid, SIGKILL)
        _ = try await e2e.poll(seconds: 10) { up.hasExited ? true : nil }
        try FileManager.default.removeItem(atPath: e2e.kubeconfig)
        let restarted = try e2e.startUp()
        try await e2e.waitForKubeconfig(restarted)
        return restarted
    }

    func waitReady(_ e2e: EndToEnd, _ up: BackgroundProcess, generation: Int) async throws {
        let ready = try await e2e.poll(seconds: 180) { () -> String? in
            let r = try await e2e.kubectl(["get", "helmrelease", "slow", "-n", "demo", "-o",
                                           #"jsonpath={.status.observedGeneration} {.status.conditions[?(@.type=="Ready")].status}"#],
                                          check: false)
            return r.stdout == "\(generation) True" ? r.stdout : nil
        }
        if ready == nil {
            let hr = try await e2e.kubectl(["get", "helmrelease", "slow", "-n", "demo", "-o", "yaml"], check: false).stdout
            Issue.record("HelmRelease not Ready at generation \(generation):\n\(hr)\n\(up.log.suffix(3000))")
        }
    }

    /// Helm's storage has no pending release, unique increasing revisions ending in a deployed one,
    /// and the HelmRelease's latest snapshot is that release.
    func expectConsistent(_ e2e: EndToEnd) async throws {
        let history = try await e2e.helm(["history", "slow", "-n", "demo", "--kubeconfig", e2e.kubeconfig, "-o", "json"]).stdout
        let entries = try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]] ?? []
        let revisions = entries.compactMap { $0["revision"] as? Int }
        let statuses = entries.compactMap { $0["status"] as? String }
        #expect(!statuses.contains { $0.hasPrefix("pending") }, "\(history)")
        #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count, "\(history)")
        #expect(statuses.last == "deployed", "\(history)")
        let snapshot = try await e2e.kubectl(["get", "helmrelease", "slow", "-n", "demo", "-o",
                                              "jsonpath={.status.history[0].version} {.status.history[0].status}"]).stdout
        #expect(snapshot == "\(revisions.last ?? 0) deployed", "status.history[0] is \(snapshot); storage: \(history)")
    }
}
