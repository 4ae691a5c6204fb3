import Foundation
import RegistryTesting
import SwiftFluxTesting
import Testing

/// `swiftflux bench mttp` at a small N, for correctness only (the timing targets live in the
/// benchmark): every object Ready and the rows printed; and the failure mode with the registry
/// stopped early.
@Suite("swiftflux bench mttp", .enabled(if: EndToEnd.isAvailable, "docker-registry, the swiftflux executable or ../shared/conformance is absent"))
struct MTTPBenchTests {
    @Test("at N = 10 every HelmChart and HelmRelease becomes Ready, then again after the upgrade, and the rows are printed")
    func tenReleases() async throws {
        let r = try await ProcessRunner.run(EndToEnd.swiftflux!, ["bench", "mttp", "--objects", "10", "--upgrade", "--timeout", "240",
                                                                  "--chart", EndToEnd.podinfo], timeout: 600)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "objects  kind                 duration  peak RSS  API requests  reconciles")
        #expect(rows.contains { $0.hasPrefix("     10  HelmChart ") })
        #expect(rows.contains { $0.hasPrefix("     10  HelmRelease ") })
        #expect(rows.contains { $0.hasPrefix("     10  HelmRelease, upgrade ") })
    }

    @Test("with the registry stopped once one chart is Ready, the run names the objects that are not Ready and why, and exits non-zero")
    func registryStopped() async throws {
        let r = try await ProcessRunner.run(EndToEnd.swiftflux!, ["bench", "mttp", "--kind", "helmchart", "--objects", "40",
                                                                  "--stop-registry-after", "1", "--timeout", "15",
                                                                  "--chart", EndToEnd.podinfo], timeout: 300)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("registry stopped with "), "\(r.stdout)")
        #expect(r.stdout.contains("HelmChart (not all Ready)"), "\(r.stdout)")
        #expect(r.stderr.contains(" of 40 objects not Ready after 15 s:"), "\(r.stderr)")
        #expect(r.stderr.contains("helm-benchmark/podinfo-"), "\(r.stderr)")
        #expect(r.stderr.contains("Ready=False"), "\(r.stderr)")
    }

    @Test("--controllers-only runs the controllers against another process's API server through a kubeconfig, and cleans up its namespace")
    func controllersOnly() async throws {
        let e2e = try EndToEnd()
        defer { e2e.cleanUp() }
        let server = try BackgroundProcess(EndToEnd.swiftflux!, ["apiserver", "--listen", "127.0.0.1:0", "--data-dir", e2e.directory + "/data",
                                                                 "--kubeconfig", e2e.kubeconfig], logPath: e2e.directory + "/apiserver.log")
        defer { server.stop() }
        try await e2e.waitForKubeconfig(server)
        let r = try await ProcessRunner.run(EndToEnd.swiftflux!, ["bench", "mttp", "--objects", "5", "--controllers-only", "--kubeconfig", e2e.kubeconfig,
                                                                  "--timeout", "240", "--chart", EndToEnd.podinfo], timeout: 600)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("      5  HelmRelease ") }, "\(r.stdout)")
        let again = try await ProcessRunner.run(EndToEnd.swiftflux!, ["bench", "mttp", "--objects", "1", "--controllers-only", "--kubeconfig", e2e.kubeconfig,
                                                                      "--timeout", "60", "--chart", EndToEnd.podinfo], timeout: 300)
        // The namespace of the first run is terminating or gone; a second run refuses only while it exists.
        #expect(again.status == 0 || again.stderr.contains("namespace helm-benchmark already exists"), "\(again.stdout)\(again.stderr)")
    }
}
