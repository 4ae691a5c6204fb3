import Foundation
import RegistryTesting
import SwiftFluxTesting
import Testing

/// The flux CLI (the `swiftflux` binary through a link named `flux`) as a new user types it,
/// against a `swiftflux up` process whose real controllers do the work.
@Suite("flux on swiftflux up: a new user's commands",
       .enabled(if: EndToEnd.isAvailable, "helm, kubectl, docker-registry, the swiftflux executable or ../shared/conformance is absent"))
struct FluxCLIOnUpTests {
    static let repository = """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: apps
    ---
    apiVersion: source.toolkit.fluxcd.io/v1beta2
    kind: HelmRepository
    metadata:
      name: podinfo
      namespace: apps
    spec:
      type: oci
      insecure: true
      interval: 10m
      url: oci://$REGISTRY/charts
    """

    @Test("create hr, get, reconcile --force, suspend, resume, events, export and delete with the real controllers")
    func newUser() async throws {
        let e2e = try EndToEnd()
        defer { e2e.cleanUp() }
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try await e2e.helm(["package", EndToEnd.podinfo, "-d", e2e.directory])
        try await e2e.helm(["push", e2e.directory + "/podinfo-6.5.3.tgz", "oci://\(registry.host)/charts", "--plain-http"])
        let flux = e2e.directory + "/flux"
        try FileManager.default.createSymbolicLink(atPath: flux, withDestinationPath: EndToEnd.swiftflux!)

        let up = try e2e.startUp()
        defer { up.stop() }
        try await e2e.waitForKubeconfig(up)
        // flux 2.2 cannot create an insecure (plain HTTP) OCI HelmRepository; kubectl applies it.
        try e2e.write("repository.yaml", Self.repository.replacingOccurrences(of: "$REGISTRY", with: registry.host))
        try await e2e.kubectl(["apply", "-f", e2e.directory + "/repository.yaml"])

        func run(_ arguments: [String]) async throws -> ProcessResult {
            try await e2e.run(flux, arguments + ["--namespace", "apps", "--timeout", "3m"], check: false)
        }
        let create = try await run(["create", "hr", "podinfo", "--chart=podinfo", "--chart-version=6.5.3", "--source=HelmRepository/podinfo"])
        #expect(create.status == 0, "\(create.stdout)\(create.stderr)")
        #expect(create.stderr.contains("✔ HelmRelease podinfo is ready"), "\(create.stderr)")

        let get = try await run(["get", "hr", "podinfo"])
        #expect(get.status == 0)
        let rows = get.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("NAME") == true && rows.count == 2, "\(get.stdout)")
        #expect(rows.last?.contains("True") == true && rows.last?.contains("Helm install succeeded for release apps/podinfo.v1 with chart podinfo@6.5.3") == true,
                "\(get.stdout)")

        let force = try await run(["reconcile", "hr", "podinfo", "--force"])
        #expect(force.status == 0, "\(force.stdout)\(force.stderr)")
        #expect(force.stderr.contains("✔ applied revision 6.5.3"), "\(force.stderr)")

        let suspend = try await run(["suspend", "hr", "podinfo"])
        #expect(suspend.status == 0 && suspend.stderr.contains("✔ helmrelease suspended"), "\(suspend.stdout)\(suspend.stderr)")
        let resume = try await run(["resume", "hr", "podinfo"])
        #expect(resume.status == 0 && resume.stderr.contains("✔ applied revision 6.5.3"), "\(resume.stderr)")

        let events = try await run(["events", "--for", "HelmRelease/podinfo"])
        #expect(events.status == 0)
        #expect(events.stdout.contains("InstallSucceeded") || events.stdout.contains("Helm install succeeded"), "\(events.stdout)")

        let export = try await run(["export", "hr", "--all"])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("---\napiVersion: helm.toolkit.fluxcd.io/v2beta2\nkind: HelmRelease\n"), "\(export.stdout)")

        let delete = try await run(["delete", "hr", "podinfo", "--silent"])
        #expect(delete.status == 0, "\(delete.stdout)\(delete.stderr)")
        let gone = try await e2e.poll(seconds: 60) { () -> Bool? in
            let r = try await e2e.kubectl(["get", "helmrelease", "podinfo", "-n", "apps"], check: false)
            return r.status != 0 ? true : nil
        }
        #expect(gone == true, "the HelmRelease was not deleted")
        let history = try await e2e.helm(["history", "podinfo", "-n", "apps", "--kubeconfig", e2e.kubeconfig], check: false)
        #expect(history.stderr.contains("release: not found"), "the release was not uninstalled: \(history.stdout)\(history.stderr)")
    }
}
