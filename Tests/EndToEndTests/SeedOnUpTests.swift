import Foundation
import RegistryTesting
import SwiftFluxTesting
import Testing

/// The helm-controller seed scenario on `swiftflux up`, with real clients only: Helm v3.13.2
/// packages podinfo 6.5.3 and pushes it to a real Distribution registry, kubectl 1.28 applies a
/// HelmRepository and a HelmRelease to the `swiftflux up` process, and once the release is Ready
/// `kubectl describe` shows Flux's events and Helm reads the release the controller wrote.
@Suite("swiftflux up: the helm-controller seed scenario end to end",
       .enabled(if: EndToEnd.isAvailable, "helm, kubectl, docker-registry, the swiftflux executable or ../shared/conformance is absent"))
struct SeedOnUpTests {
    static let manifest = """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: demo
    ---
    apiVersion: source.toolkit.fluxcd.io/v1beta2
    kind: HelmRepository
    metadata:
      name: podinfo
      namespace: demo
    spec:
      type: oci
      insecure: true
      interval: 10m
      url: oci://$REGISTRY/charts
    ---
    apiVersion: helm.toolkit.fluxcd.io/v2beta2
    kind: HelmRelease
    metadata:
      name: podinfo
      namespace: demo
    spec:
      interval: 10m
      chart:
        spec:
          chart: podinfo
          version: "6.5.3"
          sourceRef:
            kind: HelmRepository
            name: podinfo
      test:
        enable: true
      values:
        replicaCount: 2
    """

    @Test("podinfo 6.5.3 with tests reaches Ready; kubectl describe shows Flux's events; helm history and get values read the release")
    func seed() async throws {
        let e2e = try EndToEnd()
        defer { e2e.cleanUp() }
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try await e2e.helm(["package", EndToEnd.podinfo, "-d", e2e.directory])
        try await e2e.helm(["push", e2e.directory + "/podinfo-6.5.3.tgz", "oci://\(registry.host)/charts", "--plain-http"])

        let up = try e2e.startUp()
        defer { up.stop() }
        try await e2e.waitForKubeconfig(up)
        try e2e.write("seed.yaml", Self.manifest.replacingOccurrences(of: "$REGISTRY", with: registry.host))
        try await e2e.kubectl(["apply", "-f", e2e.directory + "/seed.yaml"])

        let ready = try await e2e.poll(seconds: 240) {
            let r = try await e2e.kubectl(["get", "helmrelease", "podinfo", "-n", "demo", "-o",
                                           #"jsonpath={.status.conditions[?(@.type=="Ready")].status} {.status.conditions[?(@.type=="Ready")].message}"#],
                                          check: false)
            return r.stdout.hasPrefix("True ") ? r.stdout : nil
        }
        #expect(ready?.hasPrefix("True Helm test succeeded for release demo/podinfo.v1 with chart podinfo@6.5.3: ") == true,
                "HelmRelease not Ready: \(ready ?? "timed out")\n\(up.log.suffix(3000))")

        let describe = try await e2e.kubectl(["describe", "helmrelease", "podinfo", "-n", "demo"]).stdout
        #expect(describe.contains("HelmChartCreated"), "\(describe)")
        #expect(describe.contains("Helm install succeeded for release demo/podinfo.v1 with chart podinfo@6.5.3"), "\(describe)")
        #expect(describe.contains("TestSucceeded"), "\(describe)")
        #expect(describe.contains("test hooks completed successfully"), "\(describe)")

        let history = try await e2e.helm(["history", "podinfo", "-n", "demo", "--kubeconfig", e2e.kubeconfig]).stdout
        let rows = history.split(separator: "\n")
        #expect(rows.count == 2, "\(history)")
        #expect(rows.last.map { $0.hasPrefix("1") && $0.contains("deployed") && $0.contains("podinfo-6.5.3") && $0.contains("Install complete") } == true,
                "\(history)")
        let values = try await e2e.helm(["get", "values", "podinfo", "-n", "demo", "--kubeconfig", e2e.kubeconfig]).stdout
        #expect(values == "USER-SUPPLIED VALUES:\nreplicaCount: 2\n")
    }
}
